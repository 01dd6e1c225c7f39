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

    /// <summary>The firing rate for each input current (the rate approximation).</summary>
    /// <param name="current">Input currents J.</param>
    /// <param name="rates">Output rates in Hz, same length.</param>
    public abstract void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates);

    /// <summary>Gains and biases that give each neuron its max rate at x = 1 and its intercept.</summary>
    /// <param name="maxRates">Firing rates at x = 1 (Hz).</param>
    /// <param name="intercepts">The x at which each neuron starts firing.</param>
    /// <returns>Gain and bias per neuron.</returns>
    /// <exception cref="BuildError">When a max rate cannot be reached by this type.</exception>
    public abstract (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts);

    /// <summary>The inverse of <see cref="GainBias"/>.</summary>
    /// <param name="gain">Gains.</param>
    /// <param name="bias">Biases.</param>
    /// <returns>Max rate and intercept per neuron.</returns>
    public abstract (double[] MaxRates, double[] Intercepts) MaxRatesIntercepts(double[] gain, double[] bias);

    /// <summary>Rates for inputs x (already e·x/radius) with per-neuron gain and bias: rate(gain·x + bias).</summary>
    /// <param name="x">Projected inputs, m × n (rows = eval points, columns = neurons).</param>
    /// <param name="gain">Gain per neuron (length n).</param>
    /// <param name="bias">Bias per neuron (length n).</param>
    /// <returns>Rates, m × n.</returns>
    public double[,] Rates(double[,] x, double[] gain, double[] bias)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var result = new double[m, n];
        var j = new double[n];
        var r = new double[n];
        for (int i = 0; i < m; i++)
        {
            for (int k = 0; k < n; k++) j[k] = gain[k] * x[i, k] + bias[k];
            RatesFromCurrent(j, r);
            for (int k = 0; k < n; k++) result[i, k] = r[k];
        }
        return result;
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
