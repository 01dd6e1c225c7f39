using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Direct mode (NEF.md §1.2, §9.3): the ensemble's output is its summed input in the same step, outgoing
/// functions are evaluated exactly, there is no radius saturation, and its neurons have size 0.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class DirectModeTests(BackendCase backend) : BackendTestBase(backend)
{
    private const int N = 100;

    private static double Sin(double t) => Math.Sin(2 * Math.PI * 3 * t);

    [Test]
    public void Square_NoSynapses_Exact()
    {
        var net = new Network("direct-square", seed: 101);
        var u = net.Node(Sin);
        var ens = net.Ensemble(1, 1, neuronType: new Direct());
        var out_ = net.Node(sizeIn: 1);
        net.Connect(u, ens, synapse: null);
        net.Connect(ens, out_, function: x => x * x, synapse: null);
        var p = net.Probe(out_);
        var pe = net.Probe(ens);
        var sim = Sim(net);
        sim.RunSteps(N);
        var x = Ideal.OfTime(N, Sin);
        Signals.AssertAllclose(sim.Data[pe].ColumnArray(), x, atol: Tol(1e-15), what: "decoded output = input, same step");
        Signals.AssertAllclose(sim.Data[p].ColumnArray(), Ideal.Map(x, v => v * v), atol: Tol(1e-15), what: "x² exactly");
    }

    [Test]
    public void Square_WithSynapses_OnlyFiltering()
    {
        var net = new Network("direct-square-filtered", seed: 102);
        var u = net.Node(Sin);
        var ens = net.Ensemble(50, 1, neuronType: new Direct());
        var out_ = net.Node(sizeIn: 1);
        net.Connect(u, ens, synapse: 0.005);
        net.Connect(ens, out_, function: x => x * x, synapse: 0.01);
        var p = net.Probe(out_);
        var sim = Sim(net);
        sim.RunSteps(N);
        var filteredIn = Signals.DelayedLowpass(Ideal.OfTime(N, Sin), 0.005);
        var ideal = Signals.DelayedLowpass(Ideal.Map(filteredIn, v => v * v), 0.01);
        Signals.AssertAllclose(sim.Data[p].ColumnArray(), ideal, atol: Tol(1e-12));
    }

    [Test]
    public void Product2D_Exact()
    {
        var net = new Network("direct-product", seed: 103);
        var u = net.Node(t => new[] { Sin(t), 2 * t });
        var ens = net.Ensemble(10, 2, neuronType: new Direct());
        var out_ = net.Node(sizeIn: 2);
        net.Connect(u, ens, synapse: null);
        net.Connect(ens, out_, function: (double[] x) => [x[0] * x[1], x[1] - x[0]], synapse: null, transform: new double[,] { { 1, 0 }, { 1, 1 } });
        var p = net.Probe(out_);
        var sim = Sim(net);
        sim.RunSteps(N);
        var t = Ideal.Times(N);
        Signals.AssertAllclose(sim.Data[p].ColumnArray(0), Ideal.Map(t, v => Sin(v) * 2 * v), atol: Tol(1e-14));
        Signals.AssertAllclose(sim.Data[p].ColumnArray(1), Ideal.Map(t, v => Sin(v) * 2 * v + (2 * v - Sin(v))), atol: Tol(1e-14));
    }

    [Test]
    public void NoRadiusSaturation()
    {
        var net = new Network("direct-radius", seed: 104);
        var u = net.Node(5.0);
        var ens = net.Ensemble(1, 1, radius: 1, neuronType: new Direct());
        net.Connect(u, ens, synapse: null);
        var p = net.Probe(ens);
        var sim = Sim(net);
        sim.RunSteps(3);
        Assert.That(sim.Data[p].ColumnArray(), Is.All.EqualTo(5.0));
    }

    [Test]
    public void SlicesAndSums()
    {
        var net = new Network("direct-slices", seed: 105);
        var u = net.Node([1.0, 2.0, 3.0]);
        var ens = net.Ensemble(1, 2, neuronType: new Direct());
        net.Connect(u[0], ens[1], synapse: null);
        net.Connect(u[1..], ens, synapse: null, transform: 10.0);
        var p = net.Probe(ens);
        var sim = Sim(net);
        sim.RunSteps(2);
        Assert.That(sim.Data[p].Row(1).ToArray(), Is.EqualTo(new[] { 20.0, 31.0 }));
    }

    [Test]
    public void DirectIntoSpikingEnsemble_Works()
    {
        var net = new Network("direct-to-lif", seed: 106);
        var u = net.Node(0.6);
        var d = net.Ensemble(1, 1, neuronType: new Direct());
        var lif = net.Ensemble(50, 1);
        net.Connect(u, d, synapse: null);
        net.Connect(d, lif, function: x => -x);
        var p = net.Probe(lif, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(0.4);
        Assert.That(Ideal.Mean(sim.Data[p], 0, 200, 400), Is.EqualTo(-0.6).Within(Tol(0.06)));
    }

    [Test]
    public void Neurons_CannotBeConnectedOrProbed()
    {
        var net = new Network("direct-neurons", seed: 107);
        var u = net.Node(1.0);
        var ens = net.Ensemble(10, 1, neuronType: new Direct());
        var dst = net.Node(sizeIn: 10);
        Assert.That(ens.Neurons.SizeIn, Is.EqualTo(0));
        Assert.That(ens.Neurons.SizeOut, Is.EqualTo(0));
        Assert.That(() => net.Connect(u, ens.Neurons, transform: new double[10, 1]), Throws.InstanceOf<ValidationError>().Or.InstanceOf<BuildError>());
        Assert.That(() => net.Connect(ens.Neurons, dst), Throws.InstanceOf<ValidationError>().Or.InstanceOf<BuildError>());
        Assert.That(() => net.Probe(ens.Neurons), Throws.InstanceOf<ValidationError>().Or.InstanceOf<BuildError>());
        Assert.That(() => net.Probe(ens.Neurons, "voltage"), Throws.InstanceOf<ValidationError>().Or.InstanceOf<BuildError>());
        Assert.That(net.Connections, Is.Empty);
        Assert.That(net.Probes, Is.Empty);
        Assert.That(() => Sim(net), Throws.Nothing, "the network stays usable after the rejections");
    }

    [Test]
    public void EnsembleToEnsemble_Lowpass0_DelaysOneStep()
    {
        // NEF.md §10: an ensemble → ensemble connection adds exactly its synapse's step; Direct mode makes it exact.
        var net = new Network("direct-chain", seed: 109);
        var u = net.Node(t => t);
        var a = net.Ensemble(1, 1, neuronType: new Direct());
        var b = net.Ensemble(1, 1, neuronType: new Direct());
        var c = net.Ensemble(1, 1, neuronType: new Direct());
        net.Connect(u, a, synapse: null);
        net.Connect(a, b, synapse: 0.0);
        net.Connect(a, c, synapse: null, transform: -1.0);
        var pb = net.Probe(b);
        var pc = net.Probe(c);
        var sim = Sim(net);
        sim.RunSteps(10);
        var t = Ideal.Times(10);
        Signals.AssertAllclose(sim.Data[pb].ColumnArray(), Ideal.Delay(t, 1), atol: Tol(1e-15));
        Signals.AssertAllclose(sim.Data[pc].ColumnArray(), Ideal.Map(t, v => -v), atol: Tol(1e-15));
    }

    [Test]
    public void BuiltEnsemble_HasNoGainOrBias()
    {
        var net = new Network("direct-built", seed: 108);
        var ens = net.Ensemble(10, 2, neuronType: new Direct());
        var b = Sim(net).Data[ens];
        Assert.That(b.Gain.Count, Is.EqualTo(0));
        Assert.That(b.Bias.Count, Is.EqualTo(0));
        Assert.That(b.EvalPoints.RowCount, Is.EqualTo(1000), "eval points are still made: max(clip(500·2, 750, 2500), 20)");
    }
}
