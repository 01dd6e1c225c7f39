using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

[TestFixture]
public class ChoiceTests
{
    [Test]
    public void FrequenciesMatchWeights()
    {
        const int n = 40000;
        var weights = new[] { 1.0, 2.0, 0.0, 7.0 };
        var x = new Choice(new[] { 10.0, 20.0, 30.0, 40.0 }, weights).Sample(n, new Random(9));
        double[] p = { 0.1, 0.2, 0.0, 0.7 };
        double[] options = { 10, 20, 30, 40 };
        for (int k = 0; k < 4; k++)
        {
            double freq = x.Count(v => v == options[k]) / (double)n;
            Assert.That(freq, Is.EqualTo(p[k]).Within(4 * Math.Sqrt(p[k] * (1 - p[k]) / n) + 1e-12), $"option {options[k]}");
        }
        Assert.That(x.All(v => options.Contains(v)), Is.True);
    }

    [Test]
    public void EqualWeightsByDefault()
    {
        const int n = 30000;
        var x = new Choice(new[] { -1.0, 1.0, 3.0 }).Sample(n, new Random(2));
        foreach (double o in new[] { -1.0, 1.0, 3.0 })
            Assert.That(x.Count(v => v == o) / (double)n, Is.EqualTo(1 / 3.0).Within(4 * Math.Sqrt(2.0 / 9 / n)));
    }

    [Test]
    public void DrawsWholeRows()
    {
        var options = new double[,] { { 1, 2, 3 }, { -1, -2, -3 } };
        var x = new Choice(options, new[] { 1.0, 1.0 }).Sample(200, 3, new Random(4));
        for (int i = 0; i < 200; i++)
        {
            Assert.That(Math.Abs(x[i, 0]), Is.EqualTo(1));
            Assert.That(x[i, 1], Is.EqualTo(2 * x[i, 0]));
            Assert.That(x[i, 2], Is.EqualTo(3 * x[i, 0]));
        }
        Assert.That(Column(x, 0).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void SingleOptionIsConstant()
    {
        Assert.That(new Choice(new double[,] { { 1 } }).Sample(20, new Random(0)), Is.All.EqualTo(1.0));
    }

    [Test]
    public void OptionsAreCopied()
    {
        var options = new double[,] { { 1 }, { 2 } };
        var choice = new Choice(options);
        options[0, 0] = 99;
        Assert.That(choice.Sample(50, new Random(0)), Has.None.EqualTo(99.0));
        Assert.That(choice.Options[0, 0], Is.EqualTo(1));
        Assert.That(choice.Weights, Is.EqualTo(new[] { 0.5, 0.5 }));
    }

    [Test]
    public void ColumnCountMustEqualD()
    {
        var choice = new Choice(new double[,] { { 1, 2 }, { 3, 4 } });
        var ex = Assert.Throws<ValidationError>(() => choice.Sample(5, 3, new Random(0)));
        Assert.That(ex!.Message, Does.Contain("options").And.Contain("3 columns").And.Contain("got 2 columns"));
        ex = Assert.Throws<ValidationError>(() => new Choice(new[] { 1.0, 2.0 }).Sample(5, 2, new Random(0)));
        Assert.That(ex!.Message, Does.Contain("got 1 columns"));
    }

    [Test]
    public void RejectsBadWeights()
    {
        var ex = Assert.Throws<ValidationError>(() => _ = new Choice(new[] { 1.0, 2.0 }, new[] { 1.0, -0.5 }));
        Assert.That(ex!.Message, Does.StartWith("Choice: weights").And.Contain("non-negative").And.Contain("-0.5"));
        ex = Assert.Throws<ValidationError>(() => _ = new Choice(new[] { 1.0, 2.0 }, new[] { 1.0 }));
        Assert.That(ex!.Message, Does.StartWith("Choice: weights").And.Contain("one weight per option (2)").And.Contain("[1]"));
        ex = Assert.Throws<ValidationError>(() => _ = new Choice(new[] { 1.0, 2.0 }, new[] { 0.0, 0.0 }));
        Assert.That(ex!.Message, Does.StartWith("Choice: weights").And.Contain("positive sum"));
        ex = Assert.Throws<ValidationError>(() => _ = new Choice(new double[0, 1]));
        Assert.That(ex!.Message, Does.StartWith("Choice: options").And.Contain("0x1"));
        ex = Assert.Throws<ValidationError>(() => _ = new Choice(new[] { 1.0, double.NaN }));
        Assert.That(ex!.Message, Does.StartWith("Choice: options").And.Contain("finite"));
    }
}

[TestFixture]
public class SamplesTests
{
    [Test]
    public void ReturnsTheGivenArray()
    {
        var values = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var dist = new Samples(values);
        var x = dist.Sample(3, 2, new Random(0));
        Assert.That(SameArray(x, values), Is.True);
        x[0, 0] = 100; // the caller's copy, not the distribution's
        Assert.That(dist.Sample(3, 2, new Random(1))[0, 0], Is.EqualTo(1));
        values[1, 1] = -7; // the constructor copied too
        Assert.That(dist.Sample(3, 2, new Random(1))[1, 1], Is.EqualTo(4));
    }

    [Test]
    public void ScalarSampleFromOneColumn()
    {
        var dist = new Samples(new double[,] { { 0.5 }, { -0.5 } });
        Assert.That(dist.Sample(2, new Random(0)), Is.EqualTo(new[] { 0.5, -0.5 }));
    }

    [Test]
    public void ShapeMismatchNamesExpectedAndGot()
    {
        var dist = new Samples(new double[3, 2]);
        var ex = Assert.Throws<ValidationError>(() => dist.Sample(4, 2, new Random(0)));
        Assert.That(ex!.Message, Does.Contain("must have shape (4, 2)").And.Contain("got shape (3, 2)"));
        ex = Assert.Throws<ValidationError>(() => dist.Sample(3, 1, new Random(0)));
        Assert.That(ex!.Message, Does.Contain("(3, 1)").And.Contain("got shape (3, 2)"));
    }
}
