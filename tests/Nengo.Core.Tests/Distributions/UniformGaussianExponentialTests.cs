using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

[TestFixture]
public class UniformTests
{
    [TestCase(-1.0, 0.9)]
    [TestCase(200.0, 400.0)]
    [TestCase(-3.0, -2.5)]
    public void MeanVarianceAndBoundsMatch(double low, double high)
    {
        const int n = 40000;
        var x = Flatten(new Uniform(low, high).Sample(n / 4, 4, new Random(7)));
        double width = high - low;
        Assert.That(x.Min(), Is.GreaterThanOrEqualTo(low));
        Assert.That(x.Max(), Is.LessThan(high));
        // Standard error of the mean is width/sqrt(12 n); allow 4 of them.
        Assert.That(Mean(x), Is.EqualTo((low + high) / 2).Within(4 * width / Math.Sqrt(12.0 * n)));
        Assert.That(Variance(x), Is.EqualTo(width * width / 12).Within(0.03 * width * width / 12));
    }

    [Test]
    public void LowEqualHighIsConstant()
    {
        var x = new Uniform(2.5, 2.5).Sample(10, new Random(0));
        Assert.That(x, Is.All.EqualTo(2.5));
    }

    [Test]
    public void IntegerDrawsEveryIntegerInHalfOpenRangeEvenly()
    {
        const int n = 30000;
        var x = new Uniform(-2, 3, integer: true).Sample(n, new Random(3));
        Assert.That(x.All(v => v == Math.Floor(v)), Is.True);
        var counts = x.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts.Keys.OrderBy(k => k), Is.EqualTo(new[] { -2.0, -1, 0, 1, 2 }));
        double sigma = Math.Sqrt(n * 0.2 * 0.8);
        foreach (var c in counts.Values) Assert.That(c, Is.EqualTo(n / 5.0).Within(4 * sigma));
    }

    [Test]
    public void IntegerWithFractionalBoundsUsesIntegersInsideTheInterval()
    {
        var x = new Uniform(0.5, 2.5, integer: true).Sample(500, new Random(3));
        Assert.That(x.Distinct().OrderBy(v => v), Is.EqualTo(new[] { 1.0, 2.0 }));
    }

    [Test]
    public void RejectsBadParameters()
    {
        var ex = Assert.Throws<ValidationError>(() => _ = new Uniform(1, 0));
        Assert.That(ex!.Message, Is.EqualTo("Uniform: high must be >= low (1), got 0."));
        ex = Assert.Throws<ValidationError>(() => _ = new Uniform(double.NaN, 1));
        Assert.That(ex!.Message, Does.Contain("low").And.Contain("NaN"));
        ex = Assert.Throws<ValidationError>(() => _ = new Uniform(0, double.PositiveInfinity));
        Assert.That(ex!.Message, Does.StartWith("Uniform: high").And.Contain("finite"));
        ex = Assert.Throws<ValidationError>(() => _ = new Uniform(0.2, 0.7, integer: true));
        Assert.That(ex!.Message, Does.Contain("high").And.Contain("0.7").And.Contain("integer"));
    }
}

[TestFixture]
public class GaussianTests
{
    [TestCase(0.0, 1.0)]
    [TestCase(5.0, 0.3)]
    [TestCase(-2.0, 10.0)]
    public void MeanAndStdMatch(double mean, double std)
    {
        const int n = 40000;
        var x = Flatten(new Gaussian(mean, std).Sample(n / 2, 2, new Random(11)));
        Assert.That(Mean(x), Is.EqualTo(mean).Within(4 * std / Math.Sqrt(n)));
        // Standard error of the sample std is about std/sqrt(2n).
        Assert.That(Math.Sqrt(Variance(x)), Is.EqualTo(std).Within(4 * std / Math.Sqrt(2.0 * n)));
        // Roughly 68.3% within one std.
        double inside = x.Count(v => Math.Abs(v - mean) < std) / (double)n;
        Assert.That(inside, Is.EqualTo(0.6827).Within(0.01));
    }

    [Test]
    public void ZeroStdIsConstant()
    {
        Assert.That(new Gaussian(3, 0).Sample(5, new Random(0)), Is.All.EqualTo(3.0));
    }

    [Test]
    public void RejectsBadParameters()
    {
        var ex = Assert.Throws<ValidationError>(() => _ = new Gaussian(0, -1));
        Assert.That(ex!.Message, Does.StartWith("Gaussian: std").And.Contain("-1"));
        ex = Assert.Throws<ValidationError>(() => _ = new Gaussian(double.NaN, 1));
        Assert.That(ex!.Message, Does.StartWith("Gaussian: mean").And.Contain("NaN"));
        ex = Assert.Throws<ValidationError>(() => _ = new Gaussian(0, double.PositiveInfinity));
        Assert.That(ex!.Message, Does.StartWith("Gaussian: std"));
    }
}

[TestFixture]
public class ExponentialTests
{
    [TestCase(1.0, 0.0)]
    [TestCase(0.15, 0.3)]
    [TestCase(2.0, -1.0)]
    public void ShiftedMeanAndMinimum(double scale, double shift)
    {
        const int n = 40000;
        var x = new Exponential(scale, shift).Sample(n, new Random(5));
        Assert.That(x.Min(), Is.GreaterThanOrEqualTo(shift));
        Assert.That(x.Min(), Is.LessThan(shift + 0.01 * scale)); // the density peaks at the shift
        Assert.That(Mean(x), Is.EqualTo(shift + scale).Within(4 * scale / Math.Sqrt(n)));
        Assert.That(Math.Sqrt(Variance(x)), Is.EqualTo(scale).Within(0.03 * scale));
        // P(X − shift > scale) = e^−1.
        Assert.That(x.Count(v => v - shift > scale) / (double)n, Is.EqualTo(Math.Exp(-1)).Within(0.01));
    }

    [Test]
    public void ClipsJustBelowHigh()
    {
        const int n = 20000;
        var x = new Exponential(0.15, 0.3, 0.5).Sample(n, new Random(5));
        double top = Math.BitDecrement(0.5);
        Assert.That(x.Max(), Is.EqualTo(top));
        Assert.That(x.All(v => v >= 0.3 && v < 0.5), Is.True);
        // P(shift + Exp(0.15) ≥ 0.5) = exp(−0.2/0.15) of the samples sit at the clip value.
        double clipped = x.Count(v => v == top) / (double)n;
        Assert.That(clipped, Is.EqualTo(Math.Exp(-0.2 / 0.15)).Within(0.015));
    }

    [Test]
    public void RejectsBadParameters()
    {
        var ex = Assert.Throws<ValidationError>(() => _ = new Exponential(-1));
        Assert.That(ex!.Message, Does.StartWith("Exponential: scale").And.Contain("-1"));
        ex = Assert.Throws<ValidationError>(() => _ = new Exponential(1, 2, 1));
        Assert.That(ex!.Message, Is.EqualTo("Exponential: high must be > shift (2), got 1."));
        ex = Assert.Throws<ValidationError>(() => _ = new Exponential(1, double.NaN));
        Assert.That(ex!.Message, Does.StartWith("Exponential: shift").And.Contain("NaN"));
    }
}
