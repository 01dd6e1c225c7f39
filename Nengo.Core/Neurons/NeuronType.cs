namespace Nengo;

/// <summary>
/// A neuron model: its rate approximation (used to solve decoders), the mapping between
/// (max rate, intercept) and (gain, bias), and the state variables it keeps. The per-step update is
/// implemented by each backend's kernel for the type. Neuron types are immutable value objects.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.neurons.NeuronType</c>. See NEF.md §2.</remarks>
public abstract record NeuronType
{
    /// <summary>True if the type emits spikes (outputs amplitude/dt in the step a spike occurs).</summary>
    public abstract bool Spiking { get; }

    /// <summary>True if the output can be negative.</summary>
    public virtual bool Negative => false;

    /// <summary>
    /// The state variables (besides the output) and the distribution their initial values are drawn
    /// from, in draw order. Initial state is sampled with a generator seeded by ensemble seed + 1.
    /// </summary>
    public virtual IReadOnlyList<StateVariable> State => [];

    /// <summary>
    /// Overrides of the initial-value distributions of <see cref="State"/>, by state name (Nengo's
    /// <c>initial_state</c>), e.g. <c>new LIF() with { InitialState = new Dictionary&lt;string, Distribution&gt; { ["voltage"] = new Uniform(0, 0) } }</c>.
    /// Names that are not state variables are rejected when the model is built.
    /// </summary>
    public IReadOnlyDictionary<string, Distribution>? InitialState { get; init; }

    /// <summary>The distribution the initial values of state <paramref name="variable"/> are drawn from (the override, else the default).</summary>
    /// <param name="variable">A state variable of this type.</param>
    /// <returns>The distribution.</returns>
    public Distribution InitialDistribution(StateVariable variable) =>
        InitialState is { } overrides && overrides.TryGetValue(variable.Name, out var d) ? d : variable.Initial;

