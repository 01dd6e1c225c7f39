namespace Nengo;

/// <summary>
/// Direct mode: the ensemble is not simulated as neurons; its output is its decoded input, and
/// outgoing connections evaluate their functions exactly. Its neurons have size 0.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Direct</c>. Max rates and intercepts are still drawn (NEF.md §9.3).</remarks>
public sealed record Direct : NeuronType
{
    /// <inheritdoc />
    public override bool Spiking => false;

    /// <inheritdoc />
    public override bool Negative => true;

    /// <inheritdoc />
    public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates) =>
        throw new BuildError("Direct: neurons in Direct mode have no rates.");

    /// <inheritdoc />
    public override (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts) =>
        throw new BuildError("Direct: neurons in Direct mode have no gain or bias.");

    /// <inheritdoc />
    public override (double[] MaxRates, double[] Intercepts) MaxRatesIntercepts(double[] gain, double[] bias) =>
        throw new BuildError("Direct: neurons in Direct mode have no gain or bias.");
}
