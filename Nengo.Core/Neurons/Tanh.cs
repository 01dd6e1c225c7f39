namespace Nengo;

/// <summary>A hyperbolic tangent rate neuron: out = tanh(J)/τ_ref; it can be negative (NEF.md §2).</summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.Tanh</c>. gain_bias: s = atanh(max_rate·τ_ref), gain = s/(1 − c), bias = −gain·c,
/// so the rate is zero at the intercept; it needs 0 &lt; max_rate &lt; 1/τ_ref.
/// </remarks>
public sealed record Tanh : NeuronType
{
    /// <summary>Creates the neuron type.</summary>
    /// <param name="tauRef">Sets the maximum rate 1/τ_ref, in seconds (&gt; 0).</param>
    /// <exception cref="ValidationError">When tauRef is not positive.</exception>
    public Tanh(double tauRef = 0.0025)
    {
        TauRef = RequireNonNegative(tauRef, nameof(tauRef), allowZero: false);
    }

    /// <summary>1 / the maximum rate (s).</summary>
    public double TauRef { get; }

    /// <inheritdoc />
    public override bool Spiking => false;

    /// <inheritdoc />
    public override bool Negative => true;

    /// <inheritdoc />
    public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates)
    {
        double top = 1.0 / TauRef;
        for (int i = 0; i < current.Length; i++) rates[i] = top * Math.Tanh(current[i]);
    }

    /// <inheritdoc />
    public override (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts)
    {
        int n = maxRates.Length;
        var gain = new double[n];
        var bias = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (!(maxRates[i] > 0 && maxRates[i] < 1.0 / TauRef))
                throw new BuildError(Check.Message(nameof(Tanh), "maxRates", $"must be in (0, 1/tauRef = {Check.Show(1.0 / TauRef)}) Hz", maxRates[i]));
            double s = Math.Atanh(maxRates[i] * TauRef);
            gain[i] = s / (1.0 - intercepts[i]);
            bias[i] = -gain[i] * intercepts[i];
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
            intercepts[i] = -bias[i] / gain[i];
            maxRates[i] = Math.Tanh(gain[i] + bias[i]) / TauRef;
        }
        return (maxRates, intercepts);
    }
}
