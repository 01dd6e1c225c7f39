using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>Networks that are valid objects but cannot be compiled raise a BuildError naming the culprit.</summary>
[TestFixture]
public class BuildErrorTests
{
    [Test]
    public void PassthroughLoop_WithoutSynapse_IsAnAlgebraicLoop()
    {
        var net = TestNetworks.PassthroughLoop(closing: null);
        var e = Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "algebraic loop", "synapse");
        Assert.That(e.Message, Does.Contain("'a->b'").Or.Contain("'b->a'"), "the message should name an operator of the loop");
    }

    [Test]
    public void PassthroughLoop_WithSynapseZero_Builds_AndAccumulatesWithOneStepDelay()
    {
        var net = TestNetworks.PassthroughLoop(closing: 0.0);
        Assert.That(() => ModelBuilder.Build(net), Throws.Nothing);
        using var sim = new Simulator(net);
        sim.RunSteps(5);
        // a = 1 + b(previous step) and b = a, so a counts the steps.
        Assert.That(sim.Data[net.Probes[0]].Column(0).ToArray(), Is.EqualTo(new[] { 1.0, 2.0, 3.0, 4.0, 5.0 }));
    }

    [Test]
    public void Intercepts_ArrayAtOne_IsRejectedAlreadyAtConstruction()
    {
        var net = new Network();
        Assert.That(() => net.Ensemble(1, 1, intercepts: new[] { 1.0 }, label: "x"),
            Throws.TypeOf<ValidationError>().With.Message.Contains("Ensemble 'x'").And.Message.Contains("intercepts"));
    }

    [TestCase(1.0, 1.0)]
    [TestCase(1.2, 1.5)]
    public void Intercepts_DrawnAtOrAboveOne_AreABuildError(double low, double high)
    {
        var net = new Network(seed: 1);
        net.Ensemble(5, 1, intercepts: new Uniform(low, high), label: "x");
        Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "Ensemble 'x'", "gain", "intercept");
    }

    [Test]
    public void MaxRates_AboveOneOverTauRef_AreABuildError()
    {
        var net = new Network(seed: 1);
        net.Ensemble(2, 1, maxRates: new[] { 300.0, 600.0 }, label: "x");
        Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "Ensemble 'x'", "maxRates", "1/tauRef = 500", "got 600");
    }

    [Test]
    public void MaxRates_BelowOneOverTauRef_Build()
    {
        var net = new Network(seed: 1);
        net.Ensemble(2, 1, maxRates: new[] { 300.0, 600.0 }, neuronType: new LIF(tauRef: 0.001), label: "x");
        Assert.That(() => ModelBuilder.Build(net), Throws.Nothing);
    }

    /// <summary>Five neurons with intercepts 0.99 and encoder +1, decoded at ten negative points only: none is ever active.</summary>
    private static Ensemble SilentEnsemble(Network net)
    {
        var ones = new double[5, 1];
        for (int i = 0; i < 5; i++) ones[i, 0] = 1;
        var negative = new double[10, 1];
        for (int i = 0; i < 10; i++) negative[i, 0] = -0.1 * (i + 1);
        return net.Ensemble(5, 1, intercepts: Enumerable.Repeat(0.99, 5).ToArray(), encoders: ones, evalPoints: negative, label: "silent");
    }

    [Test]
    public void AllSilentEnsemble_CannotBeDecoded()
    {
        var net = new Network(seed: 1);
        var silent = SilentEnsemble(net);
        var post = net.Node(sizeIn: 1, label: "post");
        net.Connect(silent, post, label: "out");
        Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "Connection 'out'", "Ensemble 'silent'", "active");
    }

    [Test]
    public void AllSilentEnsemble_WithTwoFunctions_NamesTheFirstConnection()
    {
        // Both connections share the ensemble's tuning curves (one computation): each still fails with its own
        // message, and the build reports the first in creation order.
        var net = new Network(seed: 1);
        var silent = SilentEnsemble(net);
        var post = net.Node(sizeIn: 1, label: "post");
        net.Connect(silent, post, (double x) => x * x, label: "first");
        net.Connect(silent, post, (double x) => -x, label: "second");
        var e = Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "Connection 'first'", "Ensemble 'silent'", "active");
        Assert.That(e.Message, Does.Not.Contain("'second'"));
    }

    [Test]
    public void AllSilentEnsemble_WithoutDecodedConnections_Builds()
    {
        var net = new Network(seed: 1);
        var ones = new double[5, 1];
        for (int i = 0; i < 5; i++) ones[i, 0] = 1;
        net.Ensemble(5, 1, intercepts: Enumerable.Repeat(0.99, 5).ToArray(), encoders: ones, evalPoints: new double[,] { { -0.5 } }, label: "silent");
        Assert.That(() => ModelBuilder.Build(net), Throws.Nothing);
    }

    [Test]
    public void Encoders_WithAZeroRow_AreABuildError()
    {
        var net = new Network(seed: 1);
        net.Ensemble(3, 2, encoders: new double[,] { { 1, 0 }, { 0, 0 }, { 0, 1 } }, label: "z");
        Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "Ensemble 'z'", "encoders", "zero row", "neuron 1");
    }

    [Test]
    public void Encoders_WithAZeroRow_BuildWhenNotNormalized()
    {
        var net = new Network(seed: 1);
        net.Ensemble(3, 2, encoders: new double[,] { { 1, 0 }, { 0, 0 }, { 0, 1 } }, normalizeEncoders: false, label: "z");
        Assert.That(() => ModelBuilder.Build(net), Throws.Nothing);
    }

    [Test]
    public void NonPositiveGain_IsABuildError()
    {
        var net = new Network(seed: 1);
        net.Ensemble(2, 1, gain: new[] { 1.0, -2.0 }, bias: new[] { 0.5, 0.5 }, label: "g");
        Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "Ensemble 'g'", "neuron 1", "gain -2");
    }

    [Test]
    public void FailingBuild_LeavesNoSimulator_AndTheNetworkUntouched()
    {
        var net = TestNetworks.Squaring();
        net.Defaults.Ensemble.MaxRates = new Uniform(600, 700);
        int nodes = net.Nodes.Count, ensembles = net.Ensembles.Count, connections = net.Connections.Count, probes = net.Probes.Count;

        Simulator? sim = null;
        Assert.Throws<BuildError>(() => sim = new Simulator(net));
        Assert.That(sim, Is.Null);
        Assert.That((net.Nodes.Count, net.Ensembles.Count, net.Connections.Count, net.Probes.Count),
            Is.EqualTo((nodes, ensembles, connections, probes)), "the build must not add hidden objects to the network");
        Assert.That(net.AllEnsembles.Select(e => e.Seed).Concat(net.AllConnections.Select(c => c.Seed)), Has.All.Null,
            "the build must not write drawn seeds into the objects");
    }

    [Test]
    public void FailingBuild_CanBeFixed_AndThenBuildsAsIfItHadNeverFailed()
    {
        var net = TestNetworks.Squaring(seed: 5);
        net.Defaults.Ensemble.MaxRates = new Uniform(600, 700);
        Assert.Throws<BuildError>(() => new Simulator(net));

        net.Defaults.Ensemble.MaxRates = null;
        using var fixedSim = new Simulator(net);
        using var fresh = new Simulator(TestNetworks.Squaring(seed: 5));
        var fixedX = fixedSim.Data[net.Ensembles[0]];
        var freshX = fresh.Data[fresh.Network.Ensembles[0]];
        Assert.That(fixedX.Encoders.ToArray(), Is.EqualTo(freshX.Encoders.ToArray()));
        Assert.That(fixedX.Gain.ToArray(), Is.EqualTo(freshX.Gain.ToArray()));
        fixedSim.RunSteps(100);
        fresh.RunSteps(100);
        Assert.That(fixedSim.Data[net.Probes[0]].ToArray(), Is.EqualTo(fresh.Data[fresh.Network.Probes[0]].ToArray()));
    }

    private sealed record UnregisteredSolver() : Solver(false);

    [Test]
    public void FailingBuild_MidwayThroughTheConnections_CanBeFixed()
    {
        // The ensembles build, then the first decoded connection fails: nothing of the partial build may leak.
        var net = TestNetworks.Squaring(seed: 2);
        net.Defaults.Connection.Solver = new UnregisteredSolver();
        Simulator? sim = null;
        Expect.Throws<BuildError>(() => sim = new Simulator(net), "UnregisteredSolver", "LstsqL2");
        Assert.That(sim, Is.Null);

        net.Defaults.Connection.Solver = null;
        using var fixedSim = new Simulator(net);
        using var fresh = new Simulator(TestNetworks.Squaring(seed: 2));
        fixedSim.RunSteps(50);
        fresh.RunSteps(50);
        Assert.That(fixedSim.Data[net.Probes[0]].ToArray(), Is.EqualTo(fresh.Data[fresh.Network.Probes[0]].ToArray()));
    }

    [Test]
    public void UnregisteredSolver_Message_NamesTheConnection()
    {
        var net = TestNetworks.Squaring(seed: 2);
        net.Defaults.Connection.Solver = new UnregisteredSolver();
        Expect.Throws<BuildError>(() => ModelBuilder.Build(net), "Connection 'x->sq'", "UnregisteredSolver");
    }

    [Test]
    public void FailingSchedule_CanBeFixedThroughTheDefaults()
    {
        var net = TestNetworks.PassthroughLoop(closing: default);
        net.Defaults.Connection.Synapse = null;
        Assert.Throws<BuildError>(() => new Simulator(net));
        net.Defaults.Connection.Synapse = 0.005;
        using var sim = new Simulator(net);
        Assert.That(sim.Model.StepOrder.OfType<SimProcess>().Count(), Is.EqualTo(1));
        sim.RunSteps(3);
        Assert.That(sim.Data[net.Probes[0]].RowCount, Is.EqualTo(3));
    }
}
