namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>AdaptiveLIFRate populations (<c>AdaptiveLifRate.cl</c>).</summary>
internal sealed class AdaptiveLifRateKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "adaptive_lif_rate";

    /// <inheritdoc />
    protected override int States => 1;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (AdaptiveLIFRate)type;
        into.AddRange([t.TauRc, t.TauRef, t.Amplitude, t.IncN, dt / t.TauN]);
    }
}
