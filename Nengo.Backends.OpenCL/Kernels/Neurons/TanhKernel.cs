namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>Tanh populations (<c>Tanh.cl</c>).</summary>
internal sealed class TanhKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "tanh_neurons";

    /// <inheritdoc />
    protected override int States => 0;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (Tanh)type;
        into.Add(1.0 / t.TauRef);
    }
}
