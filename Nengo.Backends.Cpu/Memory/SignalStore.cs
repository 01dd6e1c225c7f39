using System.Numerics;
using Nengo.Backends.Cpu.Numerics;
using Nengo.Graph;

namespace Nengo.Backends.Cpu.Memory;

/// <summary>
/// Owns the memory of every signal of a model: one contiguous arena of <typeparamref name="T"/> (double for
/// float64, float for float32) in which each base signal has an offset, so a view is index arithmetic and a
/// kernel is a loop over spans of one array.
/// </summary>
internal sealed class SignalStore<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<Signal, int> _offsets = new(ReferenceEqualityComparer.Instance);
    private readonly List<Signal> _bases = [];

    public SignalStore(IEnumerable<Signal> bases)
    {
        int total = 0;
        foreach (var b in bases)
        {
            if (b.Base is not null) throw new ArgumentException($"{b} is a view, not a base signal");
            if (_offsets.ContainsKey(b)) continue;
            _offsets[b] = total;
            _bases.Add(b);
            total += b.Size;
        }
        Arena = new T[total];
        Initialize();
    }

    /// <summary>The memory of every signal.</summary>
    public T[] Arena { get; }

    /// <summary>Where <paramref name="s"/> starts in the arena.</summary>
    public int OffsetOf(Signal s)
    {
        if (!_offsets.TryGetValue(s.Root, out int o))
            throw new InvalidOperationException($"Signal {s} was not allocated (its base {s.Root} is not in the model)");
        return o + s.Offset;
    }

    /// <summary>The current value of a signal, as doubles.</summary>
    public double[] Read(Signal s)
    {
        var values = new double[s.Size];
        Real.ToDoubles<T>(Arena.AsSpan(OffsetOf(s), s.Size), values);
        return values;
    }

    /// <summary>Writes every base signal's initial value (rounded to T).</summary>
    public void Initialize()
    {
        foreach (var b in _bases) Real.FromDoubles(b.Initial, Arena.AsSpan(_offsets[b], b.Size));
    }
}
