namespace Nengo;

/// <summary>
/// A spiking neuron type made from a rate type: the base type turns the current into a rate r, and the
/// wrapper turns r into spikes (out = amplitude·count/dt). Rates, gain/bias and their inverse are the base
/// type's (NEF.md §2, "Rates-to-spikes wrappers").
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.neurons.RatesToSpikesNeuronType</c>. Building creates two neuron operators,
/// base(J) → <c>rate_out</c> → wrapper(rate_out) → output; the probeable attributes of the neurons are
/// "output", "rate_out", the wrapper's <see cref="NeuronType.State"/>, then the base type's state.</para>
/// <para><see cref="NeuronType.State"/> is the wrapper's own state only (the base type's is built for the base
/// operator). A spiking base type is allowed, as in Nengo (which only warns). Rejected, with a
/// <see cref="ValidationError"/>: a <see cref="Direct"/> base (it has no rates), a base that is itself a
/// rates-to-spikes wrapper, and a base whose state names collide with the wrapper's (e.g.
/// <c>RegularSpiking(new LIF())</c>: both have "voltage"), since every state must be probeable by its name.</para>
/// </remarks>
public abstract record RatesToSpikesNeuronType : NeuronType
{
    /// <summary>Creates the wrapper.</summary>
    /// <param name="baseType">The rate type whose output is turned into spikes.</param>
    /// <param name="amplitude">Spike scale (&gt; 0): a spike outputs amplitude/dt.</param>
    /// <exception cref="ValidationError">When the base type or amplitude is not allowed.</exception>
    protected RatesToSpikesNeuronType(NeuronType baseType, double amplitude)
    {
        string owner = GetType().Name;
        Check.That(baseType is not null, owner, nameof(baseType), "must be a neuron type", baseType);
        Check.That(baseType is not Direct, owner, nameof(baseType), "must be a rate neuron type (Direct has no rates)", baseType?.GetType().Name);
        Check.That(baseType is not RatesToSpikesNeuronType, owner, nameof(baseType),
            "must not itself be a rates-to-spikes wrapper", baseType?.GetType().Name);
        BaseType = baseType!;
        Amplitude = RequireNonNegative(amplitude, nameof(amplitude), allowZero: false);
        var reserved = new HashSet<string>(["output", "rate_out", "input"]);
        foreach (var s in State) reserved.Add(s.Name);
        foreach (var s in BaseType.State)
            Check.That(reserved.Add(s.Name), owner, nameof(baseType),
                $"must have no state variable named like one of the wrapper's ({string.Join(", ", State.Select(x => x.Name).Prepend("rate_out"))})", s.Name);
    }

    /// <summary>The rate type the spikes are made from.</summary>
    public NeuronType BaseType { get; }

    /// <summary>Spike scale.</summary>
    public double Amplitude { get; }

    /// <inheritdoc />
    public override bool Spiking => true;

    /// <inheritdoc />
    public override bool Negative => BaseType.Negative;

    /// <summary>The base type's rates.</summary>
    /// <param name="current">Input currents J.</param>
    /// <param name="rates">Output rates in Hz.</param>
    public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates) =>
        BaseType.RatesFromCurrent(current, rates);

    /// <summary>The base type's gains and biases.</summary>
    /// <param name="maxRates">Firing rates at x = 1 (Hz).</param>
    /// <param name="intercepts">The x at which each neuron starts firing.</param>
    /// <returns>Gain and bias per neuron.</returns>
    public override (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts) =>
        BaseType.GainBias(maxRates, intercepts);

    /// <summary>The base type's inverse of gain/bias.</summary>
    /// <param name="gain">Gains.</param>
    /// <param name="bias">Biases.</param>
    /// <returns>Max rate and intercept per neuron.</returns>
    public override (double[] MaxRates, double[] Intercepts) MaxRatesIntercepts(double[] gain, double[] bias) =>
        BaseType.MaxRatesIntercepts(gain, bias);
}
