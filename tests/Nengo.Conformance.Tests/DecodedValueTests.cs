using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Values represented by spiking ensembles and read back through decoders (Nengo's test_ensemble:
/// constant scalar, vector, radius), judged over the last part of the run once the synapses settled.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class DecodedValueTests(BackendCase backend) : BackendTestBase(backend)
{
    private const double RunTime = 0.5;
    private const int From = 300, To = 500; // rows of t in (0.3, 0.5]

    [Test]
    public void ConstantScalar([Values(-0.5, 0.6)] double value, [Values(1.0, 2.0)] double radius)
    {
        double target = value * radius;
        var net = new Network("constant-scalar", seed: 7);
        var u = net.Node(target);
        var ens = net.Ensemble(50, 1, radius: radius);
        net.Connect(u, ens);
        var p = net.Probe(ens, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(RunTime);
        var y = sim.Data[p];
        Assert.That(y.RowCount, Is.EqualTo(500));
        Assert.That(Math.Abs(Ideal.Mean(y, 0, From, To) - target), Is.LessThan(Tol(0.05 * radius)), "mean over the last 0.2 s");
        for (int i = From; i < To; i++)
            Assert.That(y[i, 0], Is.EqualTo(target).Within(Tol(0.1 * radius)), $"sample {i}");
    }

    [Test]
    public void ConstantVector([Values(1.0, 3.0)] double radius)
    {
        double[] target = [0.3 * radius, -0.4 * radius, 0.5 * radius];
        var net = new Network("constant-vector", seed: 8);
        var u = net.Node(target);
        var ens = net.Ensemble(150, 3, radius: radius);
        net.Connect(u, ens);
        var p = net.Probe(ens, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(RunTime);
        var y = sim.Data[p];
        Assert.That(y.ColumnCount, Is.EqualTo(3));
        for (int d = 0; d < 3; d++)
            Assert.That(Math.Abs(Ideal.Mean(y, d, From, To) - target[d]), Is.LessThan(Tol(0.05 * radius)), $"dimension {d}");
    }

    [Test]
    public void ValueOutsideRadius_Saturates()
    {
        // A 1-D ensemble of radius 1 driven with 2: the decoded value saturates near the radius, far below 2.
        var net = new Network("saturate", seed: 9);
        var u = net.Node(2.0);
        var ens = net.Ensemble(50, 1);
        net.Connect(u, ens);
        var p = net.Probe(ens, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(RunTime);
        double mean = Ideal.Mean(sim.Data[p], 0, From, To);
        Assert.That(mean, Is.GreaterThan(0.8).And.LessThan(1.5), "saturates near the radius");
    }

    [Test]
    public void DecodedOutput_WithAndWithoutSynapse()
    {
        var net = new Network("probe-synapse", seed: 10);
        var u = net.Node(0.4);
        var ens = net.Ensemble(50, 1);
        net.Connect(u, ens);
        var raw = net.Probe(ens);                     // decoded spikes, no filtering
        var filtered = net.Probe(ens, synapse: 0.02);
        var sim = Sim(net);
        sim.Run(RunTime);
        var r = sim.Data[raw].ColumnArray();
        var f = sim.Data[filtered].ColumnArray();

        Assert.That(Math.Abs(r[From..To].Average() - 0.4), Is.LessThan(Tol(0.06)), "unfiltered mean");
        Assert.That(Math.Abs(f[From..To].Average() - 0.4), Is.LessThan(Tol(0.05)), "filtered mean");
        Assert.That(Std(r[From..To]), Is.GreaterThan(5 * Std(f[From..To])), "unfiltered decoded spikes are far noisier");

        // Both probes solve the same decoders (LstsqL2 is deterministic), so the filtered one is exactly the
        // unfiltered one through a delayed Lowpass(0.02).
        double scale = r.Max(Math.Abs);
        Signals.AssertAllclose(f, Signals.DelayedLowpass(r, 0.02), atol: Tol(1e-10 * scale), what: "filtered vs Lowpass(raw)");
    }

    [Test]
    public void DecodedOutputWithoutSynapse_IsDecodersTimesSpikesOfSameStep()
    {
        // An unfiltered decoded_output probe is D·a(t) of the same step; a connection with the same (deterministic)
        // solver and synapse null into a passthrough node carries exactly the same numbers.
        var net = new Network("same-step", seed: 14);
        var u = net.Node(t => Math.Sin(2 * Math.PI * 3 * t));
        var ens = net.Ensemble(30, 1);
        var node = net.Node(sizeIn: 1);
        net.Connect(u, ens);
        var conn = net.Connect(ens, node, synapse: null);
        var raw = net.Probe(ens);
        var spikes = net.Probe(ens.Neurons);
        var pn = net.Probe(node);
        var sim = Sim(net);
        sim.Run(0.2);
        var d = sim.Data[conn].Weights!;
        var a = sim.Data[spikes];
        var r = sim.Data[raw].ColumnArray();
        double scale = r.Max(Math.Abs) + 1;
        for (int k = 0; k < 200; k++)
            Assert.That(r[k], Is.EqualTo((d * a.Row(k))[0]).Within(Tol(1e-10 * scale)), $"step {k + 1}");
        Signals.AssertAllclose(sim.Data[pn].ColumnArray(), r, atol: Tol(1e-10 * scale), what: "node via synapse null vs probe");
    }

    [Test]
    public void DecodedOutputOfSlice_IsThatColumn()
    {
        var net = new Network("probe-slice", seed: 11);
        var u = net.Node([0.5, -0.3]);
        var ens = net.Ensemble(80, 2);
        net.Connect(u, ens);
        var all = net.Probe(ens, synapse: 0.01);
        var second = net.Probe(ens[1], synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.2);
        Assert.That(sim.Data[second].ColumnCount, Is.EqualTo(1));
        Signals.AssertAllclose(sim.Data[second].ColumnArray(), sim.Data[all].ColumnArray(1), atol: Tol(1e-9), what: "ens[1] probe vs column 1");
    }

    [Test]
    public void EnsembleToEnsemble_CommunicationChannel([Values(1.0, -1.0)] double transform)
    {
        var net = new Network("channel", seed: 12);
        var u = net.Node(0.5);
        var a = net.Ensemble(60, 1);
        var b = net.Ensemble(60, 1);
        net.Connect(u, a);
        net.Connect(a, b, transform: transform);
        var pb = net.Probe(b, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(RunTime);
        Assert.That(Math.Abs(Ideal.Mean(sim.Data[pb], 0, From, To) - 0.5 * transform), Is.LessThan(Tol(0.06)));
    }

    [Test]
    public void TimeVaryingInput_TracksFilteredIdeal()
    {
        // A slow sine through one 50-neuron ensemble: RMSE against the ideal through the same two filters.
        Func<double, double> f = t => Math.Sin(2 * Math.PI * 2 * t);
        var net = new Network("sine", seed: 13);
        var u = net.Node(f);
        var ens = net.Ensemble(50, 1);
        net.Connect(u, ens);
        var p = net.Probe(ens, synapse: 0.02);
        var sim = Sim(net);
        sim.Run(RunTime);
        var ideal = Ideal.Lowpass(Ideal.OfTime(500, f), 0.005, 0.02);
        Assert.That(Signals.Rmse(sim.Data[p].ColumnArray(), ideal, from: 100), Is.LessThan(Tol(0.06)));
    }

    private static double Std(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / x.Length);
    }
}
