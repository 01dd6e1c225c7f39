namespace Nengo;

/// <summary>
/// The spiking LIF neuron with spike-rate adaptation: the <see cref="LIF"/> step on J − a, then
/// a ← a + (dt/τ_n)·(inc_n·out − a), so each spike (out = amplitude/dt) adds about inc_n·amplitude/τ_n to a
/// (NEF.md §2).
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.AdaptiveLIF</c>. State: voltage U(0, 1), refractory_time 0, adaptation 0.
/// Its rate approximation ignores adaptation (plain <see cref="LIFRate"/>). Unlike Nengo, where it derives
/// from LIF, it derives from <see cref="AdaptiveLIFRate"/> (LIF is sealed here); the parameters are the same.
/// </remarks>
public sealed record AdaptiveLIF : AdaptiveLIFRate
{
    private static readonly StateVariable[] StateVariables =
    [
        new("voltage", new Uniform(0, 1)),
        new("refractory_time", new Uniform(0, 0)),
        new("adaptation", new Uniform(0, 0)),
    ];

    /// <summary>Creates the neuron type.</summary>
    /// <param name="tauN">Adaptation time constant in seconds (&gt; 0).</param>
    /// <param name="incN">Adaptation increment per spike·s (≥ 0).</param>
    /// <param name="tauRc">Membrane RC time constant in seconds (&gt; 0).</param>
    /// <param name="tauRef">Absolute refractory period in seconds (≥ 0).</param>
    /// <param name="minVoltage">Lower bound of the membrane voltage (default 0; −∞ disables it).</param>
    /// <param name="amplitude">Spike scale: a spike outputs amplitude/dt.</param>
    /// <exception cref="ValidationError">When a parameter is out of range.</exception>
    public AdaptiveLIF(double tauN = 1.0, double incN = 0.01, double tauRc = 0.02, double tauRef = 0.002, double minVoltage = 0.0, double amplitude = 1.0)
        : base(tauN, incN, tauRc, tauRef, amplitude)
    {
        Check.That(!double.IsNaN(minVoltage) && minVoltage < 1, nameof(AdaptiveLIF), nameof(minVoltage), "must be below the threshold 1", minVoltage);
        MinVoltage = minVoltage;
    }

    /// <summary>Lower bound of the membrane voltage.</summary>
    public double MinVoltage { get; }

    /// <inheritdoc />
    public override bool Spiking => true;

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> State => StateVariables;
}
