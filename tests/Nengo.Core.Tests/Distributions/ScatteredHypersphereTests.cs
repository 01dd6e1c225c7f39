using MathNet.Numerics;
using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

[TestFixture]
public class ScatteredHypersphereTests
{
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    [TestCase(16)]
    [TestCase(64)]
    public void SurfacePointsHaveUnitNorm(int d)
    {
        var norms = RowNorms(new ScatteredHypersphere(surface: true).Sample(300, d, new Random(1)));
        Assert.That(norms, Is.All.EqualTo(1.0).Within(1e-12));
    }

    [TestCase(2, 0.0)]
    [TestCase(3, 0.0)]
    [TestCase(8, 0.0)]
    [TestCase(3, 0.5)]
    public void VolumeNormsLieInTheBall(int d, double minMagnitude)
    {
        var norms = RowNorms(new ScatteredHypersphere(minMagnitude: minMagnitude).Sample(1000, d, new Random(2)));
        Assert.That(norms.Max(), Is.LessThanOrEqualTo(1 + 1e-12));
        Assert.That(norms.Min(), Is.GreaterThanOrEqualTo(minMagnitude - 1e-12));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    public void VolumeRadialCdfIsRPowD(int d)
    {
        const int n = 2000;
        var norms = RowNorms(new ScatteredHypersphere().Sample(n, d, new Random(3)));
        foreach (double r in new[] { 0.5, 0.7, 0.9 })
        {
            double observed = norms.Count(v => v <= r) / (double)n;
            // Quasirandom radii: far tighter than the binomial error of random draws (~0.011 here).
            Assert.That(observed, Is.EqualTo(Math.Pow(r, d)).Within(0.004), $"P(r <= {r})");
        }
    }

    [Test]
    public void OneDimensionalSurfaceIsAnEvenSplitOfPlusMinusOne()
    {
        foreach (int n in new[] { 10, 11, 100, 101 })
        {
            var x = new ScatteredHypersphere(surface: true).Sample(n, new Random(n));
            Assert.That(x.All(v => v == 1 || v == -1), Is.True);
            int positives = x.Count(v => v > 0);
            Assert.That(positives, Is.InRange(n / 2, (n + 1) / 2), $"n = {n}");
        }
    }

    [Test]
    public void OneDimensionalVolumeSplitsSignsAndSpreadsMagnitudes()
    {
        const int n = 21;
        var x = new ScatteredHypersphere(minMagnitude: 0.2).Sample(n, new Random(4));
        Assert.That(x.Count(v => v > 0), Is.EqualTo(n / 2));
        Assert.That(x.Count(v => v < 0), Is.EqualTo(n - n / 2));
        Assert.That(x.Select(Math.Abs), Is.All.InRange(0.2, 1.0));
        Assert.That(x.Max(), Is.LessThan(1.0));
        // Each sign's magnitudes form an evenly spaced grid over [0.2, 1) with step 0.8/count.
        var pos = x.Where(v => v > 0).OrderBy(v => v).ToArray();
        var neg = x.Where(v => v < 0).Select(v => -v).OrderBy(v => v).ToArray();
        for (int i = 1; i < pos.Length; i++) Assert.That(pos[i] - pos[i - 1], Is.EqualTo(0.8 / pos.Length).Within(1e-12));
        for (int i = 1; i < neg.Length; i++) Assert.That(neg[i] - neg[i - 1], Is.EqualTo(0.8 / neg.Length).Within(1e-12));
        Assert.That(x.Take(n / 2).All(v => v > 0), Is.False, "rows are shuffled, not stacked");
    }

    [Test]
    public void CircleSurfaceHasFarSmallerGapsThanRandomPoints()
    {
        const int n = 64;
        double scattered = MaxAngularGap(new ScatteredHypersphere(surface: true).Sample(n, 2, new Random(5)));
        double random = MaxAngularGap(new UniformHypersphere(surface: true).Sample(n, 2, new Random(5)));
        // The scattered points are an evenly spaced, rotated grid on the circle.
        Assert.That(scattered, Is.EqualTo(2 * Math.PI / n).Within(1e-9));
        Assert.That(random, Is.GreaterThan(2.5 * scattered));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void ThreeDimensionalPointsAreCentredAndIsotropic(bool surface)
    {
        const int n = 1000, d = 3;
        var x = new ScatteredHypersphere(surface: surface).Sample(n, d, new Random(6));
        var m = ColumnMeans(x);
        var c = SecondMoment(x);
        // E[x xᵀ] is I/d on the sphere and I/(d + 2) in the ball.
        double diag = surface ? 1.0 / d : 1.0 / (d + 2);
        // Random points would give mean errors of ~0.018 (sphere) and second-moment errors of ~0.01.
        for (int i = 0; i < d; i++)
        {
            Assert.That(m[i], Is.EqualTo(0).Within(0.006), $"mean[{i}]");
            for (int j = 0; j < d; j++)
                Assert.That(c[i, j], Is.EqualTo(i == j ? diag : 0).Within(0.004), $"cov[{i},{j}]");
        }
    }

    [Test]
    public void MoreUniformThanRandomOnTheSphere()
    {
        // Mean of the points (a discrepancy measure) for d = 5, averaged over seeds.
        const int n = 500, d = 5, seeds = 10;
        double scattered = 0, random = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            scattered += ColumnMeans(new ScatteredHypersphere(surface: true).Sample(n, d, new Random(seed))).Sum(v => v * v);
            random += ColumnMeans(new UniformHypersphere(surface: true).Sample(n, d, new Random(seed))).Sum(v => v * v);
        }
        Assert.That(scattered, Is.LessThan(random / 10));
    }

    [Test]
    public void RotationIsSeeded()
    {
        // The same cube points under different rotations: norms agree row-set-wise but coordinates differ.
        var a = new ScatteredHypersphere(surface: true).Sample(10, 4, new Random(1));
        var b = new ScatteredHypersphere(surface: true).Sample(10, 4, new Random(2));
        Assert.That(SameArray(a, b), Is.False);
    }

    [TestCase(0.5, 0.5)]
    [TestCase(1.0, 0.5)]
    [TestCase(1.5, 0.5)]
    [TestCase(8.0, 0.5)]
    [TestCase(31.5, 0.5)]
    [TestCase(2.0, 3.0)]
    [TestCase(0.3, 7.0)]
    [TestCase(50.0, 50.0)]
    public void InverseBetaRegularizedInvertsTheIncompleteBeta(double a, double b)
    {
        foreach (double p in new[] { 1e-12, 1e-6, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 - 1e-6 })
        {
            double x = ScatteredHypersphere.InverseBetaRegularized(a, b, p);
            Assert.That(x, Is.InRange(0.0, 1.0));
            // Within 1e-10, or (where I is so steep that neighbouring doubles differ by more, as for b = ½
            // near x = 1) within the change of I across x's two neighbouring doubles.
            double resolution = SpecialFunctions.BetaRegularized(a, b, Math.Min(1, Math.BitIncrement(x)))
                                - SpecialFunctions.BetaRegularized(a, b, Math.BitDecrement(x));
            Assert.That(SpecialFunctions.BetaRegularized(a, b, x), Is.EqualTo(p).Within(Math.Max(1e-10, resolution)), $"p = {p}");
            if (p <= 0.99)
                Assert.That(SpecialFunctions.BetaRegularized(a, b, x), Is.EqualTo(p).Within(1e-10), $"p = {p}");
        }
        Assert.That(ScatteredHypersphere.InverseBetaRegularized(a, b, 0), Is.EqualTo(0));
        Assert.That(ScatteredHypersphere.InverseBetaRegularized(a, b, 1), Is.EqualTo(1));
    }

    [Test]
    public void InverseBetaRegularizedMatchesClosedForms()
    {
        foreach (double p in new[] { 0.001, 0.1, 0.3, 0.5, 0.7, 0.999 })
        {
            // I_x(½, ½) = (2/π)·arcsin √x.
            Assert.That(ScatteredHypersphere.InverseBetaRegularized(0.5, 0.5, p),
                Is.EqualTo(Math.Pow(Math.Sin(Math.PI * p / 2), 2)).Within(1e-13));
            // I_x(1, ½) = 1 − √(1 − x).
            Assert.That(ScatteredHypersphere.InverseBetaRegularized(1, 0.5, p),
                Is.EqualTo(1 - (1 - p) * (1 - p)).Within(1e-13));
            // I_x(2, 1) = x².
            Assert.That(ScatteredHypersphere.InverseBetaRegularized(2, 1, p), Is.EqualTo(Math.Sqrt(p)).Within(1e-13));
            // I_x(1, 1) = x.
            Assert.That(ScatteredHypersphere.InverseBetaRegularized(1, 1, p), Is.EqualTo(p).Within(1e-13));
        }
    }

    [Test]
    public void InverseBetaRegularizedRejectsBadArguments()
    {
        var ex = Assert.Throws<ValidationError>(() => ScatteredHypersphere.InverseBetaRegularized(0, 1, 0.5));
        Assert.That(ex!.Message, Does.Contain("a").And.Contain("positive"));
        ex = Assert.Throws<ValidationError>(() => ScatteredHypersphere.InverseBetaRegularized(1, 1, 1.5));
        Assert.That(ex!.Message, Does.Contain("p must be in [0, 1], got 1.5"));
    }

    [TestCase(-0.5)]
    [TestCase(1.0)]
    [TestCase(2.0)]
    public void RejectsBadMinMagnitude(double minMagnitude)
    {
        var ex = Assert.Throws<ValidationError>(() => _ = new ScatteredHypersphere(minMagnitude: minMagnitude));
        Assert.That(ex!.Message, Is.EqualTo($"ScatteredHypersphere: minMagnitude must be in [0, 1), got {Check.Show(minMagnitude)}."));
    }
}
