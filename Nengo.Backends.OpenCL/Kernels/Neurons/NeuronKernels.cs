namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>
/// The OpenCL kernel of each neuron type (looked up with base-type fallback, as on the CPU), and the
/// reason for each type that deliberately has none. Neurons never fall back to the host: a missing
/// kernel is a <see cref="NotSupportedByBackendError"/> when the simulator is built.
/// </summary>
internal static class NeuronKernels
{
    /// <summary>The kernel factory of each supported neuron type.</summary>
    /// <returns>A new registry.</returns>
    public static Dictionary<Type, Func<NeuronKernel>> RegisterDefaults() => new()
    {
        [typeof(LIF)] = () => new LifKernel(),
        [typeof(LIFRate)] = () => new LifRateKernel(),
        [typeof(RectifiedLinear)] = () => new RectifiedLinearKernel(),
        [typeof(SpikingRectifiedLinear)] = () => new SpikingRectifiedLinearKernel(),
        [typeof(AdaptiveLIF)] = () => new AdaptiveLifKernel(),
        [typeof(AdaptiveLIFRate)] = () => new AdaptiveLifRateKernel(),
        [typeof(Sigmoid)] = () => new SigmoidKernel(),
        [typeof(Tanh)] = () => new TanhKernel(),
        [typeof(Izhikevich)] = () => new IzhikevichKernel(),
        [typeof(RegularSpiking)] = () => new RegularSpikingKernel(),
    };

    /// <summary>Why a neuron type has no kernel (for the error message).</summary>
    /// <param name="type">The neuron type.</param>
    /// <returns>The reason.</returns>
    public static string UnsupportedReason(Type type) => type.Name switch
    {
        nameof(StochasticSpiking) or nameof(PoissonSpiking) =>
            "it draws random numbers per neuron and step from the host's generator; this backend has no device generator yet " +
            "and never steps neurons on the host (use RegularSpiking, or the CPU backend)",
        _ => "no OpenCL kernel is registered for it (custom neuron types run on the CPU backend only)",
    };
}
