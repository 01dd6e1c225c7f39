using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Nengo;

/// <summary>
/// Quasirandom points on the surface of the unit d-sphere, or inside the unit d-ball, spread far more
/// evenly than independent random draws. This is the default for encoders (surface) and evaluation
/// points (volume).
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.dists.ScatteredHypersphere(surface=False, min_magnitude=0)</c> with
/// method "sct", computing the inverse regularized incomplete beta function exactly (no lookup table).</para>
/// <para>For d ≥ 2, points of a <see cref="QuasirandomSequence"/> in the unit cube (d − 1 columns for the
/// surface, d for the volume, where the last column becomes the radius (min^d + (1 − min^d)·q)^(1/d)) are
/// mapped to spherical angles through the inverse CDF of the angle densities (the closed form of
/// <see cref="SinePowerQuantile"/>, equal to the inverse regularized incomplete beta), converted to Cartesian
/// coordinates and finally rotated by a random orthogonal matrix U·Vᵀ from the SVD of a d×d
/// standard-normal matrix. For d = 1 the surface gives an even split of ±1 and the volume an even split of
/// positive and negative quasirandom magnitudes in [min, 1).</para>
/// </remarks>
public sealed record ScatteredHypersphere : Distribution
{
    private static readonly QuasirandomSequence Base = new();

    /// <summary>Creates the distribution.</summary>
    /// <param name="surface">True for points on the sphere's surface (unit norm), false for the ball's volume.</param>
    /// <param name="minMagnitude">The smallest norm of a volume sample, in [0, 1); ignored when <paramref name="surface"/> is true.</param>
    /// <exception cref="ValidationError">When minMagnitude is outside [0, 1).</exception>
    public ScatteredHypersphere(bool surface = false, double minMagnitude = 0)
    {
        Check.That(double.IsFinite(minMagnitude) && minMagnitude >= 0 && minMagnitude < 1,
            "ScatteredHypersphere", nameof(minMagnitude), "must be in [0, 1)", minMagnitude);
        Surface = surface;
        MinMagnitude = minMagnitude;
    }

    /// <summary>Whether the points lie on the surface.</summary>
    public bool Surface { get; }

    /// <summary>The smallest norm of a volume sample.</summary>
    public double MinMagnitude { get; }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        var r = new double[n, d];
        if (d == 1)
        {
            if (Surface)
            {
                var q = Base.Sample(n, 1, rng);
                for (int i = 0; i < n; i++) r[i, 0] = q[i, 0] < 0.5 ? -1.0 : 1.0;
            }
            else
            {
                int nPos = n / 2, nNeg = n - nPos;
                var pos = Base.Sample(nPos, 1, rng);
                var neg = Base.Sample(nNeg, 1, rng);
                double span = 1.0 - MinMagnitude;
                for (int i = 0; i < nPos; i++) r[i, 0] = MinMagnitude + span * pos[i, 0];
                for (int i = 0; i < nNeg; i++) r[nPos + i, 0] = -(MinMagnitude + span * neg[i, 0]);
                QuasirandomSequence.ShuffleRows(r, rng);
            }
            return r;
        }

        int nAngles = d - 1;
        var cube = Base.Sample(n, Surface ? nAngles : d, rng);
        double minD = Math.Pow(MinMagnitude, d);
        // One quantile function per angle density ∝ sin^(k−1), k = 2 … d − 1 (the last angle, k = 1, is flat).
        var quantiles = new SinePowerQuantile[Math.Max(2, nAngles + 1)];
        for (int k = 2; k <= nAngles; k++) quantiles[k] = new SinePowerQuantile(k - 1);
        // Points are independent (no random draws here), so they are mapped in parallel: the result
        // does not depend on the number of threads.
        void MapPoint(int i, double[] phi)
        {
            // 1–3. Angles through the inverse CDF of the spherical-coordinate densities ∝ sin^(k−1).
            for (int j = 0; j < nAngles; j++)
            {
                int k = nAngles - j;
                double theta = k == 1 ? cube[i, j] : quantiles[k].Fraction(cube[i, j]);
                phi[j] = (j == nAngles - 1 ? 2.0 * Math.PI : Math.PI) * theta;
            }

            // 4. Cartesian coordinates.
            double sinProd = 1.0;
            r[i, 0] = Math.Cos(phi[0]);
            for (int c = 1; c < d - 1; c++)
            {
                sinProd *= Math.Sin(phi[c - 1]);
                r[i, c] = sinProd * Math.Cos(phi[c]);
            }
            r[i, d - 1] = sinProd * Math.Sin(phi[nAngles - 1]);

            // 5. Radius for the volume version.
            if (!Surface)
            {
                double radius = Math.Pow(minD + (1.0 - minD) * cube[i, d - 1], 1.0 / d);
                for (int c = 0; c < d; c++) r[i, c] *= radius;
            }
        }
        if ((long)n * nAngles < 4096)
        {
            var phi = new double[nAngles];
            for (int i = 0; i < n; i++) MapPoint(i, phi);
        }
        else
        {
            Parallel.For(0, n, () => new double[nAngles], (i, _, phi) => { MapPoint(i, phi); return phi; }, _ => { });
        }

