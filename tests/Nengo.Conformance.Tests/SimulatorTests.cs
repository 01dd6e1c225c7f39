using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>The simulator's clock, run methods, progress, lifetime and built data (NEF.md §1.6, §10).</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class SimulatorTests(BackendCase backend) : BackendTestBase(backend)
{
    private static (Network Net, Probe Probe) Clock()
    {
        var net = new Network("clock", seed: 131);
        var u = net.Node(t => t);
        return (net, net.Probe(u));
    }

    private sealed class Recorder : IProgress<SimulationProgress>
    {
        public List<SimulationProgress> Reports { get; } = [];
        public void Report(SimulationProgress value) => Reports.Add(value);
    }

    [Test]
    public void Clock_TimeStepsTrange()
    {
        var (net, p) = Clock();
        var sim = Sim(net);
        Assert.That(sim.Dt, Is.EqualTo(0.001));
        Assert.That((sim.Steps, sim.Time), Is.EqualTo((0L, 0.0)));
        Assert.That(sim.Trange(), Is.Empty);
        sim.Run(0.1);
        Assert.That(sim.Steps, Is.EqualTo(100));
        Assert.That(sim.Time, Is.EqualTo(0.1).Within(1e-12));
        var tr = sim.Trange();
        Assert.That(tr, Has.Length.EqualTo(100));
        Assert.That(tr[0], Is.EqualTo(0.001));
        Assert.That(tr[^1], Is.EqualTo(0.1).Within(1e-12));
        Signals.AssertAllclose(sim.Data[p].ColumnArray(), tr, atol: 0, what: "a node sees t = step·dt");
    }

    [Test]
    public void Run_RoundsToWholeSteps()
    {
        var (net, _) = Clock();
        var sim = Sim(net);
        sim.Run(0.0104);
        Assert.That(sim.Steps, Is.EqualTo(10));
        sim.Run(0.0106);
        Assert.That(sim.Steps, Is.EqualTo(21));
        sim.Run(0);
        Assert.That(sim.Steps, Is.EqualTo(21), "Run(0) runs no steps");
    }

    [Test]
    public void RunStepsAndStep()
    {
        var (net, p) = Clock();
        var sim = Sim(net);
        sim.RunSteps(7);
        sim.Step();
        sim.RunSteps(0);
        Assert.That(sim.Steps, Is.EqualTo(8));
        Assert.That(sim.Data[p].RowCount, Is.EqualTo(8));
        Assert.That(sim.Data[p][7, 0], Is.EqualTo(0.008).Within(1e-15));
    }

    [Test]
    public void CustomDt()
    {
        var (net, p) = Clock();
        var sim = Sim(net, dt: 0.0005);
        Assert.That(sim.Dt, Is.EqualTo(0.0005));
        sim.Run(0.01);
        Assert.That(sim.Steps, Is.EqualTo(20));
        Assert.That(sim.Time, Is.EqualTo(0.01).Within(1e-15));
        Assert.That(sim.Data[p][0, 0], Is.EqualTo(0.0005));
        Assert.That(sim.Trange(0.001), Has.Length.EqualTo(10));
    }

    [Test]
    public void InvalidArguments_AreValidationErrors()
    {
        var (net, _) = Clock();
        var sim = Sim(net);
        Assert.That(() => sim.Run(-1), Throws.InstanceOf<ValidationError>());
        Assert.That(() => sim.Run(double.NaN), Throws.InstanceOf<ValidationError>());
        Assert.That(() => sim.RunSteps(-1), Throws.InstanceOf<ValidationError>());
        Assert.That(() => Sim(net, dt: 0), Throws.InstanceOf<ValidationError>());
        Assert.That(sim.Steps, Is.EqualTo(0));
    }

    [Test]
    public void Progress_IsReported()
    {
        var (net, _) = Clock();
        var sim = Sim(net);
        var rec = new Recorder();
        sim.Run(0.2, rec);
        Assert.That(rec.Reports, Is.Not.Empty);
        Assert.That(rec.Reports[^1].StepsDone, Is.EqualTo(200));
        Assert.That(rec.Reports[^1].StepsTotal, Is.EqualTo(200));
        Assert.That(rec.Reports[^1].Fraction, Is.EqualTo(1.0));
        Assert.That(rec.Reports[^1].Time, Is.EqualTo(0.2).Within(1e-12));
        Assert.That(rec.Reports.Select(r => r.StepsDone), Is.Ordered.Ascending);
        Assert.That(rec.Reports.All(r => r.Fraction is >= 0 and <= 1), Is.True);
    }

    [Test]
    public void Seed_DefaultsToNetworkSeedPlusOne()
    {
        var (net, _) = Clock();
        Assert.That(Sim(net).Seed, Is.EqualTo(132));
        Assert.That(Sim(net, seed: 5).Seed, Is.EqualTo(5));
    }

    [Test]
    public void Dispose_ThenRunThrowsSimulationError_DataStaysReadable()
    {
        var (net, p) = Clock();
        var sim = new Simulator(net, backend: Backend.Create());
        sim.RunSteps(5);
        sim.Dispose();
        Assert.That(sim.Closed, Is.True);
        Assert.That(() => sim.Run(0.01), Throws.InstanceOf<SimulationError>());
        Assert.That(() => sim.Step(), Throws.InstanceOf<SimulationError>());
        Assert.That(() => sim.Reset(), Throws.InstanceOf<SimulationError>());
        Assert.That(sim.Data[p].RowCount, Is.EqualTo(5), "recorded data stays readable");
        Assert.That(() => sim.Dispose(), Throws.Nothing, "Dispose twice is harmless");
    }

    [Test]
    public void NodeFunctionFailure_IsSimulationError()
    {
        var net = new Network("failing-node", seed: 133);
        net.Node(t => t > 0.0025 ? double.NaN : t);
        var sim = Sim(net);
        sim.RunSteps(2);
        Assert.That(() => sim.RunSteps(5), Throws.InstanceOf<SimulationError>());
    }

    [Test]
    public void SolverInfo_IdentityDecodeIsAccurate()
    {
        var net = new Network("solver-info", seed: 134);
        var ens = net.Ensemble(50, 1);
        var dst = net.Node(sizeIn: 1);
        var conn = net.Connect(ens, dst);
        var sq = net.Connect(ens, dst, function: x => x * x);
        var sim = Sim(net);
        var info = sim.Data[conn].SolverInfo!;
        Assert.That(info.Rmses, Has.Length.EqualTo(1));
        Assert.That(info.Rmses[0], Is.GreaterThan(0).And.LessThan(Tol(0.03)), "identity decode RMSE over the eval points");
        Assert.That(info.Solver, Is.EqualTo(new LstsqL2()));
        Assert.That(sim.Data[sq].SolverInfo!.Rmses[0], Is.LessThan(Tol(0.05)));
        var w = sim.Data[conn].Weights!;
        Assert.That((w.RowCount, w.ColumnCount), Is.EqualTo((1, 50)));
        Assert.That(sim.Data[conn].EvalPoints!.RowCount, Is.EqualTo(750));
    }

    [Test]
    public void SolverInfo_WeakerRegularisationFitsTighter()
    {
        var net = new Network("solver-reg", seed: 135);
        var ens = net.Ensemble(50, 1);
        var dst = net.Node(sizeIn: 1);
        var strong = net.Connect(ens, dst, solver: new LstsqL2(reg: 0.1));
        var weak = net.Connect(ens, dst, solver: new LstsqL2(reg: 0.01));
        var sim = Sim(net);
        Assert.That(sim.Data[weak].SolverInfo!.Rmses[0], Is.LessThan(sim.Data[strong].SolverInfo!.Rmses[0]));
    }

    [Test]
    public void Data_ForeignObjects_AreValidationErrors()
    {
        var (net, _) = Clock();
        var sim = Sim(net);
        var other = new Network("other", seed: 1);
        var e = other.Ensemble(5, 1);
        var c = other.Connect(e, other.Node(sizeIn: 1));
        Assert.That(() => sim.Data[e], Throws.InstanceOf<ValidationError>());
        Assert.That(() => sim.Data[c], Throws.InstanceOf<ValidationError>());
    }

    [Test]
    public void Model_IsPrintable()
    {
        var net = new Network("printable", seed: 136);
        var u = net.Node(0.5);
        var ens = net.Ensemble(5, 1);
        net.Connect(u, ens);
        net.Probe(ens);
        var text = Sim(net).Model.ToString();
        Assert.That(text, Does.Contain("Step order"));
        Assert.That(text, Does.Contain("printable"));
    }

    [Test]
    public void FailedBuild_LeavesNetworkUsable()
    {
        var net = new Network("retry", seed: 137);
        var e = net.Ensemble(2, 1, maxRates: new[] { 200.0, 900.0 }); // unreachable for LIF: BuildError
        Assert.That(() => Sim(net), Throws.InstanceOf<BuildError>());
        var ok = new Network("retry-ok", seed: 137);
        ok.Ensemble(2, 1, maxRates: new[] { 200.0, 300.0 });
        Assert.That(() => Sim(ok), Throws.Nothing);
        Assert.That(net.Ensembles, Has.Count.EqualTo(1));
        Assert.That(e.NNeurons, Is.EqualTo(2));
    }
}
