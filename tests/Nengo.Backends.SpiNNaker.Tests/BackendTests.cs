using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nengo.Backends.Cpu;
using Nengo.Backends.SpiNNaker.DependencyInjection;
using Nengo.Backends.SpiNNaker.Emulation;
using Nengo.Backends.SpiNNaker.Protocol;
using Nengo.DependencyInjection;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

/// <summary>The backend end to end: Nengo networks built, mapped, loaded and run on the emulated board.</summary>
public sealed class BackendTests
{
    private static (Network Net, Probe A, Probe B, Probe ANoSynapse, Probe U, Probe UFiltered) TwoEnsembles(double value = 0.5)
    {
        var net = new Network("two-ensembles", seed: 3);
        var u = net.Node(value);
        var a = net.Ensemble(60, 1);
        var b = net.Ensemble(60, 1);
        net.Connect(u, a);
        net.Connect(a, b, synapse: 0.01);
        return (net, net.Probe(a, synapse: 0.03), net.Probe(b, synapse: 0.03), net.Probe(a), net.Probe(u), net.Probe(u, synapse: 0.01));
    }

    private static double Mean(MathNet.Numerics.LinearAlgebra.Matrix<double> m, int from, int to) =>
        Enumerable.Range(from, to - from).Average(i => m[i, 0]);

