namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>RegularSpiking wrappers (<c>RegularSpiking.cl</c>); the base type runs as its own operator.</summary>
internal sealed class RegularSpikingKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "regular_spiking";

    /// <inheritdoc />
    protected override int States => 1;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (RegularSpiking)type;
        into.Add(t.Amplitude / dt);
    }
}
