namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>Izhikevich populations (<c>Izhikevich.cl</c>).</summary>
internal sealed class IzhikevichKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "izhikevich";

    /// <inheritdoc />
    protected override int States => 2;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (Izhikevich)type;
        into.AddRange([t.TauRecovery, t.Coupling, t.ResetVoltage, t.ResetRecovery, 1.0 / dt, 1000.0 * dt]);
    }
}
