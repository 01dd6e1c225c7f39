using System.Numerics;
using Nengo.Backends.Cpu.Kernels.Neurons;
using Nengo.Backends.Cpu.Memory;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Turns each operator of the graph into its CPU kernel (one visitor method per operator type).</summary>
internal sealed class KernelFactory<T>(SignalStore<T> store, MatrixMemory matrices, Model model) : IOperatorVisitor<CpuKernel> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double dt = model.Dt;

    /// <summary>Outputs of spiking neurons: mostly zeros each step, so products with them skip the zeros.</summary>
    private readonly HashSet<Signal> _spiking = model.StepOrder.OfType<SimNeurons>().Where(n => n.NeuronType.Spiking)
        .Select(n => n.Output.Root).ToHashSet();

    /// <summary>Whether <paramref name="s"/> is (a view of) the output of spiking neurons.</summary>
    public bool IsSpiking(Signal s) => _spiking.Contains(s.Root);

    private readonly Dictionary<Type, Func<SimNeurons, SignalStore<T>, double, CpuKernel>> _neurons = NeuronKernels.RegisterDefaults<T>();
    private readonly Dictionary<Type, Func<SimProcess, SignalStore<T>, double, CpuKernel>> _processes = ProcessKernels.RegisterDefaults<T>();

    public CpuKernel Visit(TimeUpdate op) => new TimeUpdateKernel<T>(op, store, dt);
    public CpuKernel Visit(Reset op) => new ResetKernel<T>(op, store);
    public CpuKernel Visit(Copy op) => new CopyKernel<T>(op, store);
    public CpuKernel Visit(ElementwiseInc op) => new ElementwiseIncKernel<T>(op, store);
    public CpuKernel Visit(DotInc op) => new DotIncKernel<T>(op, store, matrices, IsSpiking(op.X));
    public CpuKernel Visit(SimNodeFunc op) => new SimNodeFuncKernel<T>(op, store);
    public CpuKernel Visit(SimPES op) => new SimPESKernel<T>(op, store, dt);
    public CpuKernel Visit(SimBCM op) => new SimBCMKernel<T>(op, store, dt);
    public CpuKernel Visit(SimOja op) => new SimOjaKernel<T>(op, store, dt);
    public CpuKernel Visit(SimVoja op) => new SimVojaKernel<T>(op, store, dt);
    public CpuKernel Visit(SimRLS op) => new SimRLSKernel<T>(op, store, dt);
    public CpuKernel Visit(SparseDotInc op) => new SparseDotIncKernel<T>(op, store);
    public CpuKernel Visit(ConvInc op) => new ConvIncKernel<T>(op, store);
    public CpuKernel Visit(ConvTransposeInc op) => new ConvTransposeIncKernel<T>(op, store);

    public CpuKernel Visit(SimNeurons op) =>
        _neurons.TryFind(op.NeuronType.GetType(), out var make) ? make(op, store, dt)
            : throw new NotSupportedByBackendError($"CPU backend: SimNeurons has no kernel for neuron type {op.NeuronType.GetType().Name} ({op.Tag}).");

    public CpuKernel Visit(SimProcess op) =>
        _processes.TryFind(op.Process.GetType(), out var make) ? make(op, store, dt)
            : throw new NotSupportedByBackendError($"CPU backend: SimProcess has no kernel for process type {op.Process.GetType().Name} ({op.Tag}).");
}
