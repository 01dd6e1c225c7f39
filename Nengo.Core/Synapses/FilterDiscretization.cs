namespace Nengo;

/// <summary>
/// Turns a transfer function num/den into the <see cref="DiscreteStateSpace"/> that every backend steps
/// (NEF.md §3): controllable canonical form, then zero-order hold for analog filters.
/// </summary>
public static class FilterDiscretization
{
    private const string Owner = "LinearFilter";

    /// <summary>
    /// Discretises the filter num(s)/den(s) (or num(z)/den(z) when <paramref name="analog"/> is false).
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item>Leading zero coefficients are dropped from both polynomials, so <c>Lowpass(0)</c> = 1/(0·s + 1)
    /// becomes the pure gain D = 1 with no states.</item>
    /// <item>Controllable canonical form (the scipy <c>tf2ss</c> convention): divide by den[0], pad num with
    /// leading zeros to the length of den; D = num[0]; A's first row is −den[1:], with a shifted identity
    /// below; B = e₁; C = num[1:] − D·den[1:].</item>
    /// <item>When <paramref name="analog"/>: zero-order hold. With M = dt·[[A, B], [0, 0]],
    /// Ad is the top-left block of e^M and Bd its top-right column; C and D are unchanged.</item>
    /// <item>When not analog the coefficients are already in z and the canonical form is used as it is.</item>
    /// </list>
    /// How the result is stepped is defined by <see cref="DiscreteStateSpace.Step"/>.
    /// </remarks>
    /// <param name="num">Numerator coefficients, highest power first.</param>
    /// <param name="den">Denominator coefficients, highest power first.</param>
    /// <param name="analog">True for s-domain coefficients (discretised with zero-order hold), false for z-domain ones.</param>
    /// <param name="dt">The time step in seconds (&gt; 0; also required, though unused, when not analog).</param>
    /// <returns>The discrete system.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="num"/> or <paramref name="den"/> is null.</exception>
    /// <exception cref="ValidationError">
    /// When dt is not positive, a coefficient is not finite, den is all zeros, the filter is improper
    /// (num of higher order than den), or the discretised system is not finite (e.g. an unstable pole with a huge dt).
    /// </exception>
    public static DiscreteStateSpace Discretize(double[] num, double[] den, bool analog, double dt) =>
        Discretize(num, den, analog, dt, "zoh", 0.5);

