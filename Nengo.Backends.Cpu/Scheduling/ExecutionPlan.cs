using System.Runtime.CompilerServices;
using Nengo.Backends.Cpu.Kernels;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// One step of kernels, grouped by dependency level. Within a level, kernels that accumulate into the
/// same memory form one unit that runs in build order; units are independent, so a level with enough
/// work is spread over the worker threads (binned once, by estimated cost). Every output element is
/// computed by exactly one thread in a fixed order, so float64 results are bit-identical for any number
/// of threads — and whether a level runs on the workers or on the calling thread is a pure speed choice,
/// made while running by <see cref="ParallelModeTuner"/>.
/// </summary>
internal sealed class ExecutionPlan : IDisposable
{
    /// <summary>
    /// Below this estimated cost (elements touched) a level runs on the calling thread. Handing a level to the
    /// workers and waiting for them costs microseconds on a virtual machine; measured on the 2-core VM of
    /// benchmarks/RESULTS.md, scale-16 (levels up to 256 k) and circconv (211 k) ran faster on one thread, scale-64
    /// (levels of 0.5-1 M) faster on two.
    /// </summary>
    public const long DefaultParallelThreshold = 300_000;

    /// <summary>
    /// A plan with a parallel level of at least this many times the threshold starts on the workers
    /// (<see cref="ParallelModeTuner"/>): scale-64 (levels of 0.5–1 M) and scale-256 ran faster that way in 200-step runs
    /// (benchmarks/RESULTS.md, seventh session); a plan whose levels are just above the threshold starts on the calling thread.
    /// </summary>
    public const int StartParallelFactor = 2;

    private readonly Level[] _levels;
    private readonly WorkerPool? _pool;
    private readonly ParallelModeTuner? _tuner;
    private readonly bool _startsOnWorkers;
    private Level? _current;
    private readonly Action<int> _runBin;

    private readonly bool _profile;
    private readonly Dictionary<string, (long Ticks, long Calls)> _times = [];
    private readonly Dictionary<CpuKernel, string> _names = new(ReferenceEqualityComparer.Instance);

    public ExecutionPlan(IReadOnlyList<PlannedKernel> kernels, int threads, bool profile = false, long parallelThreshold = DefaultParallelThreshold)
    {
        _profile = profile;
        foreach (var k in kernels) _names[k.Kernel] = k.Name;
        var levels = new List<Level>();
        bool anyParallel = false;
        long largest = 0;
        foreach (var g in kernels.GroupBy(k => k.Level).OrderBy(g => g.Key))
        {
            var units = Units(g.ToArray());
            long cost = units.Sum(u => u.Cost);
            int bins = threads > 1 && units.Count > 1 && cost >= parallelThreshold ? Math.Min(threads, units.Count) : 1;
            anyParallel |= bins > 1;
            if (bins > 1) largest = Math.Max(largest, cost);
            levels.Add(new Level(Bin(units, bins).Select(b => b.SelectMany(u => u.Kernels).OrderBy(k => k.Order).Select(k => k.Kernel).ToArray()).ToArray()));
        }
        _levels = [.. levels];
        _pool = anyParallel ? new WorkerPool(threads) : null;
        _startsOnWorkers = anyParallel && largest >= StartParallelFactor * parallelThreshold;
        _tuner = anyParallel ? new ParallelModeTuner(startParallel: _startsOnWorkers) : null;
        _runBin = RunBin;
        Threads = _pool?.Workers ?? 1;
    }

    /// <summary>Threads actually used (1 when no level has enough work).</summary>
    public int Threads { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunStep()
    {
        if (_profile) { RunStepProfiled(); return; }
        if (_tuner is null) { RunLevels(parallel: false); return; }
        long start = ParallelModeTuner.Start();
        RunLevels(_tuner.Parallel);
        _tuner.Stepped(start);
    }

    /// <summary>Every level in order; parallel levels on the workers or, bin after bin, on this thread (same results).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunLevels(bool parallel)
    {
        foreach (var level in _levels)
        {
            if (parallel && level.Bins.Length > 1)
            {
                _current = level;
                _pool!.Run(_runBin);
                continue;
            }
            foreach (var ks in level.Bins)
                for (int k = 0; k < ks.Length; k++) ks[k].Run();
        }
    }

    /// <summary>One step on the calling thread, timing every kernel (profiling mode).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunStepProfiled()
    {
        foreach (var level in _levels)
            foreach (var bin in level.Bins)
                foreach (var k in bin)
                {
                    long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                    k.Run();
                    long dt = System.Diagnostics.Stopwatch.GetTimestamp() - t0;
                    string name = _names[k];
                    var (ticks, calls) = _times.GetValueOrDefault(name);
                    _times[name] = (ticks + dt, calls + 1);
                }
    }

    /// <summary>The plan (levels, bins, threads) and, when profiling, the time per operator type.</summary>
    public string Report()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"CPU plan: {_levels.Length} levels, {_levels.Count(l => l.Bins.Length > 1)} run in parallel on {Threads} threads, {_names.Count} kernels, starting on {(_startsOnWorkers ? "the workers" : "the calling thread")}");
        if (_times.Count > 0)
        {
            double total = _times.Values.Sum(v => v.Ticks);
            foreach (var (name, (ticks, calls)) in _times.OrderByDescending(kv => kv.Value.Ticks))
                sb.AppendLine($"  {name,-28} {ticks * 1e3 / System.Diagnostics.Stopwatch.Frequency,10:F1} ms  {100 * ticks / total,5:F1} %  {calls,10} calls");
        }
        return sb.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunBin(int worker)
    {
        var bins = _current!.Bins;
        for (int b = worker; b < bins.Length; b += _pool!.Workers)
        {
            var ks = bins[b];
            for (int k = 0; k < ks.Length; k++) ks[k].Run();
        }
    }

    public void Dispose() => _pool?.Dispose();

    private sealed record Level(CpuKernel[][] Bins);

    private sealed record Unit(List<PlannedKernel> Kernels, long Cost)
    {
        public int First => Kernels.Min(k => k.Order);
    }

    /// <summary>Joins the kernels of one level that write overlapping arena ranges (incs into one accumulator) into units.</summary>
    private static List<Unit> Units(PlannedKernel[] kernels)
    {
        var parent = Enumerable.Range(0, kernels.Length).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        var ranges = kernels.SelectMany((k, i) => k.Writes.Where(w => w.Length > 0).Select(w => (w.Start, End: w.Start + w.Length, Kernel: i)))
            .OrderBy(r => r.Start).ToList();
        int reachKernel = -1, reach = int.MinValue;
        foreach (var (start, end, k) in ranges)
        {
            if (start < reach) parent[Find(k)] = Find(reachKernel);
            if (end > reach) { reach = end; reachKernel = k; }
        }
        return Enumerable.Range(0, kernels.Length).GroupBy(Find)
            .Select(g => new Unit(g.Select(i => kernels[i]).ToList(), g.Sum(i => kernels[i].Cost))).ToList();
    }

    /// <summary>Longest-processing-time-first binning.</summary>
    private static List<List<Unit>> Bin(List<Unit> units, int bins)
    {
        var result = Enumerable.Range(0, bins).Select(_ => new List<Unit>()).ToList();
        var load = new long[bins];
        foreach (var u in units.OrderByDescending(u => u.Cost).ThenBy(u => u.First))
        {
            int b = Array.IndexOf(load, load.Min());
            result[b].Add(u);
            load[b] += u.Cost;
        }
        return result.Where(b => b.Count > 0).ToList();
    }
}
