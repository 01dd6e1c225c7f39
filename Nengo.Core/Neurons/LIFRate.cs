using System.Runtime.Intrinsics;

namespace Nengo;

/// <summary>The rate-based leaky integrate-and-fire neuron: rate(J) = amplitude / (τ_ref + τ_rc·ln(1 + 1/(J − 1))) for J &gt; 1.</summary>
/// <remarks>Nengo equivalent: <c>nengo.LIFRate</c>.</remarks>
public record LIFRate : NeuronType
{
    /// <summary>Creates the neuron type.</summary>
    /// <param name="tauRc">Membrane RC time constant in seconds (&gt; 0).</param>
    /// <param name="tauRef">Absolute refractory period in seconds (≥ 0).</param>
    /// <param name="amplitude">Output scale (&gt; 0).</param>
    /// <exception cref="ValidationError">When a parameter is out of range.</exception>
    public LIFRate(double tauRc = 0.02, double tauRef = 0.002, double amplitude = 1.0)
    {
        TauRc = RequireNonNegative(tauRc, nameof(tauRc), allowZero: false);
        TauRef = RequireNonNegative(tauRef, nameof(tauRef));
        Amplitude = RequireNonNegative(amplitude, nameof(amplitude), allowZero: false);
    }

    /// <summary>Membrane RC time constant (s).</summary>
    public double TauRc { get; }

    /// <summary>Refractory period (s).</summary>
    public double TauRef { get; }

    /// <summary>Output scale.</summary>
    public double Amplitude { get; }

    /// <inheritdoc />
    public override bool Spiking => false;

    /// <inheritdoc />
    /// <remarks>
    /// Eight currents at a time (two vectors side by side), ln(1 + 1/(J − 1)) by a vector log1p (<see cref="Numerics.VectorLogP1"/>, within
    /// 1.5 ulp; more accurate than ln of the rounded 1 + 1/(J − 1) for large J); the last few currents go through the
    /// same vector code, so a rate does not depend on where its current sits.
    /// </remarks>
    public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates)
    {
        if (rates.Length < current.Length)
            throw new ArgumentException($"{GetType().Name}: {rates.Length} rates for {current.Length} currents", nameof(rates));
        int lanes = Vector256<double>.Count, i = 0;
        for (; i + 2 * lanes <= current.Length; i += 2 * lanes)
        {
            var (first, second) = Rates(Vector256.Create(current.Slice(i, lanes)), Vector256.Create(current.Slice(i + lanes, lanes)));
            first.CopyTo(rates.Slice(i, lanes));
            second.CopyTo(rates.Slice(i + lanes, lanes));
        }
        for (; i + lanes <= current.Length; i += lanes)
            Rates(Vector256.Create(current.Slice(i, lanes))).CopyTo(rates.Slice(i, lanes));
        if (i == current.Length) return;
        Span<double> lane = stackalloc double[lanes];
        lane.Clear();
        current[i..].CopyTo(lane);
        Rates(Vector256.Create(lane)).CopyTo(lane);
        lane[..(current.Length - i)].CopyTo(rates[i..]);
    }

    private Vector256<double> Rates(Vector256<double> current)
    {
        var j = current - Vector256<double>.One;
        return Rate(j, Numerics.VectorLogP1.Of(Vector256<double>.One / j));
    }

    /// <summary>The rates of two vectors of currents, their logarithms side by side (the same values as one at a time).</summary>
    private (Vector256<double>, Vector256<double>) Rates(Vector256<double> current0, Vector256<double> current1)
    {
        var j0 = current0 - Vector256<double>.One;
        var j1 = current1 - Vector256<double>.One;
        var (log0, log1) = Numerics.VectorLogP1.Of(Vector256<double>.One / j0, Vector256<double>.One / j1);
        return (Rate(j0, log0), Rate(j1, log1));
    }

    /// <summary>amplitude / (τ_ref + τ_rc·ln(1 + 1/(J − 1))) where J − 1 = <paramref name="j"/> &gt; 0, else 0.</summary>
    private Vector256<double> Rate(Vector256<double> j, Vector256<double> log)
    {
        var rate = Vector256.Create(Amplitude) / (Vector256.Create(TauRef) + Vector256.Create(TauRc) * log);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(j, Vector256<double>.Zero), rate, Vector256<double>.Zero);
    }

    /// <inheritdoc />
    public override (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts)
    {
        int n = maxRates.Length;
        var gain = new double[n];
        var bias = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (maxRates[i] <= 0 || maxRates[i] >= 1.0 / TauRef)
                throw new BuildError(Check.Message(GetType().Name, "maxRates",
                    $"must be in (0, 1/tauRef = {Check.Show(1.0 / TauRef)}) Hz", maxRates[i]));
            double jMax = 1.0 / (1.0 - Math.Exp((TauRef - 1.0 / maxRates[i]) / TauRc));
            gain[i] = (jMax - 1.0) / (1.0 - intercepts[i]);
            bias[i] = 1.0 - gain[i] * intercepts[i];
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
            intercepts[i] = (1.0 - bias[i]) / gain[i];
            double jMax = gain[i] + bias[i];
            maxRates[i] = jMax > 1 ? 1.0 / (TauRef + TauRc * Math.Log(1.0 + 1.0 / (jMax - 1.0))) : 0.0;
        }
        return (maxRates, intercepts);
    }
}