    /// <summary>
    /// Discretises with a chosen method: <c>"zoh"</c> (zero-order hold, the default), or the generalised
    /// bilinear transform <c>"gbt"</c> with parameter <paramref name="alpha"/>, of which <c>"bilinear"</c>
    /// (α = ½), <c>"euler"</c> (α = 0) and <c>"backward_diff"</c> (α = 1) are special cases:
    /// Ad = (I − α·dt·A)⁻¹(I + (1 − α)·dt·A), Bd = (I − α·dt·A)⁻¹·dt·B, Cd = C·(I − α·dt·A)⁻¹, Dd = D + α·C·Bd.
    /// </summary>
    /// <param name="num">Numerator coefficients, highest power first.</param>
    /// <param name="den">Denominator coefficients, highest power first.</param>
    /// <param name="analog">True for s-domain coefficients; false for z-domain ones (no method applies).</param>
    /// <param name="dt">The time step in seconds.</param>
    /// <param name="method">"zoh", "gbt", "bilinear", "euler" or "backward_diff".</param>
    /// <param name="alpha">The gbt parameter in [0, 1] (used by "gbt" only).</param>
    /// <returns>The discrete system.</returns>
    /// <exception cref="ValidationError">As <see cref="Discretize(double[], double[], bool, double)"/>, or for an unknown method or alpha outside [0, 1].</exception>
    public static DiscreteStateSpace Discretize(double[] num, double[] den, bool analog, double dt, string method, double alpha)
    {
        double? gbt = method switch
        {
            "zoh" => null,
            "gbt" => alpha,
            "bilinear" => 0.5,
            "euler" => 0.0,
            "backward_diff" => 1.0,
            _ => throw new ValidationError(Check.Message(Owner, nameof(method), "must be one of 'zoh', 'gbt', 'bilinear', 'euler', 'backward_diff'", method)),
        };
        if (method == "gbt") Check.That(alpha >= 0 && alpha <= 1, Owner, nameof(alpha), "must be in [0, 1]", alpha);
        ArgumentNullException.ThrowIfNull(num);
        ArgumentNullException.ThrowIfNull(den);
        Check.Positive(dt, Owner, nameof(dt));
        Check.Finite(num, Owner, nameof(num));
        Check.Finite(den, Owner, nameof(den));

        double[] n0 = StripLeadingZeros(num);
        double[] d0 = StripLeadingZeros(den);
        Check.That(d0.Length > 0, Owner, nameof(den), "must have a non-zero coefficient", den);
        if (n0.Length == 0) n0 = [0.0];
        Check.That(n0.Length <= d0.Length, Owner, nameof(num),
            "must not be of higher order than den (the filter must be proper)", num);

        int order = d0.Length - 1;
        double lead = d0[0];
        var d = new double[d0.Length];
        for (int i = 0; i < d.Length; i++) d[i] = d0[i] / lead;
        var nPad = new double[d0.Length];
        int offset = d0.Length - n0.Length;
        for (int i = 0; i < n0.Length; i++) nPad[offset + i] = n0[i] / lead;

        double dGain = nPad[0];
        var a = new double[order, order];
        var b = new double[order];
        var c = new double[order];
        for (int j = 0; j < order; j++)
        {
            a[0, j] = -d[j + 1];
            c[j] = nPad[j + 1] - dGain * d[j + 1];
        }
        for (int i = 1; i < order; i++) a[i, i - 1] = 1.0;
        if (order > 0) b[0] = 1.0;

        if (analog && order > 0 && gbt is { } al)
        {
            var A = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a);
            var I = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(order);
            var inv = (I - al * dt * A).Inverse();
            var ad = inv * (I + (1 - al) * dt * A);
            var bd = inv * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b) * dt;
            var cd = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(c) * inv;
            dGain += al * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(c).DotProduct(bd);
            a = ad.ToArray();
            b = bd.ToArray();
            c = cd.ToArray();
        }
        else if (analog && order > 0)
        {
            var m = new double[order + 1, order + 1];
            for (int i = 0; i < order; i++)
            {
                for (int j = 0; j < order; j++) m[i, j] = dt * a[i, j];
                m[i, order] = dt * b[i];
            }
            double[,] e;
            try { e = MatrixExponential.Expm(m); }
            catch (Exception ex) when (ex is ArgumentException or ArithmeticException)
            {
                throw new ValidationError(
                    $"{Owner}: cannot discretise [{string.Join(", ", num)}]/[{string.Join(", ", den)}] at dt={Check.Show(dt)}: {ex.Message}", ex);
            }
            for (int i = 0; i < order; i++)
            {
                for (int j = 0; j < order; j++) a[i, j] = e[i, j];
                b[i] = e[i, order];
            }
        }

        bool finite = double.IsFinite(dGain) && b.All(double.IsFinite) && c.All(double.IsFinite);
        foreach (double v in a) finite &= double.IsFinite(v);
        if (!finite)
            throw new ValidationError(
                $"{Owner}: discretising [{string.Join(", ", num)}]/[{string.Join(", ", den)}] at dt={Check.Show(dt)} " +
                "gives non-finite coefficients (the filter is unstable or badly scaled).");

        return new DiscreteStateSpace(a, b, c, dGain);
    }

    /// <summary>
    /// Runs a discrete system offline over an input sequence, starting from a zero state, with exactly
    /// the per-call semantics of <see cref="DiscreteStateSpace.Step"/> (no extra delay: the simulator adds
    /// its one step of synapse delay separately).
    /// </summary>
    /// <param name="sys">The discrete system.</param>
    /// <param name="u">The input, one sample per step.</param>
    /// <returns>The output, one sample per input sample.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static double[] Filt(DiscreteStateSpace sys, double[] u)
    {
        ArgumentNullException.ThrowIfNull(sys);
        ArgumentNullException.ThrowIfNull(u);
        var state = new double[sys.Order];
        var y = new double[u.Length];
        for (int k = 0; k < u.Length; k++) y[k] = sys.Step(state, u[k]);
        return y;
    }

    private static double[] StripLeadingZeros(double[] p)
    {
        int first = 0;
        while (first < p.Length && p[first] == 0) first++;
        return p[first..];
    }
}
