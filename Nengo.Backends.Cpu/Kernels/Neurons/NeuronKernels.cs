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
        [typeof(AdaptiveLIF)] = (op, store, dt) => new AdaptiveLifKernel(op, store, dt),
        [typeof(AdaptiveLIFRate)] = (op, store, dt) => new AdaptiveLifRateKernel(op, store, dt),
        [typeof(Sigmoid)] = (op, store, dt) => new SigmoidKernel(op, store),
        [typeof(Tanh)] = (op, store, dt) => new TanhKernel(op, store),
        [typeof(Izhikevich)] = (op, store, dt) => new IzhikevichKernel(op, store, dt),
        [typeof(RegularSpiking)] = (op, store, dt) => new RegularSpikingKernel(op, store, dt),
        [typeof(StochasticSpiking)] = (op, store, dt) => new StochasticSpikingKernel(op, store, dt),
        [typeof(PoissonSpiking)] = (op, store, dt) => new PoissonSpikingKernel(op, store, dt),
    };
}
