using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Seeding and reproducibility (NEF.md §9.6, §10): the same seeds give bit-identical runs, a reset rerun is
/// bit-identical, and seeds are drawn per child type so that adding probes or nodes never shifts them.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class DeterminismTests(BackendCase backend) : BackendTestBase(backend)
{
    private sealed record Model(Network Net, Ensemble A, Ensemble B, Probe Decoded, Probe Spikes, Probe Voltage);

    private static Model Make(int seed, bool extraProbe = false, bool extraNode = false)
    {
        var net = new Network("determinism", seed: seed);
        var u = net.Node(t => Math.Sin(2 * Math.PI * 3 * t));
        var a = net.Ensemble(30, 1);
        var b = net.Ensemble(20, 1);
        net.Connect(u, a);
        net.Connect(a, b, function: x => x * x);
        var pd = net.Probe(b, synapse: 0.01);
        var ps = net.Probe(a.Neurons);
        if (extraProbe) net.Probe(a, synapse: 0.05);
        var pv = net.Probe(b.Neurons, "voltage");
        if (extraNode) net.Node(0.5);
        return new Model(net, a, b, pd, ps, pv);
    }

    private static double[][,] Record(Simulator sim, Model m) =>
        [sim.Data[m.Decoded].ToArray(), sim.Data[m.Spikes].ToArray(), sim.Data[m.Voltage].ToArray()];

    private static void AssertIdentical(double[][,] a, double[][,] b)
    {
        for (int i = 0; i < a.Length; i++) Assert.That(b[i], Is.EqualTo(a[i]), $"probe {i} must be bit-identical");
    }

    [Test]
    public void SameSeed_BitIdentical()
    {
        var m1 = Make(3);
        var m2 = Make(3);
        var s1 = Sim(m1.Net);
        var s2 = Sim(m2.Net);
        s1.Run(0.2);
        s2.Run(0.2);
        AssertIdentical(Record(s1, m1), Record(s2, m2));
        Assert.That(s2.Data[m2.A].Gain.ToArray(), Is.EqualTo(s1.Data[m1.A].Gain.ToArray()));
        Assert.That(s2.Data[m2.A].Encoders.ToArray(), Is.EqualTo(s1.Data[m1.A].Encoders.ToArray()));
    }

    [Test]
    public void SameNetworkTwoSimulators_BitIdentical()
    {
        var m = Make(4);
        var s1 = Sim(m.Net);
        var s2 = Sim(m.Net);
        s1.Run(0.2);
        s2.Run(0.2);
        AssertIdentical(Record(s1, m), Record(s2, m));
    }

    [Test]
    public void Reset_RerunIsBitIdentical()
    {
        var m = Make(5);
        var sim = Sim(m.Net);
        sim.Run(0.2);
        var first = Record(sim, m);
        sim.Reset();
        Assert.That(sim.Steps, Is.EqualTo(0));
        Assert.That(sim.Time, Is.EqualTo(0.0));
        Assert.That(sim.Data[m.Decoded].RowCount, Is.EqualTo(0), "reset clears the probe data");
        sim.Run(0.2);
        AssertIdentical(first, Record(sim, m));
    }

    [Test]
    public void ResetWithNewSimulatorSeed_NoProcesses_StillIdentical()
    {
        // Neuron state comes from the ensemble seeds; the simulator seed only seeds processes.
        var m = Make(6);
        var sim = Sim(m.Net);
        sim.Run(0.1);
        var first = Record(sim, m);
        sim.Reset(seed: 12345);
        Assert.That(sim.Seed, Is.EqualTo(12345));
        sim.Run(0.1);
        AssertIdentical(first, Record(sim, m));
    }

    [Test]
    public void RunInPieces_EqualsOneRun()
    {
        var m = Make(7);
        var whole = Sim(m.Net);
        whole.Run(0.2);
        var pieces = Sim(m.Net);
        pieces.Run(0.05);
        pieces.RunSteps(50);
        for (int i = 0; i < 100; i++) pieces.Step();
        AssertIdentical(Record(whole, m), Record(pieces, m));
    }

    [Test]
    public void DifferentSeed_Differs()
    {
        var m1 = Make(8);
        var m2 = Make(9);
        var s1 = Sim(m1.Net);
        var s2 = Sim(m2.Net);
        s1.Run(0.1);
        s2.Run(0.1);
        Assert.That(s2.Data[m2.A].Gain.ToArray(), Is.Not.EqualTo(s1.Data[m1.A].Gain.ToArray()));
        Assert.That(s2.Data[m2.Spikes].ToArray(), Is.Not.EqualTo(s1.Data[m1.Spikes].ToArray()));
        Assert.That(s2.Data[m2.Decoded].ToArray(), Is.Not.EqualTo(s1.Data[m1.Decoded].ToArray()));
    }

    [Test]
    public void AddingProbeOrNode_DoesNotChangeOtherResults()
    {
        var plain = Make(10);
        var withProbe = Make(10, extraProbe: true);
        var withNode = Make(10, extraNode: true);
        var s1 = Sim(plain.Net);
        var s2 = Sim(withProbe.Net);
        var s3 = Sim(withNode.Net);
        s1.Run(0.2);
        s2.Run(0.2);
        s3.Run(0.2);
        AssertIdentical(Record(s1, plain), Record(s2, withProbe));
        AssertIdentical(Record(s1, plain), Record(s3, withNode));
    }

    [Test]
    public void ExplicitSeed_DoesNotShiftSiblings()
    {
        Ensemble Second(bool firstSeeded, out Network net)
        {
            net = new Network("siblings", seed: 11);
            net.Ensemble(10, 1, seed: firstSeeded ? 999 : null);
            return net.Ensemble(10, 1);
        }
        var e1 = Second(false, out var n1);
        var e2 = Second(true, out var n2);
        Assert.That(Sim(n2).Data[e2].Gain.ToArray(), Is.EqualTo(Sim(n1).Data[e1].Gain.ToArray()));
    }

    [Test]
    public void ExplicitEnsembleSeed_SameParametersAnywhere()
    {
        var n1 = new Network("a", seed: 12);
        var e1 = n1.Ensemble(15, 2, seed: 77);
        var n2 = new Network("b", seed: 13);
        n2.Ensemble(5, 1);
        var e2 = n2.Ensemble(15, 2, seed: 77);
        var b1 = Sim(n1).Data[e1];
        var b2 = Sim(n2).Data[e2];
        Assert.That(b2.Gain.ToArray(), Is.EqualTo(b1.Gain.ToArray()));
        Assert.That(b2.Encoders.ToArray(), Is.EqualTo(b1.Encoders.ToArray()));
        Assert.That(b2.EvalPoints.ToArray(), Is.EqualTo(b1.EvalPoints.ToArray()));
    }

    [Test]
    public void ChangesInsideSubnetwork_DoNotChangeOutside()
    {
        (Network, Ensemble) Make2(bool extraInside)
        {
            var net = new Network("outer", seed: 14);
            var outside = net.Ensemble(10, 1);
            var sub = net.Add(new Network("sub"));
            sub.Ensemble(10, 1);
            if (extraInside) sub.Ensemble(7, 1);
            return (net, outside);
        }
        var (n1, o1) = Make2(false);
        var (n2, o2) = Make2(true);
        Assert.That(Sim(n2).Data[o2].Gain.ToArray(), Is.EqualTo(Sim(n1).Data[o1].Gain.ToArray()));
    }
}
