using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

/// <summary>CosineSimilarity(d) (NEF.md §4): a random sign times SubvectorLength(d), the dot product of random unit vectors.</summary>
[TestFixture]
public class CosineSimilarityTests
{
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(32)]
    public void SymmetricWithSecondMomentOneOverD(int d)
    {
        const int count = 100_000;
        var x = Flatten(new CosineSimilarity(d).Sample(count / 2, 2, new Random(d)));
        Assert.That(x.All(v => v >= -1 && v <= 1), Is.True);
        double ex2 = 1.0 / d;
        // E[x⁴] = E[B²] for B ~ Beta(1/2, (d−1)/2) = 3/(d(d+2)).
        double ex4 = 3.0 / (d * (d + 2.0));
        Assert.That(Mean(x), Is.EqualTo(0).Within(4 * Math.Sqrt(ex2 / count)), "mean 0");
        Assert.That(x.Count(v => v > 0) / (double)count, Is.EqualTo(0.5).Within(4 * Math.Sqrt(0.25 / count)), "half positive");
        Assert.That(x.Average(v => v * v), Is.EqualTo(ex2).Within(4 * Math.Sqrt((ex4 - ex2 * ex2) / count)), "E[x²] = 1/d");
        Assert.That(x.Average(v => v * v * v), Is.EqualTo(0).Within(4 * Math.Sqrt(ex4 / count)), "odd moment 0");
    }

    [Test]
    public void MatchesTheDotProductOfRandomUnitVectors()
    {
        const int d = 6, count = 60_000;
        var dist = new CosineSimilarity(d);
        var a = new UniformHypersphere(surface: true).Sample(count, d, new Random(1));
        var b = new UniformHypersphere(surface: true).Sample(count, d, new Random(2));
        var dots = Enumerable.Range(0, count).Select(i => Enumerable.Range(0, d).Sum(j => a[i, j] * b[i, j])).ToArray();
        foreach (double q in new[] { -0.6, -0.2, 0.0, 0.3, 0.7 })
        {
            double c = dist.Cdf(q);
            Assert.That(dots.Count(v => v <= q) / (double)count, Is.EqualTo(c).Within(4 * Math.Sqrt(c * (1 - c) / count)), $"CDF at {q}");
            Assert.That(dist.Ppf(c), Is.EqualTo(q).Within(1e-9), $"Ppf(Cdf({q}))");
            Assert.That(dist.Pdf(q), Is.EqualTo(dist.Pdf(-q)), "symmetric density");
        }
        Assert.That(dist.Cdf(0), Is.EqualTo(0.5));
        // Density ∝ (1 − x²)^((d − 3)/2): the ratio between two points.
        Assert.That(dist.Pdf(0.5) / dist.Pdf(0.1), Is.EqualTo(Math.Pow((1 - 0.25) / (1 - 0.01), (d - 3) / 2.0)).Within(1e-12));
    }

    [Test]
    public void EqualitySeedingAndErrors()
    {
        Assert.That(new CosineSimilarity(4), Is.EqualTo(new CosineSimilarity(4)));
        Assert.That(new CosineSimilarity(4), Is.Not.EqualTo(new CosineSimilarity(5)));
        Assert.That(SameArray(new CosineSimilarity(4).Sample(6, 3, new Random(2)), new CosineSimilarity(4).Sample(6, 3, new Random(2))), Is.True);
        Assert.That(new CosineSimilarity(4).ToString(), Is.EqualTo("CosineSimilarity(dimensions=4)"));
        Expect.Validation(() => _ = new CosineSimilarity(1), "CosineSimilarity", "dimensions", "at least 2", "got 1");
    }
}
