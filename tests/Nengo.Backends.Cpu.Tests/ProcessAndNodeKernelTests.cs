using Nengo.Graph.Operators;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>TimeUpdate, SimNodeFunc and SimProcess (synapses in update mode: one step of delay).</summary>
[TestFixture]
public class ProcessAndNodeKernelTests : KernelTestBase
{
    [Test]
    public void TimeUpdate_TimeIsStepTimesDt_AndNodesSeeIt()
    {
        var net = new Network(seed: 1);
        var clock = net.Node(t => t);
        var probe = net.Probe(clock);
        var sim = Sim(net);
        sim.RunSteps(1000);
        var t = sim.Data[probe].Column(0).ToArray();
        Assert.That(t, Is.EqualTo(Enumerable.Range(1, 1000).Select(k => k * 0.001).ToArray()), "t = step·dt exactly, with no drift");
        Assert.That(sim.Trange(), Is.EqualTo(t));
        Assert.That(sim.Time, Is.EqualTo(1000 * 0.001));
        Assert.That(sim.Steps, Is.EqualTo(1000));
    }

    [Test]
    public void SimNodeFunc_OfTimeAndInput_SeesThisStepsInput()
    {
        var net = new Network(seed: 1);
        var src = net.Node(t => new[] { t, 2.0 });
        var f = net.Node((t, x) => new[] { x[0] * 1000, x[1] + t }, sizeIn: 2);
        net.Connect(src, f, synapse: null);
        var probe = net.Probe(f);
        var data = Run(net, 3, probe)[0];
        for (int k = 1; k <= 3; k++)
            Assert.That(Row(data, k - 1), Is.EqualTo(new[] { k * 0.001 * 1000, 2.0 + k * 0.001 }));
    }

    [Test]
    public void SimNodeFunc_ScalarOfInput()
    {
        var net = new Network(seed: 1);
        var src = net.Node(new[] { 3.0, 4.0 });
        var norm = net.Node((t, x) => Math.Sqrt(x[0] * x[0] + x[1] * x[1]), sizeIn: 2);
        net.Connect(src, norm, synapse: null);
        var probe = net.Probe(norm);
        Assert.That(Row(Run(net, 1, probe)[0], 0), Is.EqualTo(new[] { 5.0 }));
    }

    [Test]
    public void SimNodeFunc_ReceivesACopyOfTheInput()
    {
        var net = new Network(seed: 1);
        var src = net.Node(new[] { 1.0 });
        var p = net.Node(sizeIn: 1);
        var f = net.Node((t, x) => { x[0] = 99; return x[0]; }, sizeIn: 1);
        net.Connect(src, p, synapse: null);
        net.Connect(p, f, synapse: null);
        var probe = net.Probe(p);
        Assert.That(Row(Run(net, 2, probe)[0], 1), Is.EqualTo(new[] { 1.0 }), "a node may not write into its input signal");
    }

    [Test]
    public void ConnectionFunction_FromANode_IsEvaluatedExactlyEveryStep()
    {
        var net = new Network(seed: 1);
        var src = net.Node(t => new[] { t, 3.0 });
        var p = net.Node(sizeIn: 1);
        net.Connect(src, p, (double[] x) => x[0] * x[1], synapse: null);
        var probe = net.Probe(p);
        var data = Run(net, 4, probe)[0];
        Assert.That(data.Column(0).ToArray(), Is.EqualTo(Enumerable.Range(1, 4).Select(k => k * 0.001 * 3.0).ToArray()));
    }

    [Test]
    public void Lowpass_OnAConnection_MatchesTheDelayedReference()
    {
        var net = new Network(seed: 1);
        var src = net.Node(1.0);
        var p = net.Node(sizeIn: 1);
        net.Connect(src, p, synapse: 0.01);
        var probe = net.Probe(p);
        var got = Run(net, 200, probe)[0].Column(0).ToArray();
        var expected = Signals.DelayedLowpass(Enumerable.Repeat(1.0, 200).ToArray(), 0.01);
        Signals.AssertAllclose(got, expected, atol: 1e-12, what: "lowpass step response");
        Assert.That(got[0], Is.EqualTo(0.0), "a synapse delays by one step");
    }

    [Test]
    public void Alpha_OnAProbe_MatchesTheDiscretizedFilterWithOneStepDelay()
    {
        var net = new Network(seed: 1);
        var src = net.Node(t => Math.Sin(20 * t));
        var filtered = net.Probe(src, synapse: new Alpha(0.005));
        var raw = net.Probe(src);
        var data = Run(net, 300, filtered, raw);
        var u = data[1].Column(0).ToArray();
        var y = FilterDiscretization.Filt(new Alpha(0.005).Discretize(0.001), u);
        var expected = new[] { 0.0 }.Concat(y.Take(u.Length - 1)).ToArray();
        Signals.AssertAllclose(data[0].Column(0).ToArray(), expected, atol: 1e-12, what: "alpha-filtered probe");
    }

    [Test]
    public void SynapseZero_IsAUnitGainWithOneStepDelay()
    {
        var net = new Network(seed: 1);
        var src = net.Node(t => t);
        var p = net.Node(sizeIn: 1);
        net.Connect(src, p, synapse: 0.0);
        var probe = net.Probe(p);
        var got = Run(net, 4, probe)[0].Column(0).ToArray();
        Assert.That(got, Is.EqualTo(new[] { 0.0, 0.001, 0.002, 0.003 }));
    }

    [Test]
    public void Synapse_FiltersEachDimensionIndependently()
    {
        var net = new Network(seed: 1);
        var src = net.Node(new[] { 1.0, -2.0 });
        var p = net.Node(sizeIn: 2);
        net.Connect(src, p, synapse: 0.02);
        var probe = net.Probe(p);
        var sim = Sim(net);
        Assert.That(sim.Model.StepOrder.OfType<SimProcess>().Single().Mode, Is.EqualTo(ProcessMode.Update));
        sim.RunSteps(100);
        var one = Signals.DelayedLowpass(Enumerable.Repeat(1.0, 100).ToArray(), 0.02);
        Signals.AssertAllclose(sim.Data[probe].Column(0).ToArray(), one, atol: 1e-12);
        Signals.AssertAllclose(sim.Data[probe].Column(1).ToArray(), one.Select(v => -2 * v).ToArray(), atol: 1e-12);
    }

    [Test]
    public void Reset_RerunIsBitIdentical()
    {
        var net = new Network(seed: 1);
        var src = net.Node(t => Math.Sin(30 * t));
        var ens = net.Ensemble(30, 1);
        net.Connect(src, ens);
        var probe = net.Probe(ens, synapse: 0.01);
        var sim = Sim(net);
        sim.RunSteps(200);
        var first = sim.Data[probe].ToArray();
        sim.Reset();
        Assert.That(sim.Steps, Is.EqualTo(0));
        Assert.That(sim.Data[probe].RowCount, Is.EqualTo(0), "reset clears recorded data");
        sim.RunSteps(200);
        Assert.That(sim.Data[probe].ToArray(), Is.EqualTo(first));
    }
}
