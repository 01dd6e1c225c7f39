namespace Nengo;

/// <summary>
/// A sigmoid rate neuron: out = (1/τ_ref)/(1 + e^(−J)). Its intercept is where the rate is half of its
/// maximum 1/τ_ref (J = 0), not where it is zero (NEF.md §2).
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.Sigmoid</c>. gain_bias: s = logit(max_rate·τ_ref), gain = s/(1 − c),
/// bias = s − gain; it needs 0 &lt; max_rate &lt; 1/τ_ref, and max_rate above half of 1/τ_ref for a positive gain.
/// </remarks>
public sealed record Sigmoid : NeuronType
{
    /// <summary>Creates the neuron type.</summary>
    /// <param name="tauRef">Sets the maximum rate 1/τ_ref, in seconds (&gt; 0).</param>
    /// <exception cref="ValidationError">When tauRef is not positive.</exception>
    public Sigmoid(double tauRef = 0.0025)
    {
        TauRef = RequireNonNegative(tauRef, nameof(tauRef), allowZero: false);
    }

    /// <summary>1 / the maximum rate (s).</summary>
    public double TauRef { get; }

    /// <inheritdoc />
    public override bool Spiking => false;

    /// <inheritdoc />
    public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates)
    {
        double top = 1.0 / TauRef;
        for (int i = 0; i < current.Length; i++) rates[i] = top / (1.0 + Math.Exp(-current[i]));
    }

    /// <inheritdoc />
    public override (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts)
    {
        int n = maxRates.Length;
        var gain = new double[n];
        var bias = new double[n];
        for (int i = 0; i < n; i++)
        {
            RequireReachable(maxRates[i]);
            double s = -Math.Log(1.0 / (TauRef * maxRates[i]) - 1.0);
            gain[i] = s / (1.0 - intercepts[i]);
            bias[i] = s - gain[i];
        }
        return (gain, bias);
    }

    /// <inheritdoc />
    public override (double[] MaxRates, double[] Intercepts) MaxRatesIntercepts(double[] gain, double[] bias)
    {
        int n = gain.Length;
        var maxRates = new double[n];
        var intercepts = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = gain[i] + bias[i];
            intercepts[i] = 1.0 - s / gain[i];
            maxRates[i] = 1.0 / TauRef / (1.0 + Math.Exp(-s));
        }
        return (maxRates, intercepts);
    }

    private void RequireReachable(double maxRate)
    {
        if (!(maxRate > 0 && maxRate < 1.0 / TauRef))
            throw new BuildError(Check.Message(nameof(Sigmoid), "maxRates", $"must be in (0, 1/tauRef = {Check.Show(1.0 / TauRef)}) Hz", maxRate));
    }
}
