using Nengo.Graph;

namespace Nengo.Backends.Cpu.Memory;

/// <summary>
/// Owns the memory of every signal of a model: one contiguous float64 arena in which each base signal
/// has an offset, so a view is index arithmetic and a kernel is a loop over spans of one array.
/// </summary>
internal sealed class SignalStore
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
        Arena = new double[total];
        Initialize();
    }

    /// <summary>The memory of every signal.</summary>
    public double[] Arena { get; }

    /// <summary>Where <paramref name="s"/> starts in the arena.</summary>
    public int OffsetOf(Signal s)
    {
        if (!_offsets.TryGetValue(s.Root, out int o))
            throw new InvalidOperationException($"Signal {s} was not allocated (its base {s.Root} is not in the model)");
        return o + s.Offset;
    }

    /// <summary>The live memory of a signal.</summary>
    public Span<double> Span(Signal s) => Arena.AsSpan(OffsetOf(s), s.Size);

    /// <summary>Writes every base signal's initial value.</summary>
    public void Initialize()
    {
        foreach (var b in _bases) b.Initial.CopyTo(Arena.AsSpan(_offsets[b], b.Size));
    }
}
