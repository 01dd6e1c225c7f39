namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>LIFRate populations (<c>LifRate.cl</c>).</summary>
internal sealed class LifRateKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "lif_rate";

    /// <inheritdoc />
    protected override int States => 0;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (LIFRate)type;
        into.AddRange([t.TauRc, t.TauRef, t.Amplitude]);
    }
}
