using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Synapses and delays without neurons, so every number is deterministic (NEF.md §3, §10): each connection
/// or probe synapse runs in update mode and adds exactly one step; <c>synapse: null</c> adds none.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class SynapseDelayTests(BackendCase backend) : BackendTestBase(backend)
{
    private const int N = 60;

    /// <summary>Node(f) → passthrough via <paramref name="synapse"/>; returns the passthrough's output per step.</summary>
    private double[] Through(Func<double, double> f, SynapseArg synapse, int steps = N)
    {
        var net = new Network("delay", seed: 1);
        var src = net.Node(f);
        var dst = net.Node(sizeIn: 1);
        net.Connect(src, dst, synapse: synapse);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(steps);
        return sim.Data[p].ColumnArray();
    }

    [Test]
    public void ConstantThroughLowpass_MatchesNefReference()
    {
        var y = Through(_ => 1.0, 0.005);
        Assert.That(y[..4], Is.EqualTo(new[] { 0.0, 0.18127, 0.32968, 0.45119 }).Within(Tol(1e-5)));
        Signals.AssertAllclose(y, Signals.DelayedLowpass(Ideal.Ones(N), 0.005), atol: Tol(1e-12), what: "Lowpass(0.005) step response");
    }

    [Test]
    public void DefaultConnectionSynapse_IsLowpass5ms()
    {
        var net = new Network("default-synapse", seed: 1);
        var src = net.Node(1.0);
        var dst = net.Node(sizeIn: 1);
        net.Connect(src, dst);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(N);
        Signals.AssertAllclose(sim.Data[p].ColumnArray(), Signals.DelayedLowpass(Ideal.Ones(N), 0.005), atol: Tol(1e-12));
    }

    [Test]
    public void NullSynapse_SameStep()
    {
        var y = Through(t => t, null);
        Signals.AssertAllclose(y, Ideal.Times(N), atol: Tol(1e-15), what: "synapse null (no delay)");
    }

    [Test]
    public void Lowpass0_OneStepDelay_UnitGain()
    {
        var y = Through(t => t, 0.0);
        Assert.That(y[0], Is.EqualTo(0.0));
        Signals.AssertAllclose(y, Ideal.Delay(Ideal.Times(N), 1), atol: Tol(1e-15), what: "Lowpass(0)");
    }

    [Test]
    public void Lowpass_SineInput_MatchesOfflineFilter([Values(0.001, 0.005, 0.03)] double tau)
    {
        Func<double, double> f = t => Math.Sin(2 * Math.PI * 7 * t);
        var y = Through(f, new Lowpass(tau));
        var u = Ideal.OfTime(N, f);
        Signals.AssertAllclose(y, Signals.DelayedLowpass(u, tau), atol: Tol(1e-12), what: $"Lowpass({tau})");
        Signals.AssertAllclose(y, Ideal.Filtered(new Lowpass(tau), u), atol: Tol(1e-12), what: $"Lowpass({tau}) vs Filt");
    }

    [Test]
    public void Alpha_MatchesOfflineFilterAndReference()
    {
        var y = Through(_ => 1.0, new Alpha(0.005));
        Signals.AssertAllclose(y, Ideal.Filtered(new Alpha(0.005), Ideal.Ones(N)), atol: Tol(1e-12), what: "Alpha(0.005) step");
        // NEF.md §3: the step response starts 0.0175231, 0.0615519, 0.1219014 (after the one-step delay).
        Assert.That(y[..4], Is.EqualTo(new[] { 0.0, 0.0175231, 0.0615519, 0.1219014 }).Within(Tol(1e-7)));
    }

    [Test]
    public void Alpha_SineInput_MatchesOfflineFilter()
    {
        Func<double, double> f = t => Math.Cos(2 * Math.PI * 5 * t) + 0.3;
        var y = Through(f, new Alpha(0.01));
        Signals.AssertAllclose(y, Ideal.Filtered(new Alpha(0.01), Ideal.OfTime(N, f)), atol: Tol(1e-12));
    }

    [Test]
    public void LinearFilter_Analog_EqualsProductOfLowpasses()
    {
        // 1/((0.002 s + 1)(0.01 s + 1)): a second-order analog filter.
        var filter = new LinearFilter([1.0], [0.002 * 0.01, 0.012, 1.0]);
        Func<double, double> f = t => Math.Sin(2 * Math.PI * 3 * t);
        var y = Through(f, filter);
        Signals.AssertAllclose(y, Ideal.Filtered(filter, Ideal.OfTime(N, f)), atol: Tol(1e-12));
        Assert.That(y[0], Is.EqualTo(0.0), "one step of delay");
        Assert.That(y.Skip(1).Max(), Is.GreaterThan(0.1), "the filter passes signal");
    }

    [Test]
    public void LinearFilter_Digital_UsedAsGiven()
    {
        // A z-domain first-order filter with a feed-through term: (0.5 z + 0.25) / (z − 0.5).
        var filter = new LinearFilter([0.5, 0.25], [1.0, -0.5], analog: false);
        Func<double, double> f = t => t * 100;
        var y = Through(f, filter);
        Signals.AssertAllclose(y, Ideal.Filtered(filter, Ideal.OfTime(N, f)), atol: Tol(1e-10));
        // By hand: output then update, y = C·x + D·u with D = 0.5, C = 0.25 + 0.5·0.5, x ← 0.5x + u.
        double x = 0; var byHand = new double[N];
        for (int k = 0; k < N - 1; k++) { double u = (k + 1) * 0.001 * 100; byHand[k + 1] = 0.5 * x + 0.5 * u; x = 0.5 * x + u; }
        Signals.AssertAllclose(y, byHand, atol: Tol(1e-10), what: "digital filter by hand");
    }

    [Test]
    public void ProbeWithoutSynapse_RecordsSameStep()
    {
        var net = new Network("probe-raw", seed: 1);
        var src = net.Node(t => t);
        var raw = net.Probe(src);
        var sim = Sim(net);
        sim.RunSteps(N);
        Signals.AssertAllclose(sim.Data[raw].ColumnArray(), Ideal.Times(N), atol: Tol(1e-15), what: "probe without synapse");
    }

    [Test]
    public void ProbeSynapse_AddsOneStep()
    {
        var net = new Network("probe-synapse", seed: 1);
        var src = net.Node(t => t);
        var p0 = net.Probe(src, synapse: 0.0);
        var p10 = net.Probe(src, synapse: 0.01);
        var sim = Sim(net);
        sim.RunSteps(N);
        var u = Ideal.Times(N);
        Signals.AssertAllclose(sim.Data[p0].ColumnArray(), Ideal.Delay(u, 1), atol: Tol(1e-15), what: "probe Lowpass(0)");
        Signals.AssertAllclose(sim.Data[p10].ColumnArray(), Signals.DelayedLowpass(u, 0.01), atol: Tol(1e-12), what: "probe Lowpass(0.01)");
    }

    [Test]
    public void DecodedOutputProbeSynapse_AddsOneStep()
    {
        // Direct mode makes the decoded output exact: the probe's hidden connection carries the synapse.
        var net = new Network("decoded-probe-synapse", seed: 1);
        var src = net.Node(t => t);
        var ens = net.Ensemble(1, 1, neuronType: new Direct());
        net.Connect(src, ens, synapse: null);
        var p0 = net.Probe(ens, synapse: 0.0);
        var p10 = net.Probe(ens, synapse: 0.01);
        var sim = Sim(net);
        sim.RunSteps(N);
        var u = Ideal.Times(N);
        Signals.AssertAllclose(sim.Data[p0].ColumnArray(), Ideal.Delay(u, 1), atol: Tol(1e-15), what: "decoded_output probe Lowpass(0)");
        Signals.AssertAllclose(sim.Data[p10].ColumnArray(), Signals.DelayedLowpass(u, 0.01), atol: Tol(1e-12), what: "decoded_output probe Lowpass(0.01)");
    }

    [Test]
    public void ChainOfTwoSynapses_TwoDelays()
    {
        var net = new Network("chain", seed: 1);
        var src = net.Node(t => t);
        var a = net.Node(sizeIn: 1);
        var b = net.Node(sizeIn: 1);
        var c = net.Node(sizeIn: 1);
        var d = net.Node(sizeIn: 1);
        net.Connect(src, a, synapse: 0.0);
        net.Connect(a, b, synapse: 0.0);
        net.Connect(src, c, synapse: 0.005);
        net.Connect(c, d, synapse: 0.01);
        var pb = net.Probe(b);
        var pd = net.Probe(d);
        var sim = Sim(net);
        sim.RunSteps(N);
        var u = Ideal.Times(N);
        Signals.AssertAllclose(sim.Data[pb].ColumnArray(), Ideal.Delay(u, 2), atol: Tol(1e-15), what: "two Lowpass(0)");
        Signals.AssertAllclose(sim.Data[pd].ColumnArray(), Ideal.Lowpass(u, 0.005, 0.01), atol: Tol(1e-12), what: "two lowpasses");
        Assert.That(sim.Data[pd].ColumnArray()[..2], Is.All.EqualTo(0.0), "two synapses: the first nonzero sample is row 2");
        Assert.That(sim.Data[pd][2, 0], Is.GreaterThan(0.0));
    }

    [Test]
    public void ChainOfTwoSynapsesAndProbeSynapse_ThreeDelays()
    {
        var net = new Network("chain-probe", seed: 1);
        var src = net.Node(t => t);
        var c = net.Node(sizeIn: 1);
        var d = net.Node(sizeIn: 1);
        net.Connect(src, c, synapse: 0.005);
        net.Connect(c, d, synapse: 0.01);
        var pd = net.Probe(d, synapse: 0.02);
        var sim = Sim(net);
        sim.RunSteps(N);
        Signals.AssertAllclose(sim.Data[pd].ColumnArray(), Ideal.Lowpass(Ideal.Times(N), 0.005, 0.01, 0.02), atol: Tol(1e-12), what: "three lowpasses");
        Assert.That(sim.Data[pd].ColumnArray()[..3], Is.All.EqualTo(0.0), "three synapses: the first nonzero sample is row 3");
    }

    [Test]
    public void VectorSignal_FilteredPerDimension()
    {
        var net = new Network("vector", seed: 1);
        var src = net.Node(t => new[] { t, -2 * t, 3.0 });
        var dst = net.Node(sizeIn: 3);
        net.Connect(src, dst, synapse: 0.005);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(N);
        var data = sim.Data[p];
        Assert.That(data.ColumnCount, Is.EqualTo(3));
        var t = Ideal.Times(N);
        Signals.AssertAllclose(data.ColumnArray(0), Signals.DelayedLowpass(t, 0.005), atol: Tol(1e-12));
        Signals.AssertAllclose(data.ColumnArray(1), Signals.DelayedLowpass(Ideal.Map(t, x => -2 * x), 0.005), atol: Tol(1e-12));
        Signals.AssertAllclose(data.ColumnArray(2), Signals.DelayedLowpass(Ideal.Map(t, _ => 3.0), 0.005), atol: Tol(1e-12));
    }

    [Test]
    public void TransformThenSynapse_IsLinear()
    {
        var net = new Network("transform", seed: 1);
        var src = net.Node(t => t);
        var dst = net.Node(sizeIn: 1);
        net.Connect(src, dst, synapse: 0.005, transform: 3.0);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(N);
        Signals.AssertAllclose(sim.Data[p].ColumnArray(), Ideal.Map(Signals.DelayedLowpass(Ideal.Times(N), 0.005), x => 3 * x), atol: Tol(1e-12));
    }

    [Test]
    public void NodeFunctionOfInput_ReadsInputOfSameStep()
    {
        var net = new Network("node-input", seed: 1);
        var src = net.Node(t => t);
        var f = net.Node((t, x) => 2 * x[0], sizeIn: 1);
        var g = net.Node((t, x) => 2 * x[0], sizeIn: 1);
        net.Connect(src, f, synapse: null);
        net.Connect(src, g, synapse: 0.005);
        var pf = net.Probe(f);
        var pg = net.Probe(g);
        var sim = Sim(net);
        sim.RunSteps(N);
        var u = Ideal.Times(N);
        Signals.AssertAllclose(sim.Data[pf].ColumnArray(), Ideal.Map(u, x => 2 * x), atol: Tol(1e-15), what: "f(t, x) with synapse null");
        Signals.AssertAllclose(sim.Data[pg].ColumnArray(), Ideal.Map(Signals.DelayedLowpass(u, 0.005), x => 2 * x), atol: Tol(1e-12));
    }

    [Test]
    public void ConstantIntoEnsemble_DefaultSynapse_InputSequence()
    {
        // NEF.md §10: Node(const) → Ens with the default synapse: A.in = 0 at step 1, then 0.18127, 0.32968, ...
        var net = new Network("ens-input", seed: 1);
        var src = net.Node(1.0);
        var ens = net.Ensemble(10, 1);
        net.Connect(src, ens);
        var p = net.Probe(ens, "input");
        var sim = Sim(net);
        sim.RunSteps(N);
        var y = sim.Data[p].ColumnArray();
        Assert.That(y[..4], Is.EqualTo(new[] { 0.0, 0.18127, 0.32968, 0.45119 }).Within(Tol(1e-5)));
        Signals.AssertAllclose(y, Signals.DelayedLowpass(Ideal.Ones(N), 0.005), atol: Tol(1e-12));
    }

    [Test]
    public void LoopThroughLowpass0_IsAccumulator()
    {
        // synapse 0 breaks an algebraic loop: acc.in[k] = 1 + acc.out[k − 1], so acc.out = 1, 2, 3, ...
        var net = new Network("accumulator", seed: 1);
        var one = net.Node(1.0);
        var acc = net.Node(sizeIn: 1);
        net.Connect(one, acc, synapse: null);
        net.Connect(acc, acc, synapse: 0.0);
        var p = net.Probe(acc);
        var sim = Sim(net);
        sim.RunSteps(20);
        Assert.That(sim.Data[p].ColumnArray(), Is.EqualTo(Enumerable.Range(1, 20).Select(i => (double)i).ToArray()).Within(Tol(1e-12)));
    }

    [Test]
    public void LoopWithNullSynapse_IsBuildError()
    {
        var net = new Network("algebraic-loop", seed: 1);
        var one = net.Node(1.0);
        var a = net.Node(sizeIn: 1);
        var b = net.Node(sizeIn: 1);
        net.Connect(one, a, synapse: null);
        net.Connect(a, b, synapse: null);
        net.Connect(b, a, synapse: null);
        Assert.That(() => Sim(net), Throws.InstanceOf<BuildError>());
    }
}
