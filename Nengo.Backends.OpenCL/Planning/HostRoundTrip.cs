using Nengo.Backends.OpenCL.Interop;
using Nengo.Backends.OpenCL.Memory;

namespace Nengo.Backends.OpenCL.Planning;

/// <summary>
/// The host functions with input of one dependency level: each step, read every input (and, for
/// accumulating processes, the output) in one wait of the queue, call the functions, and enqueue the
/// writes of their outputs. This is the one per-step synchronisation of the backend, and only models
/// with such nodes pay it (nengo_ocl's PythonPlan).
/// </summary>
internal sealed unsafe class HostRoundTrip : IStepItem
{
    private readonly ClContext _cl;
    private readonly ClBuffer _signals;
    private readonly OpenCLPrecision _precision;
    private readonly int _elementSize;
    private readonly Entry[] _entries;

    /// <summary>Prepares the round trip of <paramref name="functions"/>, whose outputs do not overlap.</summary>
    /// <param name="cl">The context.</param>
    /// <param name="signals">The signal buffer.</param>
    /// <param name="arena">The signal layout.</param>
    /// <param name="precision">The device precision.</param>
    /// <param name="functions">The functions.</param>
    public HostRoundTrip(ClContext cl, ClBuffer signals, SignalArena arena, OpenCLPrecision precision, IReadOnlyList<HostFunction> functions)
    {
        _cl = cl;
        _signals = signals;
        _precision = precision;
        _elementSize = Reals.Size(precision);
        _entries = functions.Select(f => new Entry(f, f.Input is null ? 0 : arena.OffsetOf(f.Input), arena.OffsetOf(f.Output), _elementSize)).ToArray();
    }

    /// <summary>The functions.</summary>
    public IEnumerable<HostFunction> Functions => _entries.Select(e => e.F);

    /// <inheritdoc />
    public void Run(int row, long step, double time)
    {
        int size = _elementSize;
        foreach (var e in _entries)
        {
            fixed (byte* p = e.InBytes) _cl.Read(_signals, (long)e.In * size, p, (long)e.X.Length * size, blocking: false);
            if (e.F.Inc)
                fixed (byte* p = e.OutBytes) _cl.Read(_signals, (long)e.Out * size, p, (long)e.Y.Length * size, blocking: false);
        }
        _cl.Finish();
        foreach (var e in _entries)
        {
            Reals.FromDevice(e.InBytes, e.X, _precision);
            e.F.Call(time, e.X, e.Y);
            if (e.F.Inc)
            {
                Reals.FromDevice(e.OutBytes, e.Previous, _precision);
                for (int i = 0; i < e.Y.Length; i++) e.Y[i] += e.Previous[i];
            }
            Reals.ToDevice(e.Y, e.OutBytes, _precision);
            // The staging is pinned and not touched again before the next wait of the queue.
            fixed (byte* p = e.OutBytes) _cl.Write(_signals, (long)e.Out * size, p, (long)e.Y.Length * size, blocking: false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"host round trip ({string.Join(", ", _entries.Select(e => e.F.Op.Tag ?? e.F.Op.ToString()))})";

    private sealed class Entry(HostFunction f, int input, int output, int elementSize)
    {
        public HostFunction F { get; } = f;
        public int In { get; } = input;
        public int Out { get; } = output;
        public double[] X { get; } = new double[f.Input?.Size ?? 0];
        public double[] Y { get; } = new double[f.Output.Size];
        public double[] Previous { get; } = new double[f.Inc ? f.Output.Size : 0];
        public byte[] InBytes { get; } = GC.AllocateArray<byte>(Math.Max(1, (f.Input?.Size ?? 0) * elementSize), pinned: true);
        public byte[] OutBytes { get; } = GC.AllocateArray<byte>(Math.Max(1, f.Output.Size * elementSize), pinned: true);
    }
}
