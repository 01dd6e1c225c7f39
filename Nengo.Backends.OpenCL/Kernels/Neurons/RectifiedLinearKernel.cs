namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>RectifiedLinear populations (<c>RectifiedLinear.cl</c>).</summary>
internal sealed class RectifiedLinearKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "rectified_linear";

    /// <inheritdoc />
    protected override int States => 0;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (RectifiedLinear)type;
        into.Add(t.Amplitude);
    }
}
