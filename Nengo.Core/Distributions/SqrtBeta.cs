using MathNet.Numerics;

namespace Nengo;

/// <summary>
/// The square root of a Beta(m/2, n/2) variable: the length of an m-dimensional subvector of a random
/// unit vector in n + m dimensions. Its values lie in [0, 1] and E[x²] = m/(n + m).
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.dists.SqrtBeta(n, m=1)</c>.</para>
/// <para>Samples are √B with B drawn from Beta(m/2, n/2) (through two Gamma draws). The density is
/// 2x·f_B(x²), the CDF I_(x²)(m/2, n/2) (the regularized incomplete beta function).</para>
/// </remarks>
public record SqrtBeta : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="n">The number of remaining dimensions (the Beta's second parameter is n/2); at least 1.</param>
    /// <param name="m">The number of dimensions of the subvector (the Beta's first parameter is m/2); at least 1.</param>
    /// <exception cref="ValidationError">When n or m is less than 1.</exception>
    public SqrtBeta(int n, int m = 1) : this(n, m, "SqrtBeta", nameof(n), nameof(m)) { }

    /// <summary>Creates the distribution, naming the parameters of a derived distribution in errors.</summary>
    /// <param name="n">The Beta's second parameter times 2.</param>
    /// <param name="m">The Beta's first parameter times 2.</param>
    /// <param name="owner">The distribution's name for error messages.</param>
    /// <param name="nName">What to call <paramref name="n"/> in errors.</param>
    /// <param name="mName">What to call <paramref name="m"/> in errors.</param>
    /// <exception cref="ValidationError">When n or m is less than 1.</exception>
    private protected SqrtBeta(int n, int m, string owner, string nName, string mName)
    {
        Check.Positive(n, owner, nName);
        Check.Positive(m, owner, mName);
        N = n;
        M = m;
    }

    /// <summary>The number of remaining dimensions.</summary>
    public int N { get; }

    /// <summary>The number of subvector dimensions.</summary>
    public int M { get; }

    /// <summary>The probability density at <paramref name="x"/> (0 outside [0, 1]).</summary>
    /// <param name="x">The value.</param>
    /// <returns>The density.</returns>
    public double Pdf(double x)
    {
        if (!(x >= 0 && x <= 1)) return 0.0;
        double a = 0.5 * M, b = 0.5 * N;
        // 2x·f_B(x²) = 2·x^(m−1)·(1 − x²)^(n/2 − 1) / B(m/2, n/2); Pow(0, 0) = 1 keeps the m = 1 limit at 0.
        return 2 * Math.Pow(x, M - 1) * Math.Pow(1 - x * x, b - 1) * Math.Exp(-SpecialFunctions.BetaLn(a, b));
    }

    /// <summary>The cumulative distribution P(X ≤ <paramref name="x"/>).</summary>
    /// <param name="x">The value.</param>
    /// <returns>The probability, in [0, 1].</returns>
    public double Cdf(double x) => x <= 0 ? 0.0 : x >= 1 ? 1.0 : SpecialFunctions.BetaRegularized(0.5 * M, 0.5 * N, x * x);

    /// <summary>The inverse of <see cref="Cdf"/>: the x with P(X ≤ x) = <paramref name="p"/>.</summary>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <returns>The quantile, in [0, 1].</returns>
    /// <exception cref="ValidationError">When p is outside [0, 1].</exception>
    public double Ppf(double p)
    {
        Check.That(p >= 0 && p <= 1, ToString(), nameof(p), "must be in [0, 1]", p);
        return Math.Sqrt(ScatteredHypersphere.InverseBetaRegularized(0.5 * M, 0.5 * N, p));
    }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        double a = 0.5 * M, b = 0.5 * N;
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                r[i, j] = Math.Sqrt(MathNet.Numerics.Distributions.Beta.Sample(rng, a, b));
        return r;
    }

    /// <summary>Nengo-like text, e.g. <c>SqrtBeta(n=4, m=1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"SqrtBeta(n={N}, m={M})";
}
