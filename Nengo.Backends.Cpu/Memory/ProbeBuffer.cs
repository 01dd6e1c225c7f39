using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Backends.Cpu.Numerics;
using Nengo.Graph;

namespace Nengo.Backends.Cpu.Memory;

/// <summary>The samples of one probe, as doubles, in a buffer grown before a run (never during it).</summary>
internal sealed class ProbeBuffer(ProbeRecord record, int offset)
{
    private double[] _data = [];

    public ProbeRecord Record { get; } = record;
    public int Count { get; private set; }
    private int Width => Record.Signal.Size;

    /// <summary>Makes room for the samples of steps (from, from + steps].</summary>
    public void Reserve(long fromStep, int steps)
    {
        int extra = Record.SampleCount(fromStep + steps) - Record.SampleCount(fromStep);
        long needed = (long)(Count + extra) * Width;
        if (needed <= _data.Length) return;
        if (needed > Array.MaxLength) throw new SimulationError($"{Record.Probe.Describe}: {Count + extra} samples of {Width} values do not fit in memory; use sampleEvery.");
        Array.Resize(ref _data, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _data.Length)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sample<T>(T[] arena, long step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Record.IsSampled(step)) return;
        Real.ToDoubles<T>(arena.AsSpan(offset, Width), _data.AsSpan(Count * Width, Width));
        Count++;
    }

    public void Clear() => Count = 0;

    public double[,] ToArray()
    {
        var r = new double[Count, Width];
        for (int i = 0; i < Count; i++)
            for (int j = 0; j < Width; j++) r[i, j] = _data[i * Width + j];
        return r;
    }
}
