using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Nengo.Backends.Cpu.Kernels;
using Nengo.Backends.Cpu.Kernels.Neurons;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Scheduling;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.Cpu;

/// <summary>A model running on the CPU: kernels grouped by dependency level over one signal arena of <typeparamref name="T"/>.</summary>
internal sealed class CpuSimulation<T> : ISimulation, IProfiledSimulation where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SignalStore<T> _store;
    private readonly MatrixMemory _matrices;
    private readonly CpuKernel[] _kernels;
    private readonly ExecutionPlan _plan;
    private readonly ProbeBuffer[] _probes;
    private bool _disposed;

    public CpuSimulation(Model model, int seed, int threads, bool profile = false, long parallelThreshold = ExecutionPlan.DefaultParallelThreshold)
    {
        var lifGroups = LifMerging.Groups(model);
        _store = new SignalStore<T>(ArenaLayout.Order(model, lifGroups));
        _matrices = new MatrixMemory();
        try
        {
            var planned = Plan(model, _store, _matrices, lifGroups);
            _kernels = planned.Select(k => k.Kernel).ToArray();
            _plan = new ExecutionPlan(planned, threads, profile, parallelThreshold);
            _probes = model.Probes.Select(p => new ProbeBuffer(p, _store.OffsetOf(p.Signal))).ToArray();
            Reset(seed);
        }
        catch
        {
            // A kernel the backend cannot make: the matrices copied so far are freed now, not at finalisation.
            _plan?.Dispose();
            _matrices.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One kernel per operator, except that each group of LIF populations runs as slices of one range, the Resets and
    /// block Copies of a level run as one kernel each, and bias copies are done by the encoder products; in step order.
    /// </summary>
    private static List<PlannedKernel> Plan(Model model, SignalStore<T> store, MatrixMemory matrices, List<int[]> lifGroups)
    {
        var factory = new KernelFactory<T>(store, matrices, model);
        // Step-order indices another kernel runs: the LIF groups' operators, the bias copies the encoder products do,
        // then (added by the batching) the Resets and block Copies of the batches.
        var replaced = lifGroups.SelectMany(g => g).ToHashSet();
        var biasFrom = BiasFusion.Find(model, Vector256<T>.Count, factory.IsSpiking);
        replaced.UnionWith(biasFrom.Values);
        var planned = OperatorBatching.Batches(model, store, replaced);
        for (int i = 0; i < model.StepOrder.Count; i++)
        {
            if (replaced.Contains(i)) continue;
            var op = model.StepOrder[i];
            var writes = op.Sets.Concat(op.Incs).Concat(op.Updates).Select(s => (store.OffsetOf(s), s.Size)).ToArray();
            long cost = op.Sets.Concat(op.Incs).Concat(op.Reads).Concat(op.Updates).Sum(s => (long)s.Size) + (op is SimNeurons n ? 8L * n.Count : 0);
            var kernel = biasFrom.TryGetValue(i, out int copy)
                ? new DotIncKernel<T>((DotInc)op, store, matrices, sparseInput: false, initFrom: store.OffsetOf(((Copy)model.StepOrder[copy]).Src))
                : op.Accept(factory);
            string name = op switch
            {
                SimNeurons sn => $"SimNeurons({sn.NeuronType.GetType().Name})",
                DotInc d when factory.IsSpiking(d.X) => "DotInc(spikes)",
                _ => op.GetType().Name,
            };
            planned.Add(new PlannedKernel(kernel, model.StepLevels[i], i, writes, cost, name));
        }
        foreach (var g in lifGroups) planned.AddRange(LifMerging.Slices(model, g, store));
        return planned.OrderBy(k => k.Order).ToList();
    }

    public long Steps { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunSteps(int steps)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var p in _probes) p.Reserve(Steps, steps);
        var arena = _store.Arena;
        for (int s = 0; s < steps; s++)
        {
            _plan.RunStep();
            long step = ++Steps;
            foreach (var p in _probes) p.Sample(arena, step);
        }
    }

    public void Reset(int seed)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _store.Initialize();
        var rng = new Random(seed);
        foreach (var k in _kernels) k.Reset(rng);
        foreach (var p in _probes) p.Clear();
        Steps = 0;
    }

    public double[,] ProbeData(int probeIndex) => _probes[probeIndex].ToArray();

    public double[] ReadSignal(Signal signal) => _store.Read(signal);

    public string PlanReport() => _plan.Report();

    /// <summary>Threads the plan uses.</summary>
    public int Threads => _plan.Threads;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _plan.Dispose();
        _matrices.Dispose();
    }
}
