using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>Errors while running, misuse of the simulator, and reading data of foreign objects.</summary>
[TestFixture]
public class SimulationErrorTests
{
    [Test]
    public void NodeFunction_ThrowingDuringARun_IsASimulationError_NamingTheNode_AndWrappingTheCause()
    {
        var net = new Network(seed: 1);
        net.Node(t => t > 0.0025 ? throw new InvalidOperationException("boom") : 0.0, label: "bad");
        using var sim = new Simulator(net);
        var e = Expect.Throws<SimulationError>(() => sim.RunSteps(10), "Node 'bad'", "InvalidOperationException", "boom", "t = 0.003");
        Assert.That(e.InnerException, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("boom"));
    }

    [Test]
    public void NodeFunction_ReturningNaNDuringARun_IsASimulationError()
    {
        var net = new Network(seed: 1);
        var n = net.Node(t => t > 0.0015 ? double.NaN : 1.0, label: "nan");
        var p = net.Node(sizeIn: 1, label: "p");
        net.Connect(n, p, synapse: null);
        using var sim = new Simulator(net);
        Expect.Throws<SimulationError>(() => sim.Run(0.01), "Node 'nan'", "finite", "NaN", "t = 0.002");
    }

    [Test]
    public void VectorNodeFunction_ChangingItsSizeDuringARun_IsASimulationError()
    {
        var net = new Network(seed: 1);
        net.Node(t => t > 0.0015 ? new double[3] : new double[2], label: "v");
        using var sim = new Simulator(net);
        Expect.Throws<SimulationError>(() => sim.RunSteps(5), "Node 'v'", "2 values", "got 3");
    }

    [Test]
    public void NodeFunctionOfInput_ThrowingDuringARun_NamesTheNode()
    {
        var net = new Network(seed: 1);
        var src = net.Node(t => t, label: "src");
        var f = net.Node((t, x) => x[0] > 0.0025 ? throw new ArgumentException("too big") : x, sizeIn: 1, label: "f");
        net.Connect(src, f, synapse: null);
        using var sim = new Simulator(net);
        var e = Expect.Throws<SimulationError>(() => sim.RunSteps(10), "Node 'f'", "too big");
        Assert.That(e.InnerException, Is.TypeOf<ArgumentException>());
    }

    [Test]
    public void ConnectionFunction_ThrowingDuringARun_NamesTheConnection()
    {
        var net = new Network(seed: 1);
        var src = net.Node(t => t, label: "src");
        var post = net.Node(sizeIn: 1, label: "post");
        net.Connect(src, post, (double v) => v > 0.0025 ? throw new InvalidOperationException("conn boom") : v, synapse: null, label: "fn");
        using var sim = new Simulator(net);
        var e = Expect.Throws<SimulationError>(() => sim.RunSteps(10), "Connection 'fn'", "conn boom");
        Assert.That(e.InnerException, Is.TypeOf<InvalidOperationException>());
    }

    [TestCase(-1.0, "got -1.")]
    [TestCase(double.NaN, "got NaN.")]
    public void Run_NegativeTime_IsAValidationError(double seconds, string got)
    {
        using var sim = new Simulator(TestNetworks.Squaring());
        Expect.Throws<ValidationError>(() => sim.Run(seconds), "Simulator", "seconds", ">= 0", got);
        Assert.That(sim.Steps, Is.EqualTo(0));
    }

    [Test]
    public void RunSteps_Negative_IsAValidationError()
    {
        using var sim = new Simulator(TestNetworks.Squaring());
        Expect.Throws<ValidationError>(() => sim.RunSteps(-1), "Simulator", "steps", ">= 0", "got -1.");
    }

    [Test]
    public void Dt_NotPositive_IsAValidationError()
    {
        Expect.Throws<ValidationError>(() => new Simulator(TestNetworks.Squaring(), dt: 0), "Simulator", "dt", "positive", "got 0.");
    }

    [Test]
    public void UseAfterDispose_IsASimulationError()
    {
        var net = TestNetworks.Squaring();
        var sim = new Simulator(net);
        sim.RunSteps(5);
        sim.Dispose();
        Assert.That(sim.Closed, Is.True);
        Expect.Throws<SimulationError>(() => sim.RunSteps(1), "Simulator", "Dispose");
        Expect.Throws<SimulationError>(() => sim.Run(0.01), "Simulator", "Dispose");
        Expect.Throws<SimulationError>(() => sim.Step(), "Simulator", "Dispose");
        Expect.Throws<SimulationError>(() => sim.Reset(), "Simulator", "Dispose");
        Assert.That(() => sim.Dispose(), Throws.Nothing, "Dispose is idempotent");
        Assert.That(sim.Data[net.Probes[0]].RowCount, Is.EqualTo(5), "recorded data stays readable after Dispose");
    }

    [Test]
    public void Data_OfAProbeFromAnotherNetwork_IsAValidationError()
    {
        using var sim = new Simulator(TestNetworks.Squaring());
        var other = TestNetworks.Squaring();
        Expect.Throws<ValidationError>(() => _ = sim.Data[other.Probes[0]], "Probe 'p_sq'", "not part of the simulated network");
    }

    [Test]
    public void Data_OfAProbeAddedAfterTheBuild_IsAValidationError()
    {
        var net = TestNetworks.Squaring();
        using var sim = new Simulator(net);
        var late = net.Probe(net.Ensembles[0], label: "late");
        sim.RunSteps(2);
        Expect.Throws<ValidationError>(() => _ = sim.Data[late], "Probe 'late'", "not part of the simulated network");
    }

    [Test]
    public void Data_OfAForeignEnsembleOrConnection_IsAValidationError()
    {
        using var sim = new Simulator(TestNetworks.Squaring());
        var other = TestNetworks.Squaring();
        Expect.Throws<ValidationError>(() => _ = sim.Data[other.Ensembles[0]], "Ensemble 'x'", "not part of the simulated network");
        Expect.Throws<ValidationError>(() => _ = sim.Data[other.Connections[1]], "Connection 'x->sq'", "not part of the simulated network");
    }

    [Test]
    public void AFailedRun_LeavesTheSimulatorUsableAfterReset()
    {
        var net = new Network(seed: 1);
        bool fail = true;
        var n = net.Node(t => fail && t > 0.0015 ? double.NaN : t, label: "flaky");
        var p = net.Probe(n);
        using var sim = new Simulator(net);
        Assert.Throws<SimulationError>(() => sim.RunSteps(5));
        fail = false;
        sim.Reset();
        sim.RunSteps(3);
        Assert.That(sim.Data[p].Column(0).ToArray(), Is.EqualTo(new[] { 0.001, 0.002, 0.003 }));
    }
}
