using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>ElementwiseInc (scalar and diagonal transforms, post-neuron gains, with broadcasting) and DotInc (matrix transforms, encoders, decoders).</summary>
[TestFixture]
public class ElementwiseAndDotIncKernelTests : KernelTestBase
{
    [Test]
    public void ScalarTransform_BroadcastsTheScalar()
    {
        var net = new Network(seed: 1);
        var c = net.Node(new[] { 1.0, 2.0, 3.0 });
        var p = net.Node(sizeIn: 3);
        net.Connect(c, p, transform: 2.0, synapse: null);
        var probe = net.Probe(p);
        var sim = Sim(net);
        var op = sim.Model.StepOrder.OfType<ElementwiseInc>().Single();
        Assert.That((op.A.Size, op.X.Size, op.Y.Size), Is.EqualTo((1, 3, 3)));
        sim.RunSteps(2);
        Assert.That(Row(sim.Data[probe], 1), Is.EqualTo(new[] { 2.0, 4.0, 6.0 }));
    }

    [Test]
    public void ScalarTransform_OnOneDimension()
    {
        var net = new Network(seed: 1);
        var c = net.Node(t => t);
        var p = net.Node(sizeIn: 1);
        net.Connect(c, p, transform: -3.0, synapse: null);
        var probe = net.Probe(p);
        var data = Run(net, 3, probe)[0];
        Assert.That(data.Column(0).ToArray(), Is.EqualTo(new[] { -3 * 0.001, -3 * 0.002, -3 * 0.003 }));
    }

    [Test]
    public void DiagonalTransform_MultipliesElementwise()
    {
        var net = new Network(seed: 1);
        var c = net.Node(new[] { 1.0, 2.0, 3.0 });
        var p = net.Node(sizeIn: 3);
        net.Connect(c, p, transform: new[] { 1.0, -1.0, 0.5 }, synapse: null);
        var probe = net.Probe(p);
        Assert.That(Row(Run(net, 1, probe)[0], 0), Is.EqualTo(new[] { 1.0, -2.0, 1.5 }));
    }

    [Test]
    public void DiagonalTransform_WithSlicesOnBothEnds()
    {
        var net = new Network(seed: 1);
        var c = net.Node(new[] { 1.0, 2.0, 3.0 });
        var p = net.Node(sizeIn: 4);
        net.Connect(c[new[] { 2, 0 }], p[new[] { 3, 3 }], transform: new[] { 10.0, 100.0 }, synapse: null);
        var probe = net.Probe(p);
        Assert.That(Row(Run(net, 1, probe)[0], 0), Is.EqualTo(new[] { 0.0, 0.0, 0.0, 130.0 }));
    }

    [Test]
    public void MatrixTransform_IsADotInc()
    {
        var net = new Network(seed: 1);
        var c = net.Node(new[] { 1.0, 2.0, 3.0 });
        var p = net.Node(sizeIn: 2);
        net.Connect(c, p, transform: new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, synapse: null);
        var probe = net.Probe(p);
        var sim = Sim(net);
        var op = sim.Model.StepOrder.OfType<DotInc>().Single();
        Assert.That((op.A.Rows, op.A.Cols), Is.EqualTo((2, 3)));
        sim.RunSteps(2);
        Assert.That(Row(sim.Data[probe], 1), Is.EqualTo(new[] { 14.0, 32.0 }));
    }

    [Test]
    public void MatrixTransform_AfterAFunction_AndIntoAPostSlice()
    {
        var net = new Network(seed: 1);
        var c = net.Node(new[] { 1.0, 2.0 });
        var p = net.Node(sizeIn: 3);
        net.Connect(c, p[new[] { 2, 0 }], (double[] x) => new[] { x[0] * x[1], x[0] + x[1], 1.0 },
            transform: new double[,] { { 1, 0, 0 }, { 0, 1, 10 } }, synapse: null);
        var probe = net.Probe(p);
        Assert.That(Row(Run(net, 1, probe)[0], 0), Is.EqualTo(new[] { 13.0, 0.0, 2.0 }));
    }

