using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>Presets.ThresholdingEnsembles (NEF.md §4) and applying a preset to a network's defaults.</summary>
[TestFixture]
public class PresetsTests
{
    [Test]
    public void ThresholdingEnsemblesValues()
    {
        var p = Presets.ThresholdingEnsembles(0.3);
        Assert.That(p.Radius, Is.EqualTo(1.0));
        Assert.That(p.Intercepts, Is.EqualTo(new Exponential(0.15, 0.3, 1)));
        Assert.That(p.Encoders, Is.EqualTo(new Choice(new double[,] { { 1 } })));
        Assert.That(p.EvalPoints, Is.EqualTo(new Uniform(0.3, 1)));

        var q = Presets.ThresholdingEnsembles(0.5, interceptWidth: 0.1, radius: 2);
        Assert.That(q.Radius, Is.EqualTo(2.0));
        Assert.That(q.Intercepts, Is.EqualTo(new Exponential(0.1, 0.5, 2)));
        Assert.That(q.EvalPoints, Is.EqualTo(new Uniform(0.25, 1)), "eval points are threshold/radius in normalised units");
    }

    [Test]
    public void ThresholdingDistributionsDrawAboveTheThreshold()
    {
        var p = Presets.ThresholdingEnsembles(0.2, 0.1);
        var intercepts = p.Intercepts!.Sample(5000, new Random(3));
        Assert.That(intercepts.Min(), Is.GreaterThanOrEqualTo(0.2));
        Assert.That(intercepts.Max(), Is.LessThan(1.0));
        Assert.That(intercepts.Average(), Is.EqualTo(0.3).Within(0.01), "shift + scale (the clip at 1 removes almost nothing)");
        Assert.That(p.Encoders!.Sample(50, new Random(1)), Is.All.EqualTo(1.0));
        var points = p.EvalPoints!.Sample(5000, new Random(2));
        Assert.That(points.Min(), Is.GreaterThanOrEqualTo(0.2));
        Assert.That(points.Max(), Is.LessThan(1.0));
    }

    [Test]
    public void ApplyToSetsTheEnsembleDefaultsAndLeavesTheRest()
    {
        var net = new Network("presets");
        net.Defaults.Ensemble.NeuronType = new LIFRate();
        net.Defaults.Ensemble.Radius = 5;
        net.Defaults.Ensemble.MaxRates = new Uniform(100, 200);
        Presets.ThresholdingEnsembles(0.4, radius: 2).ApplyTo(net.Defaults);
        var d = net.Defaults.Ensemble;
        Assert.That(d.Radius, Is.EqualTo(2.0));
        Assert.That(d.Intercepts, Is.EqualTo(new Exponential(0.15, 0.4, 2)));
        Assert.That(d.Encoders, Is.EqualTo(new Choice(new[] { 1.0 })));
        Assert.That(d.EvalPoints, Is.EqualTo(new Uniform(0.2, 1)));
        Assert.That(d.NeuronType, Is.EqualTo(new LIFRate()), "untouched");
        Assert.That(d.MaxRates, Is.EqualTo(new Uniform(100, 200)), "untouched");

        // A preset with only some entries changes only those.
        var sub = new EnsembleDefaults { Radius = 3 };
        new EnsemblePreset(Encoders: new Choice(new[] { -1.0 })).ApplyTo(sub);
        Assert.That((sub.Radius, sub.Encoders), Is.EqualTo(((double?)3.0, (Distribution)new Choice(new[] { -1.0 }))));
    }

    [Test]
    public void RejectsBadParameters()
    {
        Expect.Validation(() => Presets.ThresholdingEnsembles(1.0), "ThresholdingEnsembles", "threshold", "less than radius (1)", "got 1");
        Expect.Validation(() => Presets.ThresholdingEnsembles(2.5, radius: 2), "threshold", "less than radius (2)");
        Expect.Validation(() => Presets.ThresholdingEnsembles(double.NaN), "threshold");
        Expect.Validation(() => Presets.ThresholdingEnsembles(0.3, interceptWidth: -0.1), "interceptWidth", ">= 0");
        Expect.Validation(() => Presets.ThresholdingEnsembles(0.3, radius: 0), "radius", "positive");
    }
}
