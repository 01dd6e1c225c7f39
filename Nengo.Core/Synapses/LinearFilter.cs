namespace Nengo;

/// <summary>
/// A general linear filter given by its transfer function num(s)/den(s) (or num(z)/den(z) when
/// <c>analog</c> is false), discretised with zero-order hold.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.synapses.LinearFilter(num, den, analog=True, method="zoh")</c>.</remarks>
public class LinearFilter : Synapse
{
    /// <summary>Creates the filter.</summary>
    /// <param name="num">Numerator coefficients, highest power first.</param>
    /// <param name="den">Denominator coefficients, highest power first; the first must be non-zero.</param>
    /// <param name="analog">True for a continuous-time (s-domain) filter, false for a discrete (z-domain) one.</param>
    /// <param name="method">How an analog filter is discretised: "zoh" (default), "gbt", "bilinear", "euler" or "backward_diff".</param>
    /// <param name="alpha">The "gbt" parameter in [0, 1].</param>
    /// <exception cref="ValidationError">When the coefficients are empty, not finite, the filter is improper, or the method is unknown.</exception>
    public LinearFilter(double[] num, double[] den, bool analog = true, string method = "zoh", double alpha = 0.5)
    {
        string owner = GetType().Name;
        Check.That(num is { Length: > 0 }, owner, nameof(num), "must have at least one coefficient", num);
        Check.That(den is { Length: > 0 }, owner, nameof(den), "must have at least one coefficient", den);
        Check.Finite(num, owner, nameof(num));
        Check.Finite(den, owner, nameof(den));
        Check.That(den.Any(c => c != 0), owner, nameof(den), "must have a non-zero coefficient", den);
        // Leading zeros (e.g. Lowpass(0) = 1/(0·s + 1)) are dropped when discretising.
        int numOrder = num.SkipWhile(c => c == 0).Count(), denOrder = den.SkipWhile(c => c == 0).Count();
        Check.That(numOrder <= denOrder, owner, nameof(num), "must not be of higher order than den (the filter must be proper)", num);
        Check.That(method is "zoh" or "gbt" or "bilinear" or "euler" or "backward_diff", owner, nameof(method),
            "must be one of 'zoh', 'gbt', 'bilinear', 'euler', 'backward_diff'", method);
        Check.That(alpha >= 0 && alpha <= 1, owner, nameof(alpha), "must be in [0, 1]", alpha);
        Method = method;
        Alpha = alpha;
        Num = (double[])num.Clone();
        Den = (double[])den.Clone();
        Analog = analog;
    }

    /// <summary>Numerator coefficients, highest power first.</summary>
    public IReadOnlyList<double> Num { get; }

    /// <summary>Denominator coefficients, highest power first.</summary>
    public IReadOnlyList<double> Den { get; }

    /// <summary>Whether the coefficients describe a continuous-time filter.</summary>
    public bool Analog { get; }

    /// <summary>The discretisation method of an analog filter.</summary>
    public string Method { get; }

    /// <summary>The generalised-bilinear parameter (method "gbt").</summary>
    public double Alpha { get; }

    /// <summary>
    /// The filter discretised at <paramref name="dt"/> as a state-space system, stepped with the
    /// reference semantics of <see cref="DiscreteStateSpace.Step"/>. Backends keep its state in the
    /// SimProcess state signal (dimensions × order).
    /// </summary>
    /// <param name="dt">The simulator time step in seconds.</param>
    /// <returns>The discrete system.</returns>
    public DiscreteStateSpace Discretize(double dt) =>
        FilterDiscretization.Discretize(Num.ToArray(), Den.ToArray(), Analog, dt, Method, Alpha);

    /// <inheritdoc />
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        Check.That(sizeIn == sizeOut, ToString(), nameof(sizeIn), $"must equal sizeOut ({sizeOut})", sizeIn);
        var sys = Discretize(dt);
        int order = sys.Order;
        var state = new double[sizeIn * order];
        return (t, x, y) =>
        {
            for (int i = 0; i < x.Length; i++) y[i] = sys.Step(state.AsSpan(i * order, order), x[i]);
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"LinearFilter([{string.Join(", ", Num)}], [{string.Join(", ", Den)}])";
}

/// <summary>A first-order lowpass 1/(τs + 1), the usual synaptic filter.</summary>
/// <remarks>At dt it is y[k] = a·y[k−1] + (1−a)·u[k], a = e^(−dt/τ). τ = 0 is a unit gain (still a one-step delay on a connection).</remarks>
public sealed class Lowpass : LinearFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="tau">Time constant in seconds, ≥ 0.</param>
    /// <exception cref="ValidationError">When tau is negative or not finite.</exception>
    public Lowpass(double tau) : base([1.0], [Check.NonNegative(tau, "Lowpass", nameof(tau)), 1.0]) { Tau = tau; }

    /// <summary>The time constant in seconds.</summary>
    public double Tau { get; }

    /// <inheritdoc />
    public override string ToString() => $"Lowpass({Check.Show(Tau)})";
}

/// <summary>An alpha filter 1/(τs + 1)², the lowpass applied twice.</summary>
public sealed class Alpha : LinearFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="tau">Time constant in seconds, ≥ 0.</param>
    /// <exception cref="ValidationError">When tau is negative or not finite.</exception>
    public Alpha(double tau) : base([1.0], [tau * tau, 2 * Check.NonNegative(tau, "Alpha", nameof(tau)), 1.0]) { Tau = tau; }

    /// <summary>The time constant in seconds.</summary>
    public double Tau { get; }

    /// <inheritdoc />
    public override string ToString() => $"Alpha({Check.Show(Tau)})";
}