    [Test]
    public void NeuronsPost_IsScaledByTheGains_AndTheBiasIsSet()
    {
        var net = new Network(seed: 1);
        var ens = net.Ensemble(3, 1, neuronType: new RectifiedLinear(), gain: new[] { 1.0, 2.0, 3.0 }, bias: new[] { 0.1, 0.2, 0.3 });
        var c = net.Node(new[] { 1.0, 2.0, 3.0 });
        net.Connect(c, ens.Neurons, synapse: null);
        var input = net.Probe(ens.Neurons, "input");
        var output = net.Probe(ens.Neurons);
        var data = Run(net, 3, input, output);
        double[] expected = [0.1 + 1 * 1.0, 0.2 + 2 * 2.0, 0.3 + 3 * 3.0];
        Assert.That(Row(data[0], 2), Is.EqualTo(expected));
        Assert.That(Row(data[1], 2), Is.EqualTo(expected), "RectifiedLinear outputs max(0, J)");
    }

    [Test]
    public void NeuronsPost_WithRepeatedIndices_AccumulatesGainedInputs()
    {
        var net = new Network(seed: 1);
        var ens = net.Ensemble(3, 1, neuronType: new RectifiedLinear(), gain: new[] { 1.0, 2.0, 3.0 }, bias: new[] { 0.0, 0.0, 0.0 });
        var c = net.Node(new[] { 1.0, 2.0 });
        net.Connect(c, ens.Neurons[new[] { 2, 2 }], synapse: null);
        net.Connect(c[1], ens.Neurons[0], transform: 0.5, synapse: null);
        var input = net.Probe(ens.Neurons, "input");
        Assert.That(Row(Run(net, 1, input)[0], 0), Is.EqualTo(new[] { 1.0, 0.0, 9.0 }));
    }

    [Test]
    public void Encoders_AreADotIncOfScaledEncoders()
    {
        var net = new Network(seed: 1);
        var enc = new double[,] { { 1, 0 }, { 0.6, 0.8 }, { 0, -1 } };
        var ens = net.Ensemble(3, 2, radius: 2, neuronType: new RectifiedLinear(), encoders: enc,
            gain: new[] { 1.0, 2.0, 4.0 }, bias: new[] { 0.5, 0.0, -0.5 });
        var x = new[] { 0.5, -1.0 };
        net.Connect(net.Node(x), ens, synapse: null);
        var input = net.Probe(ens.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(1);
        var built = sim.Data[ens];
        var got = Row(sim.Data[input], 0);
        for (int i = 0; i < 3; i++)
        {
            double expected = built.Bias[i] + built.Gain[i] / 2 * (enc[i, 0] * x[0] + enc[i, 1] * x[1]);
            Assert.That(got[i], Is.EqualTo(expected).Within(1e-12), $"neuron {i}");
        }
    }

    /// <summary>
    /// The bias and the encoded input of a panel-sized ensemble (the CPU plan then has the encoder product start from
    /// the bias instead of copying it into J first), alone and with a direct neuron input into the same J.
    /// </summary>
    [Test]
    public void Encoders_OnTopOfTheBias_AndADirectNeuronInput([Values(false, true)] bool neuronInput, [Values] CpuPrecision precision)
    {
        const int n = 13;
        var net = new Network(seed: 1);
        var rng = new Random(4);
        var gain = Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray();
        var bias = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var ens = net.Ensemble(n, 2, neuronType: new RectifiedLinear(), gain: gain, bias: bias);
        var x = new[] { 0.5, -0.75 };
        var direct = Enumerable.Range(0, n).Select(i => 0.1 * i).ToArray();
        net.Connect(net.Node(x), ens, synapse: null);
        if (neuronInput) net.Connect(net.Node(direct), ens.Neurons, synapse: null);
        var input = net.Probe(ens.Neurons, "input");
        var sim = Sim(net, precision);
        sim.RunSteps(2);
        var built = sim.Data[ens];
        var got = Row(sim.Data[input], 1);
        for (int i = 0; i < n; i++)
        {
            double expected = built.Bias[i] + built.Gain[i] * (built.Encoders[i, 0] * x[0] + built.Encoders[i, 1] * x[1])
                + (neuronInput ? built.Gain[i] * direct[i] : 0);
            Assert.That(got[i], Is.EqualTo(expected).Within(precision == CpuPrecision.Double ? 1e-12 : 1e-6), $"neuron {i}");
        }
        if (!neuronInput)
            Assert.That(sim.PlanReport(), Does.Contain($" {sim.Model.StepOrder.Count - 1} kernels"), "the bias copy is done by the encoder product");
    }

    [Test]
    public void Decoders_AreADotIncOfTheNeuronOutputs()
    {
        var net = new Network(seed: 1);
        var ens = net.Ensemble(20, 1, neuronType: new RectifiedLinear(), label: "e");
        net.Connect(net.Node(t => Math.Sin(10 * t)), ens, synapse: null);
        var p = net.Node(sizeIn: 2);
        var conn = net.Connect(ens, p, (double v) => v, transform: new double[,] { { 1 }, { -2 } }, synapse: null);
        var decoded = net.Probe(p);
        var rates = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(20);
        var w = sim.Data[conn].Weights!;
        Assert.That((w.RowCount, w.ColumnCount), Is.EqualTo((2, 20)));
        for (int k = 0; k < 20; k++)
        {
            var expected = (w * sim.Data[rates].Row(k)).ToArray();
            Assert.That(Row(sim.Data[decoded], k), Is.EqualTo(expected).Within(1e-9), $"step {k + 1}");
        }
    }

    [Test]
    public void DenseMatrix_OfAnySize_IsTheMatrixProduct([Values(4, 5, 8, 16, 19, 37)] int rows, [Values(1, 7)] int cols, [Values] CpuPrecision precision)
    {
        var rng = new Random(rows * 31 + cols);
        var x = Enumerable.Range(0, cols).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var w = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) w[i, j] = rng.NextDouble() * 2 - 1;
        var net = new Network(seed: 1);
        var c = net.Node(x);
        var p = net.Node(sizeIn: rows);
        net.Connect(c, p, transform: w, synapse: null);
        net.Connect(c[0], p[rows - 1], transform: 2.0, synapse: null);
        var probe = net.Probe(p);
        var got = Row(Run(precision, net, 2, probe)[0], 1);
        for (int i = 0; i < rows; i++)
        {
            double expected = Enumerable.Range(0, cols).Sum(j => w[i, j] * x[j]) + (i == rows - 1 ? 2 * x[0] : 0);
            // float32: each of the ≤ 8 terms and the inputs round at 6e-8 relative.
            Assert.That(got[i], Is.EqualTo(expected).Within(precision == CpuPrecision.Double ? 1e-13 : 1e-6), $"row {i}");
        }
    }

