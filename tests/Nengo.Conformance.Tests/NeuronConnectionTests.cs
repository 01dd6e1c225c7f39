using MathNet.Numerics.LinearAlgebra;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Connections that start or end at <c>.Neurons</c> (NEF.md §1.4, §9.4): inputs into neurons are multiplied
/// by the post gains, neuron outputs are spikes/dt (or rates) that the transform acts on directly.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class NeuronConnectionTests(BackendCase backend) : BackendTestBase(backend)
{
    private static Ensemble Relu(Network net, double[] gain, double[] bias) =>
        net.Ensemble(gain.Length, 1, neuronType: new RectifiedLinear(), gain: gain, bias: bias);

    [Test]
    public void NodeToNeurons_InputIsBiasPlusGainTimesX([Values(1.0, 2.0)] double radius)
    {
        // The radius scales the decoded input (through the scaled encoders), never direct neuron input.
        var net = new Network("node-neurons", seed: 51);
        var u = net.Node(t => new[] { t * 100, -0.5, 2.0, 0.25, 1.0 });
        var ens = net.Ensemble(5, 1, radius: radius, maxRates: new[] { 200.0, 250, 300, 350, 400 }, intercepts: new[] { -0.5, 0, 0.3, 0.6, 0.8 });
        net.Connect(u, ens.Neurons, synapse: null);
        var p = net.Probe(ens.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(20);
        var gain = sim.Data[ens].Gain;
        var bias = sim.Data[ens].Bias;
        var j = sim.Data[p];
        for (int k = 0; k < 20; k++)
        {
            double[] x = [(k + 1) * 0.001 * 100, -0.5, 2.0, 0.25, 1.0];
            for (int i = 0; i < 5; i++)
                Assert.That(j[k, i], Is.EqualTo(bias[i] + gain[i] * x[i]).Within(Tol(1e-12)), $"step {k + 1}, neuron {i}");
        }
    }

    [Test]
    public void NodeToEnsemble_InputIsBiasPlusGainTimesEncodedXOverRadius([Values(1.0, 2.0)] double radius)
    {
        var net = new Network("node-ens", seed: 64);
        var u = net.Node([0.6, -0.2]);
        var ens = net.Ensemble(6, 2, radius: radius);
        net.Connect(u, ens, synapse: null);
        var p = net.Probe(ens.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(2);
        var b = sim.Data[ens];
        for (int i = 0; i < 6; i++)
        {
            double ex = b.Encoders[i, 0] * 0.6 + b.Encoders[i, 1] * -0.2;
            Assert.That(sim.Data[p][1, i], Is.EqualTo(b.Bias[i] + b.Gain[i] * ex / radius).Within(Tol(1e-12 * (1 + b.Gain[i]))), $"neuron {i}");
        }
    }

    [Test]
    public void NodeToNeurons_WithMatrixTransform_GainAppliedAfterTransform()
    {
        var net = new Network("node-neurons-matrix", seed: 52);
        var u = net.Node([1.0, -2.0]);
        var ens = net.Ensemble(3, 1);
        var t = new double[,] { { 1, 0 }, { 0.5, 0.5 }, { -1, 2 } };
        net.Connect(u, ens.Neurons, synapse: null, transform: t);
        var p = net.Probe(ens.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(2);
        var gain = sim.Data[ens].Gain;
        var bias = sim.Data[ens].Bias;
        double[] tx = [1, -0.5, -5];
        for (int i = 0; i < 3; i++)
            Assert.That(sim.Data[p][1, i], Is.EqualTo(bias[i] + gain[i] * tx[i]).Within(Tol(1e-12)), $"neuron {i}");
    }

    [Test]
    public void NodeToNeurons_WithSynapse_FilteredThenGain()
    {
        var net = new Network("node-neurons-synapse", seed: 53);
        var u = net.Node(1.0);
        var ens = net.Ensemble(4, 1);
        var conn = net.Connect(u, ens.Neurons, synapse: 0.005, transform: new double[,] { { 1 }, { 1 }, { 1 }, { 1 } });
        var p = net.Probe(ens.Neurons, "input");
        var pc = net.Probe(conn, "output");
        var sim = Sim(net);
        sim.RunSteps(30);
        var lp = Signals.DelayedLowpass(Ideal.Ones(30), 0.005);
        var gain = sim.Data[ens].Gain;
        var bias = sim.Data[ens].Bias;
        for (int k = 0; k < 30; k++)
            for (int i = 0; i < 4; i++)
                Assert.That(sim.Data[p][k, i], Is.EqualTo(bias[i] + gain[i] * lp[k]).Within(Tol(1e-12)));
        // The connection's "output" is the synapse's output signal, before the gains. Probed without a synapse it
        // is read after the step's update, so it leads what the post receives by one step (as in Nengo).
        var undelayed = FilterDiscretization.Filt(new Lowpass(0.005).Discretize(0.001), Ideal.Ones(30));
        for (int i = 0; i < 4; i++)
            Signals.AssertAllclose(sim.Data[pc].ColumnArray(i), undelayed, atol: Tol(1e-12), what: $"connection output {i}");
    }

    [Test]
    public void NeuronsToNeurons_MatrixTransformAndPostGains()
    {
        // A: three ReLUs with gain 1 and bias 1, 2, 3 and no input → outputs 1, 2, 3.
        // B: two ReLUs with gains 2, 3 and bias 0; A → B with T = [[1, 0, 0], [0, 1, 1]] → B current = gain ⊙ (T·a) = 2, 15.
        var net = new Network("neurons-neurons", seed: 54);
        var a = Relu(net, [1, 1, 1], [1, 2, 3]);
        var b = Relu(net, [2, 3], [0, 0]);
        net.Connect(a.Neurons, b.Neurons, synapse: null, transform: new double[,] { { 1, 0, 0 }, { 0, 1, 1 } });
        var pa = net.Probe(a.Neurons);
        var pb = net.Probe(b.Neurons);
        var pbIn = net.Probe(b.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(3);
        for (int k = 0; k < 3; k++)
        {
            Assert.That(sim.Data[pa].Row(k).ToArray(), Is.EqualTo(new[] { 1.0, 2.0, 3.0 }).Within(Tol(1e-12)));
            Assert.That(sim.Data[pbIn].Row(k).ToArray(), Is.EqualTo(new[] { 2.0, 15.0 }).Within(Tol(1e-12)), "same step with synapse null");
            Assert.That(sim.Data[pb].Row(k).ToArray(), Is.EqualTo(new[] { 2.0, 15.0 }).Within(Tol(1e-12)));
        }
    }

    [Test]
    public void NeuronsToNeurons_DefaultIdentity_WithSynapseDelays()
    {
        var net = new Network("neurons-identity", seed: 55);
        var a = Relu(net, [1, 1], [1, 4]);
        var b = Relu(net, [1, 0.5], [0, 0]);
        net.Connect(a.Neurons, b.Neurons, synapse: 0.0);
        var pb = net.Probe(b.Neurons);
        var sim = Sim(net);
        sim.RunSteps(3);
        Assert.That(sim.Data[pb].Row(0).ToArray(), Is.EqualTo(new[] { 0.0, 0.0 }), "Lowpass(0): one step of delay");
        Assert.That(sim.Data[pb].Row(1).ToArray(), Is.EqualTo(new[] { 1.0, 2.0 }).Within(Tol(1e-12)));
    }

    [Test]
    public void NeuronsToNeurons_SizeMismatchWithoutTransform_IsValidationError()
    {
        var net = new Network("neurons-mismatch", seed: 56);
        var a = net.Ensemble(3, 1);
        var b = net.Ensemble(4, 1);
        Assert.That(() => net.Connect(a.Neurons, b.Neurons), Throws.InstanceOf<ValidationError>());
    }

    [Test]
    public void NeuronsToNode_SpikesAreAmplitudeOverDt()
    {
        var net = new Network("neurons-node", seed: 57);
        var u = net.Node(0.8);
        var ens = net.Ensemble(10, 1);
        net.Connect(u, ens);
        var dst = net.Node(sizeIn: 10);
        net.Connect(ens.Neurons, dst, synapse: null);
        var pSpikes = net.Probe(ens.Neurons);
        var pNode = net.Probe(dst);
        var sim = Sim(net);
        sim.Run(0.2);
        Assert.That(sim.Data[pNode].ToArray(), Is.EqualTo(sim.Data[pSpikes].ToArray()), "synapse null: the node sees the spikes of the same step");
        foreach (double s in sim.Data[pSpikes].Enumerate())
            Assert.That(s == 0 || Math.Abs(s - 1000.0) < 1e-9, Is.True, $"a LIF output is 0 or 1/dt, got {s}");
        Assert.That(Ideal.SpikeCounts(sim.Data[pSpikes]).Sum(), Is.GreaterThan(0));
    }

    [Test]
    public void NeuronsToEnsemble_TransformActsOnOutputs()
    {
        var net = new Network("neurons-ens", seed: 58);
        var a = Relu(net, [1, 1, 1], [1, 2, 3]);
        var b = net.Ensemble(20, 1);
        net.Connect(a.Neurons, b, synapse: null, transform: new double[,] { { 0.1, -0.05, 0.02 } });
        var pin = net.Probe(b, "input");
        var sim = Sim(net);
        sim.RunSteps(2);
        Assert.That(sim.Data[pin][1, 0], Is.EqualTo(0.1 - 0.1 + 0.06).Within(Tol(1e-12)));
    }

    [Test]
    public void EnsembleToNeurons_DecodedWeightsTimesGain()
    {
        // A decoded connection into B.Neurons: B's current = bias + gain ⊙ (W · a), W = transform·decoders.
        var net = new Network("ens-neurons", seed: 59);
        var u = net.Node(0.5);
        var a = net.Ensemble(30, 1);
        var b = net.Ensemble(4, 1);
        net.Connect(u, a);
        var conn = net.Connect(a, b.Neurons, synapse: null, transform: new double[,] { { 1 }, { -1 }, { 0.5 }, { 2 } });
        var pa = net.Probe(a.Neurons);
        var pb = net.Probe(b.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(100);
        var w = sim.Data[conn].Weights!;
        Assert.That(w.RowCount, Is.EqualTo(4));
        Assert.That(w.ColumnCount, Is.EqualTo(30));
        var gain = sim.Data[b].Gain;
        var bias = sim.Data[b].Bias;
        for (int k = 0; k < 100; k++)
        {
            var wa = w * sim.Data[pa].Row(k);
            for (int i = 0; i < 4; i++)
                Assert.That(sim.Data[pb][k, i], Is.EqualTo(bias[i] + gain[i] * wa[i]).Within(Tol(1e-9 * (1 + Math.Abs(gain[i] * wa[i])))));
        }
    }

    [Test]
    public void InhibitingNeurons_SilencesEnsemble()
    {
        var net = new Network("inhibit", seed: 60);
        var u = net.Node(0.5);
        var ens = net.Ensemble(40, 1);
        var control = net.Ensemble(40, 1);
        net.Connect(u, ens);
        net.Connect(u, control);
        var inhibit = net.Node(1.0);
        var t = new double[40, 1];
        for (int i = 0; i < 40; i++) t[i, 0] = -10;
        net.Connect(inhibit, ens.Neurons, synapse: null, transform: t);
        var p = net.Probe(ens.Neurons);
        var pc = net.Probe(control.Neurons);
        var pd = net.Probe(ens, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.3);
        Assert.That(Ideal.SpikeCounts(sim.Data[p]).Sum(), Is.EqualTo(0), "inhibited ensemble is silent");
        Assert.That(Ideal.SpikeCounts(sim.Data[pc]).Sum(), Is.GreaterThan(100), "the control ensemble spikes");
        Assert.That(sim.Data[pd].Enumerate().Max(Math.Abs), Is.EqualTo(0.0), "and decodes exactly 0");
    }

    [Test]
    public void InhibitionWithSynapse_SilencesAfterTransient()
    {
        var net = new Network("inhibit-synapse", seed: 61);
        var u = net.Node(0.5);
        var ens = net.Ensemble(40, 1);
        net.Connect(u, ens);
        var inhibit = net.Node(t => t > 0.1 ? 1.0 : 0.0);
        var t = new double[40, 1];
        for (int i = 0; i < 40; i++) t[i, 0] = -10;
        net.Connect(inhibit, ens.Neurons, transform: t);
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.Run(0.3);
        var spikes = sim.Data[p];
        double before = 0, after = 0;
        for (int k = 0; k < 100; k++) for (int i = 0; i < 40; i++) before += spikes[k, i] * 0.001;
        for (int k = 150; k < 300; k++) for (int i = 0; i < 40; i++) after += spikes[k, i] * 0.001;
        Assert.That(before, Is.GreaterThan(50), "active before inhibition");
        Assert.That(after, Is.EqualTo(0), "silent once the inhibition has risen");
    }

    [Test]
    public void WeightSolver_FullWeightMatrixIntoPostNeurons()
    {
        var net = new Network("weights", seed: 62);
        var u = net.Node(0.5);
        var a = net.Ensemble(40, 1);
        var b = net.Ensemble(30, 1);
        net.Connect(u, a);
        var conn = net.Connect(a, b, solver: new LstsqL2(weights: true));
        var pb = net.Probe(b, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(0.5);
        var w = sim.Data[conn].Weights!;
        Assert.That((w.RowCount, w.ColumnCount), Is.EqualTo((30, 40)), "n_post × n_pre");
        Assert.That(Ideal.Mean(sim.Data[pb], 0, 300, 500), Is.EqualTo(0.5).Within(Tol(0.06)));
    }

    [Test]
    public void WeightSolver_EqualsEncodersTimesDecoders()
    {
        Network Make(bool weights, out Connection conn, out Ensemble a, out Ensemble b)
        {
            var net = new Network("weights-equal", seed: 63);
            a = net.Ensemble(20, 1);
            b = net.Ensemble(15, 1);
            conn = net.Connect(a, b, solver: new LstsqL2(weights: weights));
            return net;
        }
        var simW = Sim(Make(true, out var cw, out _, out var bw));
        var simD = Sim(Make(false, out var cd, out _, out _));
        var full = simW.Data[cw].Weights!;
        var decoders = simD.Data[cd].Weights!;
        Matrix<double> composed = simW.Data[bw].ScaledEncoders * decoders;
        Assert.That((full - composed).Enumerate().Max(Math.Abs), Is.LessThan(Tol(1e-9) * (1 + composed.Enumerate().Max(Math.Abs))));
    }
}
