using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>net.Ensemble(...) rejects bad arguments at the call, naming the ensemble, the parameter, the value and what is allowed.</summary>
[TestFixture]
public class EnsembleValidationTests
{
    [TestCase(0)]
    [TestCase(-3)]
    public void NNeurons_NotPositive_IsRejected(int n)
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(n, 1, label: "x"), "Ensemble 'x'", "nNeurons", "must be positive", $"got {n}.");
        Assert.That(net.Ensembles, Is.Empty);
    }

    [Test]
    public void NNeurons_Zero_GivesTheDocumentedMessage()
    {
        var net = new Network();
        var e = Assert.Throws<ValidationError>(() => net.Ensemble(0, 1, label: "x"))!;
        Assert.That(e.Message, Is.EqualTo("Ensemble 'x': nNeurons must be positive, got 0."));
    }

    [Test]
    public void Unlabeled_Ensemble_IsStillNamed()
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(0, 1), "Ensemble", "nNeurons", "got 0");
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Dimensions_NotPositive_IsRejected(int d)
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(10, d, label: "x"), "Ensemble 'x'", "dimensions", "must be positive", $"got {d}.");
        Assert.That(net.Ensembles, Is.Empty);
    }

    [TestCase(0.0, "got 0.")]
    [TestCase(-1.0, "got -1.")]
    [TestCase(double.NaN, "got NaN.")]
    [TestCase(double.PositiveInfinity, "got ")]
    public void Radius_NotPositiveFinite_IsRejected(double r, string got)
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(10, 1, radius: r, label: "x"), "Ensemble 'x'", "radius", "positive", got);
        Assert.That(net.Ensembles, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void NEvalPoints_NotPositive_IsRejected(int m)
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(10, 1, nEvalPoints: m, label: "x"), "Ensemble 'x'", "nEvalPoints", "must be positive", $"got {m}.");
    }

    [Test]
    public void Gain_WithoutBias_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(3, 1, gain: new[] { 1.0, 2.0, 3.0 }, label: "x"), "Ensemble 'x'", "gain", "bias", "together", "only gain");
        Assert.That(net.Ensembles, Is.Empty);
    }

    [Test]
    public void Bias_WithoutGain_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(3, 1, bias: new[] { 1.0, 2.0, 3.0 }, label: "x"), "Ensemble 'x'", "gain", "bias", "together", "only bias");
    }

    [Test]
    public void GainAndBias_Together_AreAccepted()
    {
        var net = new Network();
        var ens = net.Ensemble(2, 1, gain: new[] { 1.0, 2.0 }, bias: new[] { 0.5, 0.5 }, label: "x");
        Assert.That(ens.Gain, Is.InstanceOf<Samples>());
        Assert.That(ens.Bias, Is.InstanceOf<Samples>());
    }

    [Test]
    public void Encoders_WrongNumberOfColumns_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(4, 2, encoders: new double[4, 3], label: "x"), "Ensemble 'x'", "encoders", "(4, 2)", "(4, 3)");
    }

    [Test]
    public void Encoders_WrongNumberOfRows_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(4, 2, encoders: new double[3, 2], label: "x"), "Ensemble 'x'", "encoders", "(4, 2)", "(3, 2)");
    }

    [Test]
    public void Encoders_NotFinite_IsRejected()
    {
        var net = new Network();
        var enc = new double[,] { { 1, 0 }, { double.NaN, 1 } };
        Expect.Validation(() => net.Ensemble(2, 2, encoders: enc, label: "x"), "Ensemble 'x'", "encoders", "finite", "NaN");
    }

    [Test]
    public void EvalPoints_WrongNumberOfColumns_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(4, 2, evalPoints: new double[5, 3], label: "x"), "Ensemble 'x'", "evalPoints", "(m, 2)", "(5, 3)");
    }

    [Test]
    public void EvalPoints_AnyNumberOfRows_IsAccepted()
    {
        var net = new Network();
        Assert.That(() => net.Ensemble(4, 2, evalPoints: new double[7, 2], label: "x"), Throws.Nothing);
    }

    [TestCase("maxRates")]
    [TestCase("intercepts")]
    [TestCase("gain")]
    [TestCase("bias")]
    public void PerNeuronArray_WrongLength_IsRejected(string parameter)
    {
        var net = new Network();
        double[] five = [0.1, 0.2, 0.3, 0.4, 0.5];
        double[] ten = Enumerable.Repeat(0.5, 10).ToArray();
        TestDelegate call = parameter switch
        {
            "maxRates" => () => net.Ensemble(10, 1, maxRates: new[] { 100.0, 100, 100, 100, 100 }, label: "x"),
            "intercepts" => () => net.Ensemble(10, 1, intercepts: five, label: "x"),
            "gain" => () => net.Ensemble(10, 1, gain: five, bias: ten, label: "x"),
            _ => () => net.Ensemble(10, 1, gain: ten, bias: five, label: "x"),
        };
        Expect.Validation(call, "Ensemble 'x'", parameter, "10", "5");
        Assert.That(net.Ensembles, Is.Empty);
    }

    [TestCase(1.0)]
    [TestCase(1.5)]
    [TestCase(-1.5)]
    public void Intercepts_OutOfRange_IsRejected(double c)
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(2, 1, intercepts: new[] { 0.0, c }, label: "x"),
            "Ensemble 'x'", "intercepts", "[-1, 1)", $"got {c.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    [Test]
    public void Intercepts_AtTheEdgesOfTheRange_AreAccepted()
    {
        var net = new Network();
        Assert.That(() => net.Ensemble(2, 1, intercepts: new[] { -1.0, 0.999 }, label: "x"), Throws.Nothing);
    }

    [TestCase(0.0, "got 0.")]
    [TestCase(-10.0, "got -10.")]
    public void MaxRates_NotPositive_IsRejected(double rate, string got)
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(2, 1, maxRates: new[] { 100.0, rate }, label: "x"), "Ensemble 'x'", "maxRates", "positive", got);
    }

    [Test]
    public void MaxRates_NotFinite_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Ensemble(2, 1, maxRates: new[] { 100.0, double.NaN }, label: "x"), "Ensemble 'x'", "maxRates", "finite", "got NaN.");
    }

    [Test]
    public void RejectedEnsemble_LeavesTheNetworkUsable()
    {
        var net = new Network();
        var a = net.Ensemble(10, 1, label: "a");
        Assert.Throws<ValidationError>(() => net.Ensemble(10, 1, radius: -1, label: "bad"));
        var b = net.Ensemble(10, 1, label: "b");
        Assert.That(net.Ensembles, Is.EqualTo(new[] { a, b }));
        Assert.That(net.NNeurons, Is.EqualTo(20));
    }
}
