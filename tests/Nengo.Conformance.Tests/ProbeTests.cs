using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Probes (NEF.md §1.5): what each attribute records, the sampling rule (step k is sampled iff k mod period &lt; 1),
/// and how the data is shaped (rows = samples, columns = dimensions).
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class ProbeTests(BackendCase backend) : BackendTestBase(backend)
{
    [Test]
    public void DataRows_EqualSteps_ColumnsEqualDimensions()
    {
        var net = new Network("shape", seed: 111);
        var u = net.Node(t => new[] { t, -t, 2 * t });
        var ens = net.Ensemble(10, 2);
        var pu = net.Probe(u);
        var pe = net.Probe(ens);
        var pn = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(37);
        Assert.That((sim.Data[pu].RowCount, sim.Data[pu].ColumnCount), Is.EqualTo((37, 3)));
        Assert.That((sim.Data[pe].RowCount, sim.Data[pe].ColumnCount), Is.EqualTo((37, 2)));
        Assert.That((sim.Data[pn].RowCount, sim.Data[pn].ColumnCount), Is.EqualTo((37, 10)));
        Assert.That(sim.Trange(), Has.Length.EqualTo(37));
        sim.RunSteps(5);
        Assert.That(sim.Data[pu].RowCount, Is.EqualTo(42), "data grows with further runs");
        Signals.AssertAllclose(sim.Data[pu].ColumnArray(0), sim.Trange(), atol: Tol(1e-15), what: "row i is t = (i + 1)·dt");
    }

    [Test]
    public void SampleEvery_IntegerPeriod([Values(2, 3, 10)] int period)
    {
        var net = new Network("sample-every", seed: 112);
        var u = net.Node(t => t);
        var p = net.Probe(u, sampleEvery: period * 0.001);
        var all = net.Probe(u);
        var sim = Sim(net);
        sim.RunSteps(100);
        var d = sim.Data[p].ColumnArray();
        var tr = sim.Trange(period * 0.001);
        Assert.That(d, Has.Length.EqualTo(100 / period));
        Assert.That(tr, Has.Length.EqualTo(d.Length), "Trange(sampleEvery) matches the row count");
        for (int i = 0; i < d.Length; i++)
        {
            int step = (i + 1) * period;
            Assert.That(tr[i], Is.EqualTo(step * 0.001).Within(1e-15));
            Assert.That(d[i], Is.EqualTo(sim.Data[all][step - 1, 0]), $"sample {i} is step {step}");
        }
    }

    [Test]
    public void SampleEvery_FractionalPeriod_NefRule()
    {
        // period 1.5: k mod 1.5 < 1 → steps 2, 3, 5, 6, 8, 9, 11, 12, ...
        var net = new Network("sample-fractional", seed: 113);
        var u = net.Node(t => t);
        var p = net.Probe(u, sampleEvery: 0.0015);
        var sim = Sim(net);
        sim.RunSteps(12);
        int[] steps = [2, 3, 5, 6, 8, 9, 11, 12];
        var expected = steps.Select(k => k * 0.001).ToArray();
        Assert.That(sim.Data[p].ColumnArray(), Is.EqualTo(expected).Within(1e-15));
        Assert.That(sim.Trange(0.0015), Is.EqualTo(expected).Within(1e-15));
    }

    [Test]
    public void SampleEvery_BelowDt_RecordsEveryStep()
    {
        var net = new Network("sample-fine", seed: 113);
        var u = net.Node(t => t);
        var p = net.Probe(u, sampleEvery: 0.0005);
        var sim = Sim(net);
        sim.RunSteps(6);
        Assert.That(sim.Data[p].ColumnArray(), Is.EqualTo(Ideal.Times(6)).Within(1e-15));
    }

    [Test]
    public void SampleEvery_RestartsAfterReset()
    {
        var net = new Network("sample-reset", seed: 113);
        var u = net.Node(t => t);
        var p = net.Probe(u, sampleEvery: 0.002);
        var sim = Sim(net);
        sim.RunSteps(3);
        Assert.That(sim.Data[p].ColumnArray(), Is.EqualTo(new[] { 0.002 }).Within(1e-15));
        sim.Reset();
        sim.RunSteps(4);
        Assert.That(sim.Data[p].ColumnArray(), Is.EqualTo(new[] { 0.002, 0.004 }).Within(1e-15));
        Assert.That(sim.Trange(0.002), Is.EqualTo(new[] { 0.002, 0.004 }).Within(1e-15));
    }

    [Test]
    public void SampleEvery_DecodedOutput()
    {
        var net = new Network("sample-decoded", seed: 114);
        var u = net.Node(0.3);
        var ens = net.Ensemble(20, 1);
        net.Connect(u, ens);
        var all = net.Probe(ens, synapse: 0.01);
        var sampled = net.Probe(ens, synapse: 0.01, sampleEvery: 0.005);
        var sim = Sim(net);
        sim.Run(0.1);
        Assert.That(sim.Data[sampled].RowCount, Is.EqualTo(20));
        for (int i = 0; i < 20; i++)
            Assert.That(sim.Data[sampled][i, 0], Is.EqualTo(sim.Data[all][5 * (i + 1) - 1, 0]).Within(Tol(1e-12)));
    }

    [Test]
    public void SampleEvery_NotPositive_IsValidationError()
    {
        var net = new Network("sample-bad", seed: 115);
        var u = net.Node(1.0);
        Assert.That(() => net.Probe(u, sampleEvery: 0), Throws.InstanceOf<ValidationError>());
        Assert.That(() => net.Probe(u, sampleEvery: -0.01), Throws.InstanceOf<ValidationError>());
    }

    [Test]
    public void UnknownAttribute_IsValidationErrorNamingIt()
    {
        var net = new Network("bad-attr", seed: 116);
        var ens = net.Ensemble(5, 1);
        Assert.That(() => net.Probe(ens, "banana"), Throws.InstanceOf<ValidationError>().With.Message.Contains("banana"));
        Assert.That(() => net.Probe(ens.Neurons, "decoded_output"), Throws.InstanceOf<ValidationError>());
        Assert.That(net.Probes, Is.Empty);
    }

    [Test]
    public void ProbeNotInNetwork_IsValidationError()
    {
        var net = new Network("late-probe", seed: 117);
        var u = net.Node(1.0);
        var sim = Sim(net);
        var late = net.Probe(u);
        sim.RunSteps(2);
        Assert.That(() => sim.Data[late], Throws.InstanceOf<ValidationError>());
    }

    [Test]
    public void NeuronVoltage_InUnitInterval_RefractoryNonNegative()
    {
        var net = new Network("voltage", seed: 118);
        var u = net.Node(t => Math.Sin(2 * Math.PI * 4 * t));
        var ens = net.Ensemble(20, 1);
        net.Connect(u, ens);
        var v = net.Probe(ens.Neurons, "voltage");
        var r = net.Probe(ens.Neurons, "refractory_time");
        var spikes = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.Run(0.3);
        foreach (double x in sim.Data[v].Enumerate()) Assert.That(x, Is.InRange(0.0, 1.0));
        Assert.That(sim.Data[v].Enumerate().Max(), Is.GreaterThan(0.9), "voltages approach the threshold");
        // refractory_time counts down by dt every step (it may go below 0) and is set to τ_ref + t_spike ≤ τ_ref + dt on a spike.
        foreach (double x in sim.Data[r].Enumerate()) Assert.That(x, Is.LessThanOrEqualTo(0.002 + 0.001 + 1e-12));
        // A neuron that spiked in a step has voltage 0 at the end of it.
        var s = sim.Data[spikes];
        for (int k = 0; k < s.RowCount; k++)
            for (int i = 0; i < 20; i++)
                if (s[k, i] > 0) Assert.That(sim.Data[v][k, i], Is.EqualTo(0.0), $"step {k + 1}, neuron {i}");
    }

    [Test]
    public void NeuronSliceProbe_SelectsColumns()
    {
        var net = new Network("neuron-slice-probe", seed: 119);
        var u = net.Node(0.5);
        var ens = net.Ensemble(6, 1);
        net.Connect(u, ens);
        var all = net.Probe(ens.Neurons, "voltage");
        var some = net.Probe(ens.Neurons[new[] { 4, 1 }], "voltage");
        var range = net.Probe(ens.Neurons[2..4]);
        var allSpikes = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.Run(0.1);
        Assert.That(sim.Data[some].ColumnArray(0), Is.EqualTo(sim.Data[all].ColumnArray(4)));
        Assert.That(sim.Data[some].ColumnArray(1), Is.EqualTo(sim.Data[all].ColumnArray(1)));
        Assert.That(sim.Data[range].ColumnArray(0), Is.EqualTo(sim.Data[allSpikes].ColumnArray(2)));
        Assert.That(sim.Data[range].ColumnArray(1), Is.EqualTo(sim.Data[allSpikes].ColumnArray(3)));
    }

    [Test]
    public void EnsembleInputAndScaledEncoders()
    {
        var net = new Network("ens-attrs", seed: 120);
        var u = net.Node(t => t);
        var ens = net.Ensemble(4, 2);
        net.Connect(u, ens[1], synapse: null);
        var pin = net.Probe(ens, "input");
        var penc = net.Probe(ens, "scaled_encoders");
        var sim = Sim(net);
        sim.RunSteps(5);
        var t = Ideal.Times(5);
        Assert.That(sim.Data[pin].ColumnArray(0), Is.All.EqualTo(0.0));
        Signals.AssertAllclose(sim.Data[pin].ColumnArray(1), t, atol: Tol(1e-15));
        var enc = sim.Data[ens].ScaledEncoders;
        Assert.That(sim.Data[penc].ColumnCount, Is.EqualTo(8), "n × d, flattened row-major");
        for (int i = 0; i < 4; i++)
            for (int d = 0; d < 2; d++)
                Assert.That(sim.Data[penc][4, 2 * i + d], Is.EqualTo(enc[i, d]));
    }

    [Test]
    public void ConnectionOutputInputAndWeights()
    {
        var net = new Network("conn-attrs", seed: 121);
        var u = net.Node(t => new[] { t, 1.0, -t });
        var dst = net.Node(sizeIn: 3);
        var m = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var conn = net.Connect(u[new[] { 2, 0 }], dst, synapse: 0.005, transform: m);
        var pOut = net.Probe(conn, "output");
        var pIn = net.Probe(conn, "input");
        var pW = net.Probe(conn, "weights");
        var pDst = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(20);
        var t = Ideal.Times(20);
        // "input": the pre's full, unsliced output.
        Assert.That(sim.Data[pIn].ColumnCount, Is.EqualTo(3));
        Signals.AssertAllclose(sim.Data[pIn].ColumnArray(0), t, atol: Tol(1e-15));
        Signals.AssertAllclose(sim.Data[pIn].ColumnArray(2), Ideal.Map(t, v => -v), atol: Tol(1e-15));
        // "output": the synapse's output signal after the transform. A probe without synapse reads it after the
        // step's update, so it is the filter of the inputs up to this step, which the post receives one step later.
        var lowpass = new Lowpass(0.005).Discretize(0.001);
        for (int r = 0; r < 3; r++)
        {
            var weighted = Ideal.Map(t, v => m[r, 0] * -v + m[r, 1] * v);
            var output = FilterDiscretization.Filt(lowpass, weighted);
            Signals.AssertAllclose(sim.Data[pOut].ColumnArray(r), output, atol: Tol(1e-12), what: $"output row {r}");
            Signals.AssertAllclose(sim.Data[pDst].ColumnArray(r), Ideal.Delay(output, 1), atol: Tol(1e-12), what: $"post row {r}");
            Signals.AssertAllclose(sim.Data[pDst].ColumnArray(r), Signals.DelayedLowpass(weighted, 0.005), atol: Tol(1e-12), what: $"post row {r}");
        }
        // "weights": the (3 × 2) transform, row-major.
        Assert.That(sim.Data[pW].ColumnCount, Is.EqualTo(6));
        Assert.That(sim.Data[pW].Row(19).ToArray(), Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void DecodedConnectionWeights_AreDecoders()
    {
        var net = new Network("decoder-weights", seed: 122);
        var ens = net.Ensemble(15, 1);
        var dst = net.Node(sizeIn: 2);
        var conn = net.Connect(ens, dst, transform: new double[,] { { 1 }, { -2 } });
        var pW = net.Probe(conn, "weights");
        var sim = Sim(net);
        sim.RunSteps(2);
        var w = sim.Data[conn].Weights!;
        Assert.That((w.RowCount, w.ColumnCount), Is.EqualTo((2, 15)));
        Assert.That(sim.Data[pW].Row(1).ToArray(), Is.EqualTo(w.ToRowMajorArray()));
        for (int i = 0; i < 15; i++) Assert.That(w[1, i], Is.EqualTo(-2 * w[0, i]).Within(1e-12));
    }

    [Test]
    public void IdentityNodeConnection_HasNoWeights()
    {
        var net = new Network("no-weights", seed: 123);
        var u = net.Node(1.0);
        var dst = net.Node(sizeIn: 1);
        var conn = net.Connect(u, dst);
        net.Probe(conn, "weights");
        Assert.That(() => Sim(net), Throws.InstanceOf<BuildError>());
    }

    [Test]
    public void NeuronsOutputWithSynapse_IsDelayedLowpassOfSpikes()
    {
        var net = new Network("filtered-spikes", seed: 124);
        var u = net.Node(0.5);
        var ens = net.Ensemble(5, 1);
        net.Connect(u, ens);
        var raw = net.Probe(ens.Neurons);
        var filtered = net.Probe(ens.Neurons, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.1);
        for (int i = 0; i < 5; i++)
            Signals.AssertAllclose(sim.Data[filtered].ColumnArray(i), Signals.DelayedLowpass(sim.Data[raw].ColumnArray(i), 0.01), atol: Tol(1e-9));
    }
}
