namespace Nengo;

/// <summary>A rectified linear rate neuron: out = amplitude·max(0, J).</summary>
/// <remarks>Nengo equivalent: <c>nengo.RectifiedLinear</c>.</remarks>
public record RectifiedLinear : NeuronType
{
    /// <summary>Creates the neuron type.</summary>
    /// <param name="amplitude">Output scale (&gt; 0).</param>
    /// <exception cref="ValidationError">When amplitude is not positive.</exception>
    public RectifiedLinear(double amplitude = 1.0)
    {
        Amplitude = RequireNonNegative(amplitude, nameof(amplitude), allowZero: false);
    }

    /// <summary>Output scale.</summary>
    public double Amplitude { get; }

    /// <inheritdoc />
    public override bool Spiking => false;

    /// <inheritdoc />
    public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates)
    {
        for (int i = 0; i < current.Length; i++) rates[i] = Amplitude * Math.Max(0.0, current[i]);
    }

    /// <inheritdoc />
    public override (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts)
    {
        int n = maxRates.Length;
        var gain = new double[n];
        var bias = new double[n];
        for (int i = 0; i < n; i++)
        {
            gain[i] = maxRates[i] / (1.0 - intercepts[i]);
            bias[i] = -intercepts[i] * gain[i];
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
            maxRates[i] = gain[i] * (1.0 - intercepts[i]);
        }
        return (maxRates, intercepts);
    }
}

/// <summary>
/// A spiking rectified linear neuron: v += max(J, 0)·dt each step; every whole unit of v is a spike
/// (several can fall in one step). Its rate approximation is <see cref="RectifiedLinear"/>'s.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.SpikingRectifiedLinear</c>. State: voltage U(0, 1).</remarks>
public sealed record SpikingRectifiedLinear : RectifiedLinear
{
    private static readonly StateVariable[] StateVariables = [new("voltage", new Uniform(0, 1))];

    /// <summary>Creates the neuron type.</summary>
    /// <param name="amplitude">Spike scale (&gt; 0).</param>
    public SpikingRectifiedLinear(double amplitude = 1.0) : base(amplitude) { }

    /// <inheritdoc />
    public override bool Spiking => true;

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> State => StateVariables;
}
