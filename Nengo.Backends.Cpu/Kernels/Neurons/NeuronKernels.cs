using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>The CPU kernel for each neuron type. A type missing here is a <see cref="BuildError"/> when the simulator is built.</summary>
internal static class NeuronKernels
{
    public static Dictionary<Type, Func<SimNeurons, SignalStore, double, CpuKernel>> RegisterDefaults() => new()
    {
        [typeof(LIF)] = (op, store, dt) => new LifKernel(op, store, dt),
        [typeof(LIFRate)] = (op, store, dt) => new LifRateKernel(op, store),
        [typeof(RectifiedLinear)] = (op, store, dt) => new RectifiedLinearKernel(op, store),
        [typeof(SpikingRectifiedLinear)] = (op, store, dt) => new SpikingRectifiedLinearKernel(op, store, dt),
    };
}
