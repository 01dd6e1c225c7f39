using System.Numerics;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>The CPU kernel for each neuron type. A type missing here is a <see cref="BuildError"/> when the simulator is built.</summary>
internal static class NeuronKernels
{
    public static Dictionary<Type, Func<SimNeurons, SignalStore<T>, double, CpuKernel>> RegisterDefaults<T>() where T : unmanaged, IFloatingPointIeee754<T> => new()
    {
        [typeof(LIF)] = (op, store, dt) => new LifKernel<T>(op, store, dt),
        [typeof(LIFRate)] = (op, store, dt) => new LifRateKernel<T>(op, store),
        [typeof(RectifiedLinear)] = (op, store, dt) => new RectifiedLinearKernel<T>(op, store),
        [typeof(SpikingRectifiedLinear)] = (op, store, dt) => new SpikingRectifiedLinearKernel<T>(op, store, dt),
        [typeof(AdaptiveLIF)] = (op, store, dt) => new AdaptiveLifKernel<T>(op, store, dt),
        [typeof(AdaptiveLIFRate)] = (op, store, dt) => new AdaptiveLifRateKernel<T>(op, store, dt),
        [typeof(Sigmoid)] = (op, store, dt) => new SigmoidKernel<T>(op, store),
        [typeof(Tanh)] = (op, store, dt) => new TanhKernel<T>(op, store),
        [typeof(Izhikevich)] = (op, store, dt) => new IzhikevichKernel<T>(op, store, dt),
        [typeof(RegularSpiking)] = (op, store, dt) => new RegularSpikingKernel<T>(op, store, dt),
        [typeof(StochasticSpiking)] = (op, store, dt) => new StochasticSpikingKernel<T>(op, store, dt),
        [typeof(PoissonSpiking)] = (op, store, dt) => new PoissonSpikingKernel<T>(op, store, dt),
    };
}
