namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>AdaptiveLIF populations (<c>AdaptiveLif.cl</c>).</summary>
internal sealed class AdaptiveLifKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "adaptive_lif";

    /// <inheritdoc />
    protected override int States => 3;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (AdaptiveLIF)type;
        into.AddRange([t.TauRc, t.TauRef, t.MinVoltage, t.Amplitude / dt, t.IncN, dt / t.TauN]);
    }
}
