namespace Nengo;

/// <summary>
/// Turns a rate type's output r into regular spikes: v += dt·r; k = ⌊v⌋ spikes; out = amplitude·k/dt; v −= k
/// (a negative r gives negative spikes). Over T seconds the count is within ±1 of ∫r.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.RegularSpiking</c>. State: voltage U(0, 1) (plus the base type's).</remarks>
public sealed record RegularSpiking : RatesToSpikesNeuronType
{
    private static readonly StateVariable[] StateVariables = [new("voltage", new Uniform(0, 1))];

    /// <summary>Creates the wrapper.</summary>
    /// <param name="baseType">The rate type, e.g. <c>new LIFRate()</c>.</param>
    /// <param name="amplitude">Spike scale (&gt; 0).</param>
    /// <exception cref="ValidationError">When the base type or amplitude is not allowed.</exception>
    public RegularSpiking(NeuronType baseType, double amplitude = 1.0) : base(baseType, amplitude) { }

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> State => StateVariables;
}
