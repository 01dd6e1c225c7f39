using Nengo.Backends.OpenCL.Interop;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph;

namespace Nengo.Backends.OpenCL.Memory;

/// <summary>
/// Probes recorded on the device and read back once per block of steps (nengo_ocl's probe buffers).
/// Probes with the same sampling period form a group: one launch copies all their signals into the
/// next row of the group's device buffer when the step is sampled, and the host reads only the filled
/// rows at the end of the block (one read per group) and appends them to each probe's float64 samples.
/// </summary>
internal sealed unsafe class ProbeBuffers
{
    private readonly Group[] _groups;
    private readonly Store[] _stores;
    private OpenCLPrecision _precision;

    /// <summary>Groups the model's probes by period.</summary>
    /// <param name="model">The model.</param>
    /// <param name="arena">The signal layout.</param>
    public ProbeBuffers(Model model, SignalArena arena)
    {
        _stores = model.Probes.Select(p => new Store(p)).ToArray();
        var groups = new List<Group>();
        for (int i = 0; i < model.Probes.Count; i++)
        {
            var p = model.Probes[i];
            double period = Math.Max(1.0, p.Period);
            var g = groups.Find(x => x.Period == period);
            if (g is null) groups.Add(g = new Group(period));
            int column = g.Width, src = arena.OffsetOf(p.Signal);
            for (int j = 0; j < p.Signal.Size; j++) g.Entries.AddRange([src + j, column + j]);
            g.Members.Add((i, column, p.Signal.Size));
            g.Width += p.Signal.Size;
        }
        _groups = [.. groups];
    }

    /// <summary>The values recorded per step if every probe is sampled (for sizing blocks).</summary>
    public int TotalWidth => _groups.Sum(g => g.Width);

    /// <summary>Allocates the device buffers for blocks of <paramref name="blockSteps"/> steps and prepares the launches.</summary>
    /// <param name="ctx">The device, program and signal buffer.</param>
    /// <param name="blockSteps">Steps per block.</param>
    /// <exception cref="OpenCLException">When allocation fails.</exception>
    public void Emit(EmitContext ctx, int blockSteps)
    {
        _precision = ctx.Precision;
        int size = Reals.Size(ctx.Precision);
        foreach (var g in _groups)
        {
            g.Rows = (int)Math.Min(blockSteps, Math.Ceiling(blockSteps / g.Period) + 1);
            if (g.Width == 0) continue;
            g.Device = ctx.Cl.CreateBuffer((long)g.Rows * g.Width * size, $"probe buffer ({g.Members.Count} probes, period {g.Period})");
            g.Staging = GC.AllocateArray<byte>(g.Rows * g.Width * size, pinned: true);
            g.Kernel = ctx.Kernel("probe");
            g.Kernel.Set(0, ctx.Signals);
            g.Kernel.Set(1, g.Device);
            g.Kernel.Set(2, g.Width);
            g.Kernel.Set(3, ctx.Ints(g.Entries, "probe entries"));
            g.Kernel.Set(4, g.Width);
            g.Cl = ctx.Cl;
        }
    }

    /// <summary>Records every probe sampled at <paramref name="step"/> (after the step has run).</summary>
    /// <param name="step">The step just computed (1-based).</param>
    /// <exception cref="OpenCLException">When a launch fails.</exception>
    public void Sample(long step)
    {
        foreach (var g in _groups)
        {
            if (!ProbeRecord.IsSampledStep(step, g.Period)) continue;
            if (g.Kernel is { } k)
            {
                k.Set(5, g.Count);
                g.Cl!.Launch(k, (nuint)g.Width);
            }
            g.Count++;
        }
    }

    /// <summary>Reads the rows recorded since the last drain (waiting for the queue) and appends them to the probes' samples.</summary>
    /// <exception cref="OpenCLException">When the read fails, including any failure of the block's kernels.</exception>
    public void Drain()
    {
        foreach (var g in _groups)
        {
            if (g.Count == 0) continue;
            if (g.Device is { } device)
            {
                int size = Reals.Size(_precision);
                fixed (byte* p = g.Staging) g.Cl!.Read(device, 0, p, (long)g.Count * g.Width * size, blocking: true);
                var row = new double[g.Width];
                for (int r = 0; r < g.Count; r++)
                {
                    Reals.FromDevice(g.Staging.AsSpan(r * g.Width * size, g.Width * size), row, _precision);
                    foreach (var (probe, column, width) in g.Members) _stores[probe].Append(row.AsSpan(column, width));
                }
            }
            else
                foreach (var (probe, _, _) in g.Members) for (int r = 0; r < g.Count; r++) _stores[probe].Append([]);
            g.Count = 0;
        }
    }

    /// <summary>Grows each probe's host samples for steps (from, from + steps], before a run.</summary>
    /// <param name="fromStep">Steps already run.</param>
    /// <param name="steps">Steps about to run.</param>
    /// <exception cref="SimulationError">When the samples would not fit in memory.</exception>
    public void Reserve(long fromStep, int steps)
    {
        foreach (var s in _stores) s.Reserve(fromStep, steps);
    }

    /// <summary>Forgets every sample (on reset).</summary>
    public void Clear()
    {
        foreach (var s in _stores) s.Count = 0;
        foreach (var g in _groups) g.Count = 0;
    }

    /// <summary>The samples of probe <paramref name="index"/>, rows = samples.</summary>
    /// <param name="index">Index into <see cref="Model.Probes"/>.</param>
    /// <returns>A new array.</returns>
    public double[,] ToArray(int index) => _stores[index].ToArray();

    private sealed class Group(double period)
    {
        public double Period { get; } = period;
        public List<(int Probe, int Column, int Width)> Members { get; } = [];
        public List<int> Entries { get; } = [];
        public int Width { get; set; }
        public int Rows { get; set; }
        public int Count { get; set; }
        public ClBuffer? Device { get; set; }
        public ClKernel? Kernel { get; set; }
        public ClContext? Cl { get; set; }
        public byte[] Staging { get; set; } = [];
    }

    private sealed class Store(ProbeRecord record)
    {
        private double[] _data = [];
        public int Count { get; set; }
        private int Width => record.Signal.Size;

        public void Reserve(long fromStep, int steps)
        {
            int extra = record.SampleCount(fromStep + steps) - record.SampleCount(fromStep);
            long needed = (long)(Count + extra) * Width;
            if (needed <= _data.Length) return;
            if (needed > Array.MaxLength)
                throw new SimulationError($"{record.Probe.Describe}: {Count + extra} samples of {Width} values do not fit in memory; use sampleEvery.");
            Array.Resize(ref _data, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _data.Length)));
        }

        public void Append(ReadOnlySpan<double> row)
        {
            row.CopyTo(_data.AsSpan(Count * Width, Width));
            Count++;
        }

        public double[,] ToArray()
        {
            var r = new double[Count, Width];
            for (int i = 0; i < Count; i++)
                for (int j = 0; j < Width; j++) r[i, j] = _data[i * Width + j];
            return r;
        }
    }
}
