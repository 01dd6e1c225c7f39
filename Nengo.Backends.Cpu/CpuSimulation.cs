using Nengo.Backends.Cpu.Kernels;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Scheduling;
using Nengo.Graph;

namespace Nengo.Backends.Cpu;

/// <summary>A model running on the CPU: kernels grouped by dependency level over one signal arena, float64.</summary>
internal sealed class CpuSimulation : ISimulation, IProfiledSimulation
{
    private readonly Model _model;
    private readonly SignalStore _store;
    private readonly CpuKernel[] _kernels;
    private readonly ExecutionPlan _plan;
    private readonly ProbeBuffer[] _probes;
    private bool _disposed;

    public CpuSimulation(Model model, int seed, int threads, bool profile = false)
    {
        _model = model;
        _store = new SignalStore(model.BaseSignals);
        var factory = new KernelFactory(_store, model);
        _kernels = model.StepOrder.Select(op => op.Accept(factory)).ToArray();
        _plan = new ExecutionPlan(model, _kernels, threads, profile);
        _probes = model.Probes.Select(p => new ProbeBuffer(p, _store.OffsetOf(p.Signal))).ToArray();
        Reset(seed);
    }

    public long Steps { get; private set; }

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

    public double[] ReadSignal(Signal signal) => _store.Span(signal).ToArray();

    public string PlanReport() => _plan.Report();

    /// <summary>Threads the plan uses.</summary>
    public int Threads => _plan.Threads;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _plan.Dispose();
    }
}