    [Test]
    public void DecodedConstantThroughTwoEnsembles_AgreesWithCpu()
    {
        var (net, pa, pb, pn, pu, puf) = TwoEnsembles();
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 5);
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 5);
        cpu.Run(0.5); spin.Run(0.5);
        foreach (var p in new[] { pa, pb, pn, pu, puf })
            Assert.That((spin.Data[p].RowCount, spin.Data[p].ColumnCount), Is.EqualTo((cpu.Data[p].RowCount, cpu.Data[p].ColumnCount)), p.Describe);
        // Host-side Node probes are float64 and exact.
        Assert.That(spin.Data[pu].ToArray(), Is.EqualTo(cpu.Data[pu].ToArray()));
        Assert.That(spin.Data[puf].ToArray(), Is.EqualTo(cpu.Data[puf].ToArray()).Within(1e-12));
        // Decoded values: S16.15 LIF with its c fudge against float64 LIF, same decoders, same steady state.
        foreach (var p in new[] { pa, pb })
        {
            double c = Mean(cpu.Data[p], 300, 500), s = Mean(spin.Data[p], 300, 500);
            Assert.That(s, Is.EqualTo(c).Within(0.03), p.Describe);
            Assert.That(s, Is.EqualTo(0.5).Within(0.06), p.Describe);
        }
        Assert.That(Mean(spin.Data[pn], 300, 500), Is.EqualTo(Mean(cpu.Data[pn], 300, 500)).Within(0.05), "unfiltered decoded output");
    }

    [Test]
    public void MultiCoreEnsemble_WithFunctionAndSampleEvery_AgreesWithCpu()
    {
        // 1000 neurons in 2-D with three decoded rows need a cluster of several cores sharing input and spikes through SDRAM.
        var net = new Network("multi-core", seed: 11);
        var u = net.Node(t => new[] { 0.5, Math.Sin(2 * Math.PI * t) * 0.5 });
        var a = net.Ensemble(1000, 2);
        var b = net.Ensemble(50, 1);
        net.Connect(u, a);
        net.Connect(a, b, function: x => new[] { x[0] * x[1] }, synapse: 0.01);
        var pa = net.Probe(a, synapse: 0.02, sampleEvery: 0.004);
        var pb = net.Probe(b, synapse: 0.03);
        var board = SpiNNakerBackend.Emulated();
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 2);
        using var spin = new Simulator(net, 0.001, board, 2);
        cpu.Run(1.0); spin.Run(1.0);
        var slices = Backend.ModelPlan.Create(spin.Model, 1000).Ensembles.Single(e => ReferenceEquals(e.Ensemble, a)).Slices;
        Assert.That(slices.Count, Is.GreaterThan(1), "a multi-core cluster");
        Assert.That(spin.Data[pa].RowCount, Is.EqualTo(cpu.Data[pa].RowCount));
        Assert.That(spin.Data[pa].RowCount, Is.EqualTo(250));
        for (int d = 0; d < 2; d++)
        {
            double rmse = Math.Sqrt(Enumerable.Range(50, 200).Average(i => Math.Pow(spin.Data[pa][i, d] - cpu.Data[pa][i, d], 2)));
            Assert.That(rmse, Is.LessThan(0.05), $"dimension {d}");
        }
        double rb = Math.Sqrt(Enumerable.Range(200, 800).Average(i => Math.Pow(spin.Data[pb][i, 0] - cpu.Data[pb][i, 0], 2)));
        Assert.That(rb, Is.LessThan(0.05), "product");
    }

    [Test]
    public void PassthroughNodes_AreMultipliedOut_AndAgreeWithCpu()
    {
        var net = new Network("passthrough", seed: 12);
        var u = net.Node(new[] { 0.4, -0.2 });
        var input = net.Node(sizeIn: 2);
        var a = net.Ensemble(100, 2);
        var output = net.Node(sizeIn: 1);
        net.Connect(u, input, synapse: 0.01);
        net.Connect(input, a, transform: new double[,] { { 0, 1 }, { 1, 0 } }, synapse: SynapseArg.None);
        net.Connect(a[0], output, synapse: SynapseArg.None, transform: 2.0);
        net.Connect(a[1], output, synapse: SynapseArg.None);
        var p = net.Probe(output, synapse: 0.03);
        var pi = net.Probe(input[1]);
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 3);
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 3);
        cpu.Run(0.5); spin.Run(0.5);
        Assert.That(Mean(spin.Data[p], 300, 500), Is.EqualTo(Mean(cpu.Data[p], 300, 500)).Within(0.05));
        Assert.That(Mean(spin.Data[p], 300, 500), Is.EqualTo(2 * -0.2 + 0.4).Within(0.08));
        // The passthrough probe is a value sink: the CPU's filtered constant, to S16.15 precision.
        for (int i = 0; i < 500; i++) Assert.That(spin.Data[pi][i, 0], Is.EqualTo(cpu.Data[pi][i, 0]).Within(1e-3), $"row {i}");
    }

    [Test]
    public void TwoSynapsesInSeries_ThroughAPassthroughNode_AreRejected()
    {
        var net = new Network("series", seed: 1);
        var a = net.Ensemble(10, 1);
        var p = net.Node(sizeIn: 1);
        var b = net.Ensemble(10, 1);
        net.Connect(a, p, synapse: 0.01);
        net.Connect(p, b, synapse: 0.01);
        var e = Assert.Throws<NotSupportedByBackendError>(() => new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1));
        Assert.That(e!.Message, Does.Contain("two synapses in series"));
    }

    [Test]
    public void ResetAndPeriods_AreBitIdentical()
    {
        var (net, pa, pb, pn, _, _) = TwoEnsembles(-0.3);
        using var one = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1);
        using var periods = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(options: new SpiNNakerOptions { PeriodSteps = 70, Scp = new ScpOptions { Timeout = TimeSpan.FromSeconds(0.1) } }), 1);
        one.RunSteps(250);
        periods.RunSteps(120); periods.RunSteps(130);
        var first = new[] { pa, pb, pn }.Select(p => one.Data[p].ToArray()).ToList();
        Assert.That(new[] { pa, pb, pn }.Select(p => periods.Data[p].ToArray()), Is.EqualTo(first), "periods of 70 ticks");
        one.Reset();
        Assert.That(one.Data[pa].RowCount, Is.Zero);
        one.RunSteps(250);
        Assert.That(new[] { pa, pb, pn }.Select(p => one.Data[p].ToArray()), Is.EqualTo(first), "after reset");
    }

    private static IEnumerable<TestCaseData> UnsupportedModels()
    {
        Network Net(Action<Network> build) { var n = new Network("unsupported", seed: 1); build(n); return n; }
        yield return new TestCaseData(Net(n => { var e = n.Ensemble(10, 1, neuronType: new LIFRate()); n.Probe(e); }), "LIFRate").SetName("Unsupported_NeuronType");
        yield return new TestCaseData(Net(n => { var e = n.Ensemble(10, 1, neuronType: new Direct()); n.Probe(e); }), "Direct mode").SetName("Unsupported_Direct");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 1); var b = n.Ensemble(10, 1); n.Connect(a.Neurons, b.Neurons, transform: 1.0); }), "Neurons").SetName("Unsupported_NeuronsConnection");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 1); var b = n.Ensemble(10, 1); n.Connect(a, b, synapse: new Alpha(0.01)); }), "synapse").SetName("Unsupported_AlphaSynapse");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 1); n.Probe(a.Neurons, "output"); }), "probes of 'output' of Ensemble (unlabeled).Neurons").SetName("Unsupported_SpikeProbe");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 1); var f = n.Node((t, x) => x[0] * 2, 1); n.Connect(a, f, synapse: SynapseArg.None); }),
            "without a synapse from ensembles into host Nodes").SetName("Unsupported_SameStepIntoHostNode");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 70); var f = n.Node((t, x) => Enumerable.Repeat(0.1, 70).ToArray(), 1); n.Connect(f, a); }),
            "at most 64 dimensions").SetName("Unsupported_WideReceiver");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 1); var b = n.Ensemble(10, 1); n.Connect(a, b, synapse: SynapseArg.None); }), "without a synapse").SetName("Unsupported_SameStepIntoEnsemble");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 1); var b = n.Ensemble(10, 1); n.Connect(a, b, solver: new LstsqL2(weights: true), learningRule: new BCM()); }),
            "the learning rule BCM").SetName("Unsupported_Bcm");
        yield return new TestCaseData(Net(n => { var a = n.Ensemble(10, 1); var p = n.Node(sizeIn: 2); var b = n.Ensemble(10, 1); n.Connect(a, p, function: x => new[] { x[0], x[0] }, learningRule: new PES()); n.Connect(p, b, transform: new[,] { { 1.0, 1.0 } }, synapse: SynapseArg.None); }),
            "summed or scaled").SetName("Unsupported_PesMixedRows");
    }

    [TestCaseSource(nameof(UnsupportedModels))]
    public void UnsupportedModel_IsBuildErrorNamingTheFeature_AndSendsNothing(Network net, string feature)
    {
        using var board = new BoardEmulator(2, 2, TimeSpan.Zero, booted: true);
        var e = Assert.Throws<NotSupportedByBackendError>(() => new Simulator(net, 0.001, SpiNNakerBackend.Emulated(board), 1));
        Assert.That(e, Is.InstanceOf<BuildError>());
        Assert.That(e!.Message, Does.Contain(feature));
        Thread.Sleep(50);
        Assert.That(board.RequestsExecuted, Is.Zero, "no SCP request reached the board");
    }

    [Test]
    public void PacketLossAndDuplicatedReplies_GiveIdenticalResults()
    {
        var (net, pa, pb, _, _, _) = TwoEnsembles();
        var options = new SpiNNakerOptions { Scp = new ScpOptions { Timeout = TimeSpan.FromSeconds(0.02), Tries = 20 } };
        using var clean = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1);
        clean.RunSteps(200);
        using var board = new BoardEmulator(2, 2, TimeSpan.Zero, booted: true) { Faults = new FaultOptions { LossRate = 0.1, DuplicateRate = 0.3, Seed = 4 } };
        using (var faulty = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(board, options), 1))
        {
            faulty.RunSteps(200);
            Assert.That(faulty.Data[pa].ToArray(), Is.EqualTo(clean.Data[pa].ToArray()));
            Assert.That(faulty.Data[pb].ToArray(), Is.EqualTo(clean.Data[pb].ToArray()));
        }
    }

    [Test]
    public void SilentBoard_FailsWithinTheTimeout()
    {
        var (net, _, _, _, _, _) = TwoEnsembles();
        using var board = new BoardEmulator(2, 2, TimeSpan.Zero, booted: true) { Faults = new FaultOptions { Silent = true } };
        var options = new SpiNNakerOptions { Scp = new ScpOptions { Timeout = TimeSpan.FromSeconds(0.05), Tries = 3 } };
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<SpiNNakerException>(() => new Simulator(net, 0.001, SpiNNakerBackend.Emulated(board, options), 1));
        Assert.That(e!.ReturnCode, Is.Null);
        Assert.That(e.Message, Does.Contain("no reply"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void ReadSignal_OnlyStepAndTime()
    {
        var (net, _, _, _, _, _) = TwoEnsembles();
        using var sim = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1);
        sim.RunSteps(10);
        Assert.That(sim.Time, Is.EqualTo(0.01).Within(1e-12));
        var backendSim = SpiNNakerBackend.Emulated().Prepare(sim.Model, 1);
        using (backendSim)
        {
            backendSim.RunSteps(3);
            Assert.That(backendSim.ReadSignal(sim.Model.TimeSignal), Is.EqualTo(new[] { 0.003 }).Within(1e-12));
            var other = sim.Model.BaseSignals.First(s => !ReferenceEquals(s, sim.Model.TimeSignal) && !ReferenceEquals(s, sim.Model.StepSignal));
            Assert.Throws<NotSupportedByBackendError>(() => backendSim.ReadSignal(other));
        }
    }

    [Test]
    public void DependencyInjection_RegistersTheEmulatedBackendOnly()
    {
        var services = new ServiceCollection();
        services.AddNengo().AddSpiNNakerBackend();
        using var provider = services.BuildServiceProvider();
        var names = provider.GetServices<IBackendFactory>().Select(f => f.Name).ToList();
        Assert.That(names, Does.Contain("spinnaker-emulated"));
        Assert.That(names, Does.Not.Contain("spinnaker"));
        Assert.That(provider.GetServices<IBackendFactory>().Single(f => f.Name == "spinnaker-emulated").Create().Name, Is.EqualTo("spinnaker-emulated"));
    }
}
