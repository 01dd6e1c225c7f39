namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>Sigmoid populations (<c>Sigmoid.cl</c>).</summary>
internal sealed class SigmoidKernel : NeuronKernel
{
    /// <inheritdoc />
    protected override string KernelName => "sigmoid";

    /// <inheritdoc />
    protected override int States => 0;

    /// <inheritdoc />
    protected override void Parameters(NeuronType type, double dt, List<double> into)
    {
        var t = (Sigmoid)type;
        into.Add(1.0 / t.TauRef);
    }
}
