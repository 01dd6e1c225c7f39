namespace Nengo;

/// <summary>
/// Izhikevich's two-variable spiking neuron, with time in seconds (the original millisecond constants ×1000).
/// Each step: J ← max(J, −30); v ← v + 1000·dt·(0.04v² + 5v + 140 − u + J); a spike (out = 1/dt) when
/// v ≥ 30, which resets v ← c <b>before</b> u ← u + 1000·dt·a·(b·v − u); then u ← u + d for spiking neurons
/// (NEF.md §2).
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.Izhikevich</c>. State: voltage U(0, 1), recovery 0. The default parameters
/// are the regular-spiking (RS) cell; see the static presets for the others.</para>
/// <para>Its rates are measured by simulation (<see cref="RatesFromCurrent"/>), at dt = 1 ms whatever the
/// simulator's dt, and its gain and bias come from the generic numeric method of <see cref="NeuronType"/>.</para>
/// <para>Validation rejects: a non-positive or non-finite <c>tauRecovery</c> (a); a negative or non-finite
/// <c>coupling</c> (b); a non-finite <c>resetVoltage</c> (c) or one at or above the spike peak 30 mV (the
/// reset would spike again every step); a non-finite <c>resetRecovery</c> (d).</para>
/// </remarks>
public sealed record Izhikevich : NeuronType
{
    /// <summary>The spike peak (mV): a spike is emitted when v reaches it.</summary>
    public const double PeakVoltage = 30.0;

    /// <summary>The lower bound applied to the input current each step.</summary>
    public const double MinCurrent = -30.0;

    /// <summary>The step used to measure rates (s).</summary>
    public const double RatesDt = 0.001;

    /// <summary>The settling time (in <see cref="RatesDt"/> steps) before rates are measured.</summary>
    public const int RatesSettleSteps = 1;

    /// <summary>The measuring time (in <see cref="RatesDt"/> steps) over which rates are averaged (1 s).</summary>
    public const int RatesSteps = 1000;

    private static readonly StateVariable[] StateVariables =
    [
        new("voltage", new Uniform(0, 1)),
        new("recovery", new Uniform(0, 0)),
    ];

    /// <summary>Creates the neuron type.</summary>
    /// <param name="tauRecovery">a: the rate of the recovery variable (&gt; 0; 0.02 by default).</param>
    /// <param name="coupling">b: the sensitivity of recovery to the voltage (≥ 0; 0.2 by default).</param>
    /// <param name="resetVoltage">c: the voltage after a spike, mV (below 30; −65 by default).</param>
    /// <param name="resetRecovery">d: the jump of recovery after a spike (finite; 8 by default).</param>
    /// <exception cref="ValidationError">When a parameter is out of range.</exception>
    public Izhikevich(double tauRecovery = 0.02, double coupling = 0.2, double resetVoltage = -65.0, double resetRecovery = 8.0)
    {
        TauRecovery = RequireNonNegative(tauRecovery, nameof(tauRecovery), allowZero: false);
        Coupling = RequireNonNegative(coupling, nameof(coupling));
        Check.That(double.IsFinite(resetVoltage) && resetVoltage < PeakVoltage, nameof(Izhikevich), nameof(resetVoltage),
            $"must be a finite voltage below the spike peak {Check.Show(PeakVoltage)} mV", resetVoltage);
        Check.That(double.IsFinite(resetRecovery), nameof(Izhikevich), nameof(resetRecovery), "must be a finite number", resetRecovery);
        ResetVoltage = resetVoltage;
        ResetRecovery = resetRecovery;
    }

    /// <summary>Intrinsically bursting (IB): c = −55, d = 4.</summary>
    public static Izhikevich IntrinsicallyBursting { get; } = new(resetVoltage: -55, resetRecovery: 4);

    /// <summary>Chattering (CH): c = −50, d = 2.</summary>
    public static Izhikevich Chattering { get; } = new(resetVoltage: -50, resetRecovery: 2);

    /// <summary>Fast spiking (FS): a = 0.1.</summary>
    public static Izhikevich FastSpiking { get; } = new(tauRecovery: 0.1);

    /// <summary>Low-threshold spiking (LTS): b = 0.25.</summary>
    public static Izhikevich LowThresholdSpiking { get; } = new(coupling: 0.25);

    /// <summary>Resonator (RZ): a = 0.1, b = 0.26.</summary>
    public static Izhikevich Resonator { get; } = new(tauRecovery: 0.1, coupling: 0.26);

    /// <summary>a: the rate of the recovery variable.</summary>
    public double TauRecovery { get; }

    /// <summary>b: the coupling of recovery to the voltage.</summary>
    public double Coupling { get; }

    /// <summary>c: the voltage after a spike (mV).</summary>
    public double ResetVoltage { get; }

    /// <summary>d: the jump of recovery after a spike.</summary>
    public double ResetRecovery { get; }

    /// <inheritdoc />
    public override bool Spiking => true;

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> State => StateVariables;

    /// <summary>
    /// The rate for each current, measured by simulation (NEF.md §2): from v = u = 0, one step of settling,
    /// then the mean output over 1 s (1000 steps of 1 ms), i.e. the number of spikes in that second.
    /// All currents are simulated together.
    /// </summary>
    /// <param name="current">Input currents J.</param>
    /// <param name="rates">Output rates in Hz, same length.</param>
    public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates)
    {
        int n = current.Length;
        var j = new double[n];
        var v = new double[n];
        var u = new double[n];
        var count = new int[n];
        for (int i = 0; i < n; i++) j[i] = Math.Max(current[i], MinCurrent);
        for (int s = 0; s < RatesSettleSteps + RatesSteps; s++)
        {
            bool measure = s >= RatesSettleSteps;
            for (int i = 0; i < n; i++)
            {
                if (Step(RatesDt, j[i], ref v[i], ref u[i]) && measure) count[i]++;
            }
        }
        double perStep = 1.0 / RatesDt;
        for (int i = 0; i < n; i++) rates[i] = count[i] * perStep / RatesSteps;
    }

    /// <summary>One step of one neuron (J already clipped at <see cref="MinCurrent"/>).</summary>
    /// <param name="dt">Time step (s).</param>
    /// <param name="j">Input current.</param>
    /// <param name="v">Voltage, updated.</param>
    /// <param name="u">Recovery, updated.</param>
    /// <returns>True if the neuron spiked.</returns>
    public bool Step(double dt, double j, ref double v, ref double u)
    {
        double k = 1000.0 * dt;
        v += k * (0.04 * v * v + 5.0 * v + 140.0 - u + j);
        bool spiked = v >= PeakVoltage;
        if (spiked) v = ResetVoltage;
        u += k * TauRecovery * (Coupling * v - u);
        if (spiked) u += ResetRecovery;
        return spiked;
    }
}
