using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>The closed-form angle quantiles against the general inverse incomplete beta they replace.</summary>
[TestFixture]
public class SinePowerQuantileTests
{
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(15)]
    [TestCase(16)]
    [TestCase(63)]
    [TestCase(255)]
    public void MatchesTheInverseIncompleteBeta(int k)
    {
        // Points within 1e-9 of y = 1/2 are left out: there the reference's asin(√z) near z = 1 keeps only half the
        // digits (see ExactNearTheMedian).
        var quantile = new SinePowerQuantile(k - 1);
        var rng = new Random(k);
        double worst = 0;
        var ys = Enumerable.Range(0, 2000).Select(_ => rng.NextDouble())
            .Concat([0.0, 1e-12, 1e-9, 1e-6, 1e-3, 0.25, 0.5, 0.75, 1 - 1e-6, 1 - 1e-12, 1.0]);
        foreach (double y in ys)
            worst = Math.Max(worst, Math.Abs(quantile.Fraction(y) - ScatteredHypersphere.AngleFraction(y, k)));
        Assert.That(worst, Is.LessThan(1e-10), $"largest |θ_new − θ_beta| for k = {k}");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(9)]
    public void InvertsTheCdf(int n)
    {
        // G(φ) by the trapezoid rule on a fine grid, then the quantile of each grid value must return φ.
        const int steps = 200_000;
        double h = Math.PI / steps, w = 0;
        var cdf = new double[steps + 1];
        for (int i = 1; i <= steps; i++)
        {
            w += 0.5 * h * (Math.Pow(Math.Sin((i - 1) * h), n) + Math.Pow(Math.Sin(i * h), n));
            cdf[i] = w;
        }
        var quantile = new SinePowerQuantile(n);
        for (int i = 1000; i < steps; i += 9973)
            Assert.That(quantile.Fraction(cdf[i] / w) * Math.PI, Is.EqualTo(i * h).Within(1e-6), $"φ = {i * h}");
    }

    [TestCase(0.5 - 1e-12)]
    [TestCase(0.5 - 1e-6)]
    [TestCase(1e-7)]
    public void ExactNearTheMedian(double y)
    {
        // n = 1: G(φ) = (1 − cos φ)/2 = sin²(φ/2), so φ = 2·asin(√y).
        Assert.That(new SinePowerQuantile(1).Fraction(y), Is.EqualTo(2 * Math.Asin(Math.Sqrt(y)) / Math.PI).Within(1e-15));
    }

    [Test]
    public void RejectsAnExponentBelowOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SinePowerQuantile(0));
}
