using System.Runtime.CompilerServices;
namespace Nengo;

/// <summary>
/// The quantiles of the angle densities of spherical coordinates, f(φ) = sinⁿ(φ) / Wₙ on [0, π] with
/// Wₙ = ∫₀^π sinⁿ, computed from the closed form of their CDF instead of a general inverse incomplete beta.
/// </summary>
/// <remarks>
/// <para>With s = sin φ and c = cos φ the CDF obeys Gₙ(φ) = Gₙ₋₂(φ) − c·s^(n−1)/(n·Wₙ) (integration by
/// parts, using Wₙ = (n−1)/n·Wₙ₋₂), starting from G₀ = φ/π and G₁ = (1 − c)/2 = sin²(φ/2). So Gₙ is one
/// Horner polynomial in s² of degree about n/2 plus a sine and a cosine, and Halley's method on it
/// (f = sⁿ/Wₙ and f′ = n·s^(n−1)·c/Wₙ come for free) converges in two or three steps from the tail bound
/// Gₙ(φ) ≤ φ^(n+1)/((n+1)·Wₙ) or from π/2.</para>
/// <para>By symmetry only φ ≤ π/2 is solved. In the far lower tail the subtraction above loses accuracy
/// (its rounding error is about ε·G₀ while Gₙ is tiny); where the resulting error bound on φ, ε·G₀/f(φ),
/// exceeds 1e-13 the value is recomputed with <see cref="ScatteredHypersphere.InverseBetaRegularized"/>.</para>
/// </remarks>
internal sealed class SinePowerQuantile
{
    private readonly int _n;
    private readonly double _invW;    // 1 / Wₙ
    private readonly double[] _coef;  // Horner coefficients 1/(j·Wⱼ) for j = b + 2, b + 4, …, n (b = n mod 2)

    /// <summary>Prepares the quantile function of the density ∝ sinⁿ on [0, π].</summary>
    /// <param name="n">The exponent, at least 1.</param>
    public SinePowerQuantile(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The exponent of the sine density must be at least 1.");
        _n = n;
        int b = n % 2;
        double w = b == 0 ? Math.PI : 2.0; // W₀ = π, W₁ = 2
        var coef = new List<double>();
        for (int j = b + 2; j <= n; j += 2)
        {
            w *= (j - 1.0) / j;
            coef.Add(1.0 / (j * w));
        }
        _coef = [.. coef];
        _invW = 1.0 / w;
    }

    /// <summary>The φ/π in [0, 1] whose CDF is <paramref name="y"/>.</summary>
    /// <param name="y">A probability in [0, 1].</param>
    /// <returns>θ with G(π·θ) = y.</returns>
    public double Fraction(double y)
    {
        double yp = Math.Min(y, 1.0 - y);
        double phi = yp <= 0 ? 0.0 : yp >= 0.5 ? 0.5 * Math.PI : Solve(yp);
        double theta = phi / Math.PI;
        return y >= 0.5 ? 1.0 - theta : theta;
    }

    // Solves G(φ) = y for 0 < y < 1/2 on (0, π/2).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Solve(double y)
    {
        double lo = 0.0, hi = 0.5 * Math.PI;
        // G(φ) ≤ φ^(n+1)/((n+1)·Wₙ) because sin φ ≤ φ: this tail guess lies left of the root. Near the median
        // sinⁿ(φ) ≈ exp(−n·(φ − π/2)²/2), a normal density of variance 1/n, gives the better guess.
        double tail = Math.Pow((_n + 1) * y / _invW, 1.0 / (_n + 1));
        double normal = hi + NormalQuantile(y) / Math.Sqrt(_n + 0.5);
        double phi = Math.Min(Math.Max(tail, normal), hi * (1 - 1e-12));
        double density = 0, g0 = 0;
        for (int iter = 0; iter < 60; iter++)
        {
            double s = Math.Sin(phi), c = Math.Cos(phi);
            double f = Cdf(phi, s, c, out g0) - y;
            double sn1 = IntPow(s, _n - 1);
            density = sn1 * s * _invW;
            if (f == 0) break;
            if (f < 0) lo = phi; else hi = phi;
            double slope = _n * sn1 * c * _invW;
            double newton = f / density;
            double step = newton / (1.0 - 0.5 * newton * slope / density);
            double next = phi - step;
            // Halley converges cubically: after a step of relative size 1e-8 the error left is far below an ulp.
            if (Math.Abs(step) <= 1e-8 * phi && next >= lo && next <= hi) { phi = next; break; }
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            phi = next;
            if (hi - lo <= 1e-15 * hi) break;
        }
        // The CDF's rounding error is about ε·G₀; where that moves φ by more than 1e-13, use the exact inverse beta.
        if (!(2.2e-16 * g0 <= 1e-13 * density))
        {
            double z = ScatteredHypersphere.InverseBetaRegularized(0.5 * (_n + 1), 0.5, 2.0 * y);
            phi = Math.Asin(Math.Sqrt(z));
        }
        return phi;
    }

    // x^k by repeated squaring (a few ulps, much cheaper than Math.Pow).
    private static double IntPow(double x, int k)
    {
        double r = 1.0;
        while (k > 0)
        {
            if ((k & 1) != 0) r *= x;
            x *= x;
            k >>= 1;
        }
        return r;
    }

    // A starting point only: the lower-tail standard normal quantile for 0 < p ≤ 1/2 (Abramowitz & Stegun 26.2.23,
    // absolute error below 4.5e-4).
    private static double NormalQuantile(double p)
    {
        double t = Math.Sqrt(-2.0 * Math.Log(p));
        return -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
    }

    // G(φ) from the recurrence; g0 receives the base term G₀ or G₁ (the size of the rounding error).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Cdf(double phi, double s, double c, out double g0)
    {
        double s2 = s * s;
        bool odd = (_n & 1) == 1;
        double sinHalf = odd ? Math.Sin(0.5 * phi) : 0;
        g0 = odd ? sinHalf * sinHalf : phi / Math.PI;
        if (_coef.Length == 0) return g0;
        double p = _coef[^1];
        for (int j = _coef.Length - 2; j >= 0; j--) p = p * s2 + _coef[j];
        // Σ_j s^(j−1)/(j·Wⱼ) = s^(b+1) · P(s²).
        return g0 - c * (odd ? s2 : s) * p;
    }
}
