namespace Nengo;

/// <summary>
/// The rate LIF neuron with spike-rate adaptation: out = LIFRate(J − a), then
/// a ← a + (dt/τ_n)·(inc_n·out − a) (NEF.md §2).
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.AdaptiveLIFRate</c>. State: adaptation 0. Its rate approximation, gain/bias
/// and inverse ignore adaptation: they are <see cref="LIFRate"/>'s. At a constant current J the steady
/// state satisfies a = inc_n·r and r = LIFRate(J − a).
/// </remarks>
public record AdaptiveLIFRate : LIFRate
{
    private static readonly StateVariable[] StateVariables = [new("adaptation", new Uniform(0, 0))];

    /// <summary>Creates the neuron type.</summary>
    /// <param name="tauN">Adaptation time constant in seconds (&gt; 0).</param>
    /// <param name="incN">Adaptation increment per unit of output (≥ 0).</param>
    /// <param name="tauRc">Membrane RC time constant in seconds (&gt; 0).</param>
    /// <param name="tauRef">Absolute refractory period in seconds (≥ 0).</param>
    /// <param name="amplitude">Output scale (&gt; 0).</param>
    /// <exception cref="ValidationError">When a parameter is out of range.</exception>
    public AdaptiveLIFRate(double tauN = 1.0, double incN = 0.01, double tauRc = 0.02, double tauRef = 0.002, double amplitude = 1.0)
        : base(tauRc, tauRef, amplitude)
    {
        TauN = RequireNonNegative(tauN, nameof(tauN), allowZero: false);
        IncN = RequireNonNegative(incN, nameof(incN));
    }

    /// <summary>Adaptation time constant (s).</summary>
    public double TauN { get; }

    /// <summary>Adaptation increment.</summary>
    public double IncN { get; }

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> State => StateVariables;
}
