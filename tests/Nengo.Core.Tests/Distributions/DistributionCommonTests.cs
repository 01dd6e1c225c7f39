using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

/// <summary>Behaviour every random distribution shares: shapes, seeding, argument checks of Sample.</summary>
[TestFixture]
public class DistributionCommonTests
{
    private static IEnumerable<TestCaseData> RandomDistributions()
    {
        yield return new TestCaseData(new Uniform(-1, 0.9)).SetArgDisplayNames("Uniform");
        yield return new TestCaseData(new Uniform(0, 10, integer: true)).SetArgDisplayNames("UniformInteger");
        yield return new TestCaseData(new Gaussian(1, 2)).SetArgDisplayNames("Gaussian");
        yield return new TestCaseData(new Exponential(0.15, 0.3, 1)).SetArgDisplayNames("Exponential");
        yield return new TestCaseData(new UniformHypersphere()).SetArgDisplayNames("UniformHypersphereVolume");
        yield return new TestCaseData(new UniformHypersphere(surface: true)).SetArgDisplayNames("UniformHypersphereSurface");
        yield return new TestCaseData(new QuasirandomSequence()).SetArgDisplayNames("QuasirandomSequence");
        yield return new TestCaseData(new ScatteredHypersphere()).SetArgDisplayNames("ScatteredHypersphereVolume");
        yield return new TestCaseData(new ScatteredHypersphere(surface: true)).SetArgDisplayNames("ScatteredHypersphereSurface");
    }

    [TestCaseSource(nameof(RandomDistributions))]
    public void SampleHasRequestedShape(Distribution dist)
    {
        foreach (var (n, d) in new[] { (0, 1), (0, 4), (1, 1), (5, 1), (7, 3), (13, 8) })
        {
            var s = dist.Sample(n, d, new Random(1));
            Assert.That(s.GetLength(0), Is.EqualTo(n), $"rows for ({n}, {d})");
            Assert.That(s.GetLength(1), Is.EqualTo(d), $"columns for ({n}, {d})");
            Assert.That(Flatten(s).All(double.IsFinite), Is.True, $"finite for ({n}, {d})");
        }
        Assert.That(dist.Sample(6, new Random(1)), Has.Length.EqualTo(6));
    }

    [TestCaseSource(nameof(RandomDistributions))]
    public void SameSeedGivesIdenticalSamples(Distribution dist)
    {
        foreach (int d in new[] { 1, 3 })
        {
            var a = dist.Sample(50, d, new Random(42));
            var b = dist.Sample(50, d, new Random(42));
            Assert.That(SameArray(a, b), Is.True, $"d = {d}");
        }
    }

    [TestCaseSource(nameof(RandomDistributions))]
    public void DifferentSeedGivesDifferentSamples(Distribution dist)
    {
        foreach (int d in new[] { 1, 3 })
        {
            var a = dist.Sample(50, d, new Random(1));
            var b = dist.Sample(50, d, new Random(2));
            Assert.That(SameArray(a, b), Is.False, $"d = {d}");
        }
    }

    [Test]
    public void SampleRejectsBadShape()
    {
        var dist = new Uniform(0, 1);
        var ex = Assert.Throws<ValidationError>(() => dist.Sample(-1, 1, new Random(0)));
        Assert.That(ex!.Message, Does.Contain("n").And.Contain("-1"));
        ex = Assert.Throws<ValidationError>(() => dist.Sample(3, 0, new Random(0)));
        Assert.That(ex!.Message, Does.Contain("d").And.Contain("0"));
    }

    [Test]
    public void ToStringIsNengoLike()
    {
        Assert.That(new Uniform(-1, 0.9).ToString(), Is.EqualTo("Uniform(low=-1, high=0.9)"));
        Assert.That(new Uniform(0, 5, integer: true).ToString(), Is.EqualTo("Uniform(low=0, high=5, integer=True)"));
        Assert.That(new Gaussian(0, 1).ToString(), Is.EqualTo("Gaussian(mean=0, std=1)"));
        Assert.That(new Exponential(0.15, 0.3, 1).ToString(), Is.EqualTo("Exponential(scale=0.15, shift=0.3, high=1)"));
        Assert.That(new Exponential(2).ToString(), Is.EqualTo("Exponential(scale=2)"));
        Assert.That(new Choice(new double[,] { { 1 } }).ToString(), Is.EqualTo("Choice(options=[[1]])"));
        Assert.That(new Choice(new[] { 1.0, -1.0 }, new[] { 1.0, 3.0 }).ToString(),
            Is.EqualTo("Choice(options=[[1], [-1]], weights=[0.25, 0.75])"));
        Assert.That(new Samples(new double[3, 2]).ToString(), Is.EqualTo("Samples(shape=(3, 2))"));
        Assert.That(new UniformHypersphere().ToString(), Is.EqualTo("UniformHypersphere()"));
        Assert.That(new UniformHypersphere(surface: true).ToString(), Is.EqualTo("UniformHypersphere(surface=True)"));
        Assert.That(new UniformHypersphere(minMagnitude: 0.5).ToString(), Is.EqualTo("UniformHypersphere(min_magnitude=0.5)"));
        Assert.That(new QuasirandomSequence().ToString(), Is.EqualTo("QuasirandomSequence()"));
        Assert.That(new ScatteredHypersphere(surface: true).ToString(), Is.EqualTo("ScatteredHypersphere(surface=True)"));
        Assert.That(new ScatteredHypersphere().ToString(), Is.EqualTo("ScatteredHypersphere()"));
    }

    [Test]
    public void DistributionsHaveValueEquality()
    {
        Assert.That(new Uniform(-1, 0.9), Is.EqualTo(new Uniform(-1, 0.9)));
        Assert.That(new Uniform(-1, 0.9), Is.Not.EqualTo(new Uniform(-1, 1)));
        Assert.That(new ScatteredHypersphere(surface: true), Is.EqualTo(new ScatteredHypersphere(surface: true)));
        Assert.That(new ScatteredHypersphere(surface: true), Is.Not.EqualTo(new ScatteredHypersphere()));
        Assert.That(new Choice(new[] { 1.0, 2.0 }), Is.EqualTo(new Choice(new double[,] { { 1 }, { 2 } }, new[] { 5.0, 5.0 })));
        Assert.That(new Choice(new[] { 1.0, 2.0 }).GetHashCode(),
            Is.EqualTo(new Choice(new double[,] { { 1 }, { 2 } }, new[] { 5.0, 5.0 }).GetHashCode()));
        Assert.That(new Choice(new[] { 1.0, 2.0 }), Is.Not.EqualTo(new Choice(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 })));
        Assert.That(new Samples(new double[,] { { 1, 2 } }), Is.EqualTo(new Samples(new double[,] { { 1, 2 } })));
        Assert.That(new Samples(new double[,] { { 1, 2 } }), Is.Not.EqualTo(new Samples(new double[,] { { 1, 3 } })));
    }
}