    /// <summary>The firing rate for each input current (the rate approximation).</summary>
    /// <param name="current">Input currents J.</param>
    /// <param name="rates">Output rates in Hz, same length.</param>
    public abstract void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates);

    /// <summary>Gains and biases that give each neuron its max rate at x = 1 and its intercept.</summary>
    /// <param name="maxRates">Firing rates at x = 1 (Hz).</param>
    /// <param name="intercepts">The x at which each neuron starts firing.</param>
    /// <returns>Gain and bias per neuron.</returns>
    /// <exception cref="BuildError">When a max rate cannot be reached by this type.</exception>
    /// <remarks>
    /// The default is the generic numeric method (NEF.md §2 "Generic gain_bias"), for types with no
    /// closed form (Izhikevich, custom types). It assumes the rate rises monotonically with the current:
    /// <list type="number">
    /// <item>rates are evaluated on 101 currents in [−R, R], R = 10, 20, 40, … (10 tries), until the
    /// last current with rate ≤ 0 (J_threshold) and the first with rate ≥ max(maxRates) (J_max) are found;</item>
    /// <item>rates are evaluated again on 101 currents in [J_threshold, J_max] and each max rate is inverted
    /// by linear interpolation (NumPy <c>interp</c> semantics) to J_top;</item>
    /// <item>gain = (J_threshold − J_top)/(c − 1), bias = J_top − gain, so that J(c) = J_threshold, J(1) = J_top.</item>
    /// </list>
    /// A <see cref="BuildError"/> names the type when no threshold or no current reaching the max rate is
    /// found, or when the rates do not increase between them (the type has no inverse this method can find).
    /// </remarks>
    public virtual (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts)
    {
        ArgumentNullException.ThrowIfNull(maxRates);
        ArgumentNullException.ThrowIfNull(intercepts);
        if (maxRates.Length != intercepts.Length)
            throw new ArgumentException($"{GetType().Name}: maxRates and intercepts must have the same length, got {maxRates.Length} and {intercepts.Length}.");
        int n = maxRates.Length;
        if (n == 0) return ([], []);
        const int steps = 101;
        double maxRate = maxRates.Max();
        double? jThreshold = null, jMax = null;
        var rate = new double[steps];
        double range = 10.0;
        for (int attempt = 0; attempt < 10 && (jThreshold is null || jMax is null); attempt++, range *= 2)
        {
            var j = Linspace(-range, range, steps);
            RatesFromCurrent(j, rate);
            if (jThreshold is null)
            {
                for (int k = steps - 1; k >= 0; k--)
                    if (rate[k] <= 0) { jThreshold = j[k]; break; }
            }
            if (jMax is null)
            {
                for (int k = 0; k < steps; k++)
                    if (rate[k] >= maxRate) { jMax = j[k]; break; }
            }
        }
        string owner = GetType().Name;
        if (jThreshold is null)
            throw new BuildError($"{owner}: cannot compute gain and bias: no firing threshold found (the rate is positive for every current in [−{Check.Show(range / 2)}, {Check.Show(range / 2)}]).");
        if (jMax is null)
            throw new BuildError($"{owner}: cannot compute gain and bias: no current in [−{Check.Show(range / 2)}, {Check.Show(range / 2)}] reaches the max rate {Check.Show(maxRate)} Hz.");
        if (!(jMax.Value > jThreshold.Value))
            throw new BuildError($"{owner}: cannot compute gain and bias: its rate does not increase with the current (the last current with rate <= 0 is {Check.Show(jThreshold.Value)}, above the first current reaching {Check.Show(maxRate)} Hz, {Check.Show(jMax.Value)}).");

        var currents = Linspace(jThreshold.Value, jMax.Value, steps);
        RatesFromCurrent(currents, rate);
        var gain = new double[n];
        var bias = new double[n];
        for (int i = 0; i < n; i++)
        {
            double jTop = Interp(maxRates[i], rate, currents);
            gain[i] = (jThreshold.Value - jTop) / (intercepts[i] - 1.0);
            bias[i] = jTop - gain[i];
        }
        return (gain, bias);
    }

    /// <summary>The inverse of <see cref="GainBias"/>.</summary>
    /// <param name="gain">Gains.</param>
    /// <param name="bias">Biases.</param>
    /// <returns>Max rate and intercept per neuron.</returns>
    /// <remarks>
    /// The default is the generic numeric method (NEF.md §2): max rate = rate(gain + bias), the rate at
    /// x = 1; the intercept is the point of linspace(−1, 1, 101) just before the first x with a positive
    /// rate (−1 if the rate is already positive at −1). A neuron whose rate is not positive anywhere in
    /// [−1, 1] gets intercept 1 (it never fires in the represented range; Nengo returns −1 there).
    /// </remarks>
    public virtual (double[] MaxRates, double[] Intercepts) MaxRatesIntercepts(double[] gain, double[] bias)
    {
        ArgumentNullException.ThrowIfNull(gain);
        ArgumentNullException.ThrowIfNull(bias);
        if (gain.Length != bias.Length)
            throw new ArgumentException($"{GetType().Name}: gain and bias must have the same length, got {gain.Length} and {bias.Length}.");
        int n = gain.Length;
        const int steps = 101;
        var xs = Linspace(-1.0, 1.0, steps);
        // One vectorised evaluation: row 0 is x = 1 (the max rate), rows 1..101 the grid.
        var j = new double[(steps + 1) * n];
        for (int i = 0; i < n; i++) j[i] = gain[i] + bias[i];
        for (int k = 0; k < steps; k++)
            for (int i = 0; i < n; i++) j[(k + 1) * n + i] = gain[i] * xs[k] + bias[i];
        var r = new double[j.Length];
        RatesFromCurrent(j, r);
        var maxRates = new double[n];
        var intercepts = new double[n];
        for (int i = 0; i < n; i++)
        {
            maxRates[i] = r[i];
            intercepts[i] = 1.0;
            for (int k = 0; k < steps; k++)
            {
                if (r[(k + 1) * n + i] > 0) { intercepts[i] = xs[Math.Max(k - 1, 0)]; break; }
            }
        }
        return (maxRates, intercepts);
    }

    /// <summary>Rates for inputs x (already e·x/radius) with per-neuron gain and bias: rate(gain·x + bias).</summary>
    /// <param name="x">Projected inputs, m × n (rows = eval points, columns = neurons).</param>
    /// <param name="gain">Gain per neuron (length n).</param>
    /// <param name="bias">Bias per neuron (length n).</param>
    /// <returns>Rates, m × n.</returns>
    public double[,] Rates(double[,] x, double[] gain, double[] bias)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var result = new double[m, n];
        void Row(int i, double[] j, double[] r)
        {
            for (int k = 0; k < n; k++) j[k] = gain[k] * x[i, k] + bias[k];
            RatesFromCurrent(j, r);
            for (int k = 0; k < n; k++) result[i, k] = r[k];
        }
        // Rows are independent, so large tuning-curve matrices are computed in parallel (same result).
        if ((long)m * n < 1 << 16)
        {
            var j = new double[n];
            var r = new double[n];
            for (int i = 0; i < m; i++) Row(i, j, r);
        }
        else
        {
            Parallel.For(0, m, () => (new double[n], new double[n]), (i, _, buf) => { Row(i, buf.Item1, buf.Item2); return buf; }, _ => { });
        }
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> evenly spaced points from <paramref name="start"/> to <paramref name="stop"/>
    /// inclusive (NumPy <c>linspace</c>: start + i·step, the last point exactly stop).
    /// </summary>
    /// <param name="start">First point.</param>
    /// <param name="stop">Last point.</param>
    /// <param name="count">Number of points (≥ 2).</param>
    /// <returns>The points.</returns>
    protected static double[] Linspace(double start, double stop, int count)
    {
        var x = new double[count];
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) x[i] = start + i * step;
        x[count - 1] = stop;
        return x;
    }

    /// <summary>
    /// Piecewise-linear interpolation of <paramref name="x"/> on the non-decreasing table (xp, fp), clamped to
    /// the end values outside it (NumPy <c>interp</c>: within a run of equal xp the last one is used).
    /// </summary>
    /// <param name="x">Where to interpolate.</param>
    /// <param name="xp">Table abscissae (non-decreasing).</param>
    /// <param name="fp">Table values.</param>
    /// <returns>The interpolated value.</returns>
    protected static double Interp(double x, IReadOnlyList<double> xp, IReadOnlyList<double> fp)
    {
        int last = xp.Count - 1;
        if (double.IsNaN(x)) return double.NaN;
        if (x < xp[0]) return fp[0];
        if (x >= xp[last]) return fp[last];
        // The last j with xp[j] <= x; then xp[j] <= x < xp[j + 1].
        int j = 0;
        while (j + 1 < last && xp[j + 1] <= x) j++;
        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        return fp[j] + slope * (x - xp[j]);
    }

    /// <summary>Validates a parameter of a neuron type.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="allowZero">Whether 0 is allowed.</param>
    /// <returns>The value.</returns>
    protected double RequireNonNegative(double value, string name, bool allowZero = true)
    {
        Check.That(double.IsFinite(value) && (allowZero ? value >= 0 : value > 0), GetType().Name, name,
            allowZero ? "must be a finite number >= 0" : "must be a positive finite number", value);
        return value;
    }
}

/// <summary>A state variable of a neuron type and the distribution of its initial value.</summary>
/// <param name="Name">The probeable name, e.g. "voltage".</param>
/// <param name="Initial">Initial values are drawn from this (per neuron).</param>
public sealed record StateVariable(string Name, Distribution Initial);
