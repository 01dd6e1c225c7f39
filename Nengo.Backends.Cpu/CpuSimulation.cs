using Nengo.Backends.Cpu.Kernels;
using Nengo.Backends.Cpu.Memory;
using Nengo.Graph;

namespace Nengo.Backends.Cpu;

/// <summary>A model running on the CPU: kernels in step order over one signal arena, float64.</summary>
internal sealed class CpuSimulation : ISimulation
{
    private readonly Model _model;
    private readonly SignalStore _store;
    private readonly CpuKernel[] _kernels;
    private readonly ProbeBuffer[] _probes;
    private bool _disposed;

    public CpuSimulation(Model model, int seed)
    {
        _model = model;
        _store = new SignalStore(model.BaseSignals);
        var factory = new KernelFactory(_store, model.Dt);
        _kernels = model.StepOrder.Select(op => op.Accept(factory)).ToArray();
        _probes = model.Probes.Select(p => new ProbeBuffer(p, _store.OffsetOf(p.Signal))).ToArray();
        Reset(seed);
    }

    public long Steps { get; private set; }

    public void RunSteps(int steps)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var p in _probes) p.Reserve(Steps, steps);
        var arena = _store.Arena;
        var kernels = _kernels;
        for (int s = 0; s < steps; s++)
        {
            for (int k = 0; k < kernels.Length; k++) kernels[k].Run();
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

    public void Dispose() => _disposed = true;
}