    [Test]
    public void SpikesThroughAMatrix_OfAnyHeight_AreTheMatrixProduct([Values(1, 2, 3, 9, 16, 21, 40)] int rows, [Values] CpuPrecision precision)
    {
        const int n = 30;
        var rng = new Random(rows);
        var w = new double[rows, n];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < n; j++) w[i, j] = rng.NextDouble() * 2 - 1;
        var net = new Network(seed: 2);
        var ens = net.Ensemble(n, 1, gain: Enumerable.Repeat(1.0, n).ToArray(), bias: Enumerable.Range(0, n).Select(i => 1.2 + 0.3 * i).ToArray());
        var p = net.Node(sizeIn: rows);
        net.Connect(ens.Neurons, p, transform: w, synapse: null);
        var spikes = net.Probe(ens.Neurons);
        var output = net.Probe(p);
        var data = Run(precision, net, 50, spikes, output);
        int active = 0;
        for (int step = 0; step < 50; step++)
        {
            var s = Row(data[0], step);
            active += s.Count(v => v != 0);
            var got = Row(data[1], step);
            for (int i = 0; i < rows; i++)
            {
                double expected = Enumerable.Range(0, n).Sum(j => w[i, j] * s[j]);
                // float32: the weights and every partial sum round at 6e-8 of the terms' size.
                double scale = 1 + Enumerable.Range(0, n).Sum(j => Math.Abs(w[i, j] * s[j]));
                Assert.That(got[i], Is.EqualTo(expected).Within((precision == CpuPrecision.Double ? 1e-9 : 1e-6) * scale), $"step {step} row {i}");
            }
        }
        Assert.That(active, Is.GreaterThan(50), "neurons spiked");
    }
}
