namespace Nengo;

/// <summary>
/// The R_d low-discrepancy (quasirandom) sequence of Roberts, with a random offset and shuffled rows:
/// points fill the unit cube [0, 1)^d far more evenly than independent uniform draws.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.dists.QuasirandomSequence()</c>. With φ_d the positive root of
/// x^(d+1) = x + 1 and α_k = φ_d^(−k) (k = 1..d), and a random offset s ∈ U(0,1)^d, point i (i = 1..n) is
/// (s + i·α) mod 1. For d = 1 the points are (s + i/n) mod 1, i = 0..n−1, an evenly spaced grid.
/// The rows are then shuffled (Fisher–Yates) with the same generator.
/// </remarks>
public sealed record QuasirandomSequence : Distribution
{
    /// <summary>Creates the sequence distribution.</summary>
    public QuasirandomSequence() { }

    /// <summary>
    /// The generalised golden ratio φ_d: the positive root of x^(d+1) = x + 1, found by Newton's method
    /// (1.618034 for d = 1, 1.324718 for d = 2, 1.220744 for d = 3).
    /// </summary>
    /// <param name="d">The dimension, at least 1.</param>
    /// <returns>φ_d.</returns>
    /// <exception cref="ValidationError">When d &lt; 1.</exception>
    public static double Phi(int d)
    {
        Check.Positive(d, "QuasirandomSequence", nameof(d));
        // f(x) = x^(d+1) − x − 1 is convex on x > 0 with f(1) < 0 < f(2): Newton from 2 decreases monotonically to the root.
        double x = 2.0;
        for (int iter = 0; iter < 200; iter++)
        {
            double xd = Math.Pow(x, d);
            double f = xd * x - x - 1.0;
            double df = (d + 1) * xd - 1.0;
            double next = x - f / df;
            if (next >= x) break; // converged (monotone sequence stopped decreasing)
            x = next;
        }
        return x;
    }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        var r = new double[n, d];
        if (n == 0) return r;
        var s = new double[d];
        for (int k = 0; k < d; k++) s[k] = rng.NextDouble();

        if (d == 1)
        {
            for (int i = 0; i < n; i++) r[i, 0] = Frac(s[0] + (double)i / n);
        }
        else
        {
            double phi = Phi(d);
            var alpha = new double[d];
            for (int k = 0; k < d; k++) alpha[k] = Math.Pow(phi, -(k + 1));
            for (int i = 0; i < n; i++)
                for (int k = 0; k < d; k++)
                    r[i, k] = Frac(s[k] + Frac((i + 1) * alpha[k]));
        }
        ShuffleRows(r, rng);
        return r;
    }

    /// <summary>Nengo-like text: <c>QuasirandomSequence()</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "QuasirandomSequence()";

    private static double Frac(double x)
    {
        double f = x - Math.Floor(x);
        return f >= 1.0 ? 0.0 : f; // round-off can give exactly 1 for x just below an integer
    }

    /// <summary>Shuffles the rows of a matrix in place (Fisher–Yates).</summary>
    internal static void ShuffleRows(double[,] a, Random rng)
    {
        int n = a.GetLength(0), d = a.GetLength(1);
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            if (j == i) continue;
            for (int k = 0; k < d; k++) (a[i, k], a[j, k]) = (a[j, k], a[i, k]);
        }
    }
}
