namespace Nengo;

/// <summary>
/// The spiking leaky integrate-and-fire neuron. Its rate approximation is <see cref="LIFRate"/>'s; each
/// step integrates the membrane exactly over the non-refractory part of the step and back-solves the
/// spike time within the step (NEF.md §2).
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.LIF</c>. State: voltage U(0, 1), refractory_time 0.</remarks>
public sealed record LIF : LIFRate
{
    private static readonly StateVariable[] StateVariables =
    [
        new("voltage", new Uniform(0, 1)),
        new("refractory_time", new Uniform(0, 0)),
    ];

    /// <summary>Creates the neuron type.</summary>
    /// <param name="tauRc">Membrane RC time constant in seconds (&gt; 0).</param>
    /// <param name="tauRef">Absolute refractory period in seconds (≥ 0).</param>
    /// <param name="minVoltage">Lower bound of the membrane voltage (default 0; −∞ disables it).</param>
    /// <param name="amplitude">Spike scale: a spike outputs amplitude/dt.</param>
    /// <exception cref="ValidationError">When a parameter is out of range.</exception>
    public LIF(double tauRc = 0.02, double tauRef = 0.002, double minVoltage = 0.0, double amplitude = 1.0)
        : base(tauRc, tauRef, amplitude)
    {
        Check.That(!double.IsNaN(minVoltage) && minVoltage < 1, nameof(LIF), nameof(minVoltage), "must be below the threshold 1", minVoltage);
        MinVoltage = minVoltage;
    }

    /// <summary>Lower bound of the membrane voltage.</summary>
    public double MinVoltage { get; }

    /// <inheritdoc />
    public override bool Spiking => true;

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> State => StateVariables;
}
