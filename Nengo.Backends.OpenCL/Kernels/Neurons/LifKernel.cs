namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>LIF populations (<c>Lif.cl</c>): the CPU LifKernel's step in the device precision.</summary>
internal sealed class LifKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "lif";

    /// <inheritdoc />
    protected override int States => 2;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (LIF)type;
        into.AddRange([t.TauRc, t.TauRef, t.MinVoltage, t.Amplitude / dt]);
    }
}