        // 6. Random rotation.
        return Rotate(r, RandomOrthogonal(d, rng));
    }

    /// <summary>
    /// The inverse of the regularized incomplete beta function: the x in [0, 1] with I_x(a, b) = p,
    /// found by Newton's method safeguarded with bisection (typically accurate to a few ulps).
    /// </summary>
    /// <param name="a">The first shape parameter, positive and finite.</param>
    /// <param name="b">The second shape parameter, positive and finite.</param>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <returns>x with I_x(a, b) = p.</returns>
    /// <exception cref="ValidationError">When a or b is not positive and finite, or p is outside [0, 1].</exception>
    public static double InverseBetaRegularized(double a, double b, double p)
    {
        Check.Positive(a, "ScatteredHypersphere", nameof(a));
        Check.Positive(b, "ScatteredHypersphere", nameof(b));
        Check.That(p >= 0 && p <= 1, "ScatteredHypersphere", nameof(p), "must be in [0, 1]", p);
        if (p == 0) return 0.0;
        if (p == 1) return 1.0;

        double lnB = SpecialFunctions.BetaLn(a, b);
        double lo = 0.0, hi = 1.0;
        double x = InitialGuess(a, b, p, lnB);
        for (int iter = 0; iter < 200; iter++)
        {
            double f = SpecialFunctions.BetaRegularized(a, b, x) - p;
            if (f == 0) return x;
            if (f < 0) lo = x; else hi = x;
            double logDensity = (a - 1.0) * Math.Log(x) + (b - 1.0) * Math.Log(1.0 - x) - lnB;
            double next = x - f / Math.Exp(logDensity);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi); // Newton left the bracket: bisect
            if (Math.Abs(next - x) <= 2e-16 * x || hi - lo <= 2e-16 * hi) return next;
            x = next;
        }
        return x;
    }

    /// <summary>
    /// A starting point for the Newton iteration: the normal approximation of Abramowitz &amp; Stegun 26.5.22
    /// when a, b ≥ 1, otherwise the leading tail terms I_x ≈ x^a/(a·B) near 0 and 1 − I_x ≈ (1 − x)^b/(b·B) near 1.
    /// </summary>
    private static double InitialGuess(double a, double b, double p, double lnB)
    {
        double x;
        if (a >= 1 && b >= 1)
        {
            double pp = p < 0.5 ? p : 1 - p;
            double t = Math.Sqrt(-2 * Math.Log(pp));
            double g = (2.30753 + 0.27061 * t) / (1 + (0.99229 + 0.04481 * t) * t) - t;
            if (p < 0.5) g = -g;
            double al = (g * g - 3) / 6;
            double h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
            double w = g * Math.Sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h));
            x = a / (a + b * Math.Exp(2 * w));
        }
        else
        {
            // Tail masses of the two leading-term approximations, at the mean a/(a+b), split p between them.
            double m = a / (a + b);
            double lower = Math.Exp(a * Math.Log(m) - Math.Log(a) - lnB);
            double upper = Math.Exp(b * Math.Log(1 - m) - Math.Log(b) - lnB);
            x = p * (lower + upper) < lower
                ? Math.Exp((Math.Log(a * p) + lnB) / a)
                : 1 - Math.Exp((Math.Log(b * (1 - p)) + lnB) / b);
        }
        return double.IsFinite(x) && x > 0 && x < 1 ? x : 0.5;
    }

    /// <summary>Nengo-like text, e.g. <c>ScatteredHypersphere(surface=True)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => UniformHypersphere.HypersphereText("ScatteredHypersphere", Surface, MinMagnitude);

    /// <summary>
    /// θ in [0, 1] with θ·π the angle whose CDF under the density ∝ sin^(k−1) on [0, π] is y
    /// (for the last angle, k = 1, the density is flat and θ = y), through the general inverse incomplete beta.
    /// Sampling uses the faster <see cref="SinePowerQuantile"/>; this is its reference.
    /// </summary>
    internal static double AngleFraction(double y, int k)
    {
        if (k == 1) return y; // I⁻¹_{2y'}(½, ½) = sin²(π·y'), so θ = y exactly
        double yPrime = Math.Min(y, 1.0 - y);
        double z = InverseBetaRegularized(0.5 * k, 0.5, 2.0 * yPrime);
        double theta = Math.Asin(Math.Sqrt(z)) / Math.PI;
        return y >= 0.5 ? 1.0 - theta : theta;
    }

    /// <summary>A random orthogonal d×d matrix U·Vᵀ from the SVD of a standard-normal matrix.</summary>
    private static double[,] RandomOrthogonal(int d, Random rng)
    {
        var g = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                g[i, j] = rng.NextGaussian();
        var svd = Matrix<double>.Build.DenseOfArray(g).Svd(computeVectors: true);
        return (svd.U * svd.VT).ToArray();
    }

    /// <summary>
    /// points ← points · rotation, row by row in place: each entry is the sum over k in order of the products
    /// (no copies of the n × d points, which for eval points are large-object-heap arrays).
    /// </summary>
    private static double[,] Rotate(double[,] points, double[,] rotation)
    {
        int n = points.GetLength(0), d = points.GetLength(1);
        void Row(int i, double[] row)
        {
            for (int k = 0; k < d; k++) row[k] = points[i, k];
            for (int j = 0; j < d; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++) sum += row[k] * rotation[k, j];
                points[i, j] = sum;
            }
        }
        if ((long)n * d * d < 1 << 16)
        {
            var row = new double[d];
            for (int i = 0; i < n; i++) Row(i, row);
        }
        else
        {
            Parallel.For(0, n, () => new double[d], (i, _, row) => { Row(i, row); return row; }, _ => { });
        }
        return points;
    }
}
