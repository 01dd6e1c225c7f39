namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>SpikingRectifiedLinear populations (<c>SpikingRectifiedLinear.cl</c>).</summary>
internal sealed class SpikingRectifiedLinearKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "spiking_rectified_linear";

    /// <inheritdoc />
    protected override int States => 1;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (SpikingRectifiedLinear)type;
        into.Add(t.Amplitude / dt);
    }
}
