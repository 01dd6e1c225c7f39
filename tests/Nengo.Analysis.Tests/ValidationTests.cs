using NUnit.Framework;

namespace Nengo.AnalysisTests;

[TestFixture]
public class ValidationTests
{
    [TestCase(1)]
    [TestCase(0)]
    [TestCase(-5)]
    public void TooFewPoints_Throws(int points)
    {
        var net = new Network(seed: 1);
        var ens = net.Ensemble(4, dimensions: 1, label: "a");
        using var sim = new Simulator(net);
        var tc = Assert.Throws<ValidationError>(() => Analysis.TuningCurves(ens, sim, points))!;
        Assert.That(tc.Message, Does.Contain("Ensemble 'a'").And.Contain("points").And.Contain($"got {points}"));
        var rc = Assert.Throws<ValidationError>(() => Analysis.ResponseCurves(ens, sim, points))!;
        Assert.That(rc.Message, Does.Contain("points").And.Contain($"got {points}"));
    }

    [Test]
    public void DirectEnsemble_Throws()
    {
        var net = new Network(seed: 1);
        var ens = net.Ensemble(4, dimensions: 1, neuronType: new Direct(), label: "d");
        using var sim = new Simulator(net);
        var e = Assert.Throws<ValidationError>(() => Analysis.TuningCurves(ens, sim))!;
        Assert.That(e.Message, Does.Contain("Ensemble 'd'").And.Contain("neuronType").And.Contain("Direct"));
        Assert.Throws<ValidationError>(() => Analysis.ResponseCurves(ens, sim));
    }

    [Test]
    public void DirectFromNetworkDefaults_Throws()
    {
        var net = new Network(seed: 1);
        net.Defaults.Ensemble.NeuronType = new Direct();
        var ens = net.Ensemble(4, dimensions: 1);
        using var sim = new Simulator(net);
        Assert.Throws<ValidationError>(() => Analysis.TuningCurves(ens, sim));
    }

    [Test]
    public void EnsembleOfAnotherNetwork_Throws()
    {
        var net = new Network(seed: 1);
        net.Ensemble(4, dimensions: 1);
        var other = new Network().Ensemble(4, dimensions: 1, label: "elsewhere");
        using var sim = new Simulator(net);
        var e = Assert.Throws<ValidationError>(() => Analysis.TuningCurves(other, sim))!;
        Assert.That(e.Message, Does.Contain("elsewhere"));
    }

    [Test]
    public void NullArguments_Throw()
    {
        var net = new Network(seed: 1);
        var ens = net.Ensemble(4, dimensions: 1);
        using var sim = new Simulator(net);
        Assert.Throws<ArgumentNullException>(() => Analysis.TuningCurves(null!, sim));
        Assert.Throws<ArgumentNullException>(() => Analysis.TuningCurves(ens, null!));
    }
}
