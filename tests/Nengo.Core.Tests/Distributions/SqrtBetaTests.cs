using MathNet.Numerics;
using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

/// <summary>SqrtBeta(n, m) = √Beta(m/2, n/2) and SubvectorLength(d, s) = SqrtBeta(d − s, s) (NEF.md §4).</summary>
[TestFixture]
public class SqrtBetaTests
{
    /// <summary>E[B^k] for B ~ Beta(a, b): Π_(j&lt;k) (a + j)/(a + b + j); k may be a half-integer via Gamma functions.</summary>
    private static double BetaMoment(double a, double b, double k) =>
        Math.Exp(SpecialFunctions.GammaLn(a + k) + SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(a) - SpecialFunctions.GammaLn(a + b + k));

    [TestCase(4, 1)]
    [TestCase(3, 2)]
    [TestCase(1, 1)]
    [TestCase(30, 5)]
    public void MomentsMatchTheBetaDistribution(int n, int m)
    {
        const int count = 100_000;
        var x = Flatten(new SqrtBeta(n, m).Sample(count / 4, 4, new Random(n * 10 + m)));
        Assert.That(x.All(v => v >= 0 && v <= 1), Is.True);
        double a = m / 2.0, b = n / 2.0;
        // E[x²] = E[B] = m/(n + m); its standard error from Var[B] = E[B²] − E[B]².
        double ex2 = m / (double)(n + m);
        double se2 = Math.Sqrt((BetaMoment(a, b, 2) - ex2 * ex2) / count);
        Assert.That(x.Average(v => v * v), Is.EqualTo(ex2).Within(4 * se2), "E[x²] = m/(n+m)");
        Assert.That(BetaMoment(a, b, 1), Is.EqualTo(ex2).Within(1e-12), "the helper agrees");
        // E[x] = E[√B] = B(a + ½, b)/B(a, b).
        double ex = BetaMoment(a, b, 0.5), se = Math.Sqrt((ex2 - ex * ex) / count);
        Assert.That(Mean(x), Is.EqualTo(ex).Within(4 * se), "E[x]");
    }

    [TestCase(4, 1)]
    [TestCase(2, 3)]
    [TestCase(1, 1)]
    public void CdfPdfAndPpfAgreeWithTheSamples(int n, int m)
    {
        var dist = new SqrtBeta(n, m);
        const int count = 50_000;
        var x = dist.Sample(count, new Random(77));
        foreach (double q in new[] { 0.2, 0.5, 0.8, 0.95 })
        {
            double c = dist.Cdf(q);
            Assert.That(x.Count(v => v <= q) / (double)count, Is.EqualTo(c).Within(4 * Math.Sqrt(c * (1 - c) / count)), $"CDF at {q}");
            Assert.That(dist.Ppf(c), Is.EqualTo(q).Within(1e-9), $"Ppf(Cdf({q}))");
        }
        // The density integrates to the CDF (midpoint rule over [0.1, 0.9]).
        int steps = 4000;
        double integral = 0, h = 0.8 / steps;
        for (int i = 0; i < steps; i++) integral += dist.Pdf(0.1 + (i + 0.5) * h) * h;
        Assert.That(integral, Is.EqualTo(dist.Cdf(0.9) - dist.Cdf(0.1)).Within(1e-6));
        Assert.That((dist.Cdf(-0.1), dist.Cdf(1.2), dist.Pdf(-0.5), dist.Pdf(1.5)), Is.EqualTo((0.0, 1.0, 0.0, 0.0)));
    }

    [TestCase(16, 1)]
    [TestCase(8, 3)]
    [TestCase(2, 1)]
    public void SubvectorLengthIsTheLengthOfASubvectorOfARandomUnitVector(int d, int s)
    {
        const int count = 60_000;
        var dist = new SubvectorLength(d, s);
        Assert.That((dist.N, dist.M), Is.EqualTo((d - s, s)));
        var lengths = dist.Sample(count, new Random(d + s));
        // Empirical: the first s coordinates of uniformly random unit vectors in d dimensions.
        var u = new UniformHypersphere(surface: true).Sample(count, d, new Random(999));
        var empirical = Enumerable.Range(0, count).Select(i => Math.Sqrt(Enumerable.Range(0, s).Sum(j => u[i, j] * u[i, j]))).ToArray();
        double ex2 = s / (double)d;
        double se2 = Math.Sqrt((BetaMoment(s / 2.0, (d - s) / 2.0, 2) - ex2 * ex2) / count);
        Assert.That(lengths.Average(v => v * v), Is.EqualTo(ex2).Within(4 * se2), "E[x²] = s/d");
        Assert.That(empirical.Average(v => v * v), Is.EqualTo(ex2).Within(4 * se2), "the empirical lengths agree");
        double sd = Math.Sqrt(Variance(lengths));
        Assert.That(Mean(lengths), Is.EqualTo(Mean(empirical)).Within(4 * sd * Math.Sqrt(2.0 / count)), "E[x] matches the empirical lengths");
        foreach (double q in new[] { 0.1, 0.3, 0.6 })
        {
            double c = dist.Cdf(q), f = empirical.Count(v => v <= q) / (double)count;
            Assert.That(f, Is.EqualTo(c).Within(4 * Math.Sqrt(c * (1 - c) / count) + 1e-9), $"CDF at {q}");
        }
    }

    [Test]
    public void ValueEqualitySeedingAndText()
    {
        Assert.That(new SqrtBeta(4, 2), Is.EqualTo(new SqrtBeta(4, 2)));
        Assert.That(new SqrtBeta(4, 2), Is.Not.EqualTo(new SqrtBeta(4, 1)));
        Assert.That(new SubvectorLength(6, 2), Is.EqualTo(new SubvectorLength(6, 2)));
        Assert.That(new SubvectorLength(6, 2), Is.InstanceOf<SqrtBeta>());
        Assert.That(SameArray(new SqrtBeta(3).Sample(5, 2, new Random(4)), new SqrtBeta(3).Sample(5, 2, new Random(4))), Is.True);
        Assert.That(new SqrtBeta(3).ToString(), Is.EqualTo("SqrtBeta(n=3, m=1)"));
        Assert.That(new SubvectorLength(6, 2).ToString(), Is.EqualTo("SubvectorLength(dimensions=6, subdimensions=2)"));
    }

    [Test]
    public void RejectsBadParameters()
    {
        Expect.Validation(() => _ = new SqrtBeta(0), "SqrtBeta", "n", "positive", "got 0");
        Expect.Validation(() => _ = new SqrtBeta(3, -1), "SqrtBeta", "m", "positive");
        Expect.Validation(() => _ = new SubvectorLength(4, 4), "SubvectorLength", "dimensions", "greater than subdimensions (4)");
        Expect.Validation(() => _ = new SubvectorLength(4, 0), "SubvectorLength", "subdimensions", "positive");
        Expect.Validation(() => new SqrtBeta(3).Ppf(1.5), "p", "[0, 1]");
    }
}
