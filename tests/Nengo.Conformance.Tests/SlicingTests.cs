using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Slicing (NEF.md §1.4): pre slices pick what feeds the function and transform, post slices pick where the
/// output lands, repeated post indices sum. Node → Node connections with <c>synapse: null</c> are exact and
/// same-step; a few decoded and neuron slices check the other ends.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class SlicingTests(BackendCase backend) : BackendTestBase(backend)
{
    private static readonly double[] Src = [1.0, 2.0, 3.0, 4.0];

    /// <summary>Runs 3 steps and returns the last row of <paramref name="probe"/>.</summary>
    private double[] LastRow(Network net, Probe probe)
    {
        var sim = Sim(net);
        sim.RunSteps(3);
        var d = sim.Data[probe];
        return d.Row(d.RowCount - 1).ToArray();
    }

    private double[] NodeToNode(Func<Node, IConnectable> pre, int postSize, Func<Node, IConnectable>? post = null, Transform? transform = null)
    {
        var net = new Network("slice", seed: 1);
        var src = net.Node(Src);
        var dst = net.Node(sizeIn: postSize);
        net.Connect(pre(src), post is null ? dst : post(dst), synapse: null, transform: transform);
        return LastRow(net, net.Probe(dst));
    }

    [Test]
    public void PreSlice_Int() => Assert.That(NodeToNode(s => s[2], 1), Is.EqualTo(new[] { 3.0 }));

    [Test]
    public void PreSlice_NegativeIntAndHatIndex()
    {
        Assert.That(NodeToNode(s => s[-1], 1), Is.EqualTo(new[] { 4.0 }));
        Assert.That(NodeToNode(s => s[^2], 1), Is.EqualTo(new[] { 3.0 }));
    }

    [Test]
    public void PreSlice_Range()
    {
        Assert.That(NodeToNode(s => s[1..3], 2), Is.EqualTo(new[] { 2.0, 3.0 }));
        Assert.That(NodeToNode(s => s[..2], 2), Is.EqualTo(new[] { 1.0, 2.0 }));
        Assert.That(NodeToNode(s => s[2..], 2), Is.EqualTo(new[] { 3.0, 4.0 }));
    }

    [Test]
    public void PreSlice_IndexList() => Assert.That(NodeToNode(s => s[new[] { 3, 0 }], 2), Is.EqualTo(new[] { 4.0, 1.0 }));

    [Test]
    public void PreSlice_ReversedList() =>
        Assert.That(NodeToNode(s => s[new[] { 3, 2, 1, 0 }], 4), Is.EqualTo(new[] { 4.0, 3.0, 2.0, 1.0 }));

    [Test]
    public void PreSlice_RepeatedIndices() =>
        Assert.That(NodeToNode(s => s[new[] { 1, 1, 0 }], 3), Is.EqualTo(new[] { 2.0, 2.0, 1.0 }));

    [Test]
    public void PostSlice_Range() =>
        Assert.That(NodeToNode(s => s[..2], 5, d => d[1..3]), Is.EqualTo(new[] { 0.0, 1.0, 2.0, 0.0, 0.0 }));

    [Test]
    public void PostSlice_IndexList() =>
        Assert.That(NodeToNode(s => s[..2], 4, d => d[new[] { 3, 0 }]), Is.EqualTo(new[] { 2.0, 0.0, 0.0, 1.0 }));

    [Test]
    public void PostSlice_RepeatedIndicesSum()
    {
        // node → dst[{0, 0}]: both values land on index 0 and sum.
        Assert.That(NodeToNode(s => s[..2], 1, d => d[new[] { 0, 0 }]), Is.EqualTo(new[] { 3.0 }));
        // the same value twice gives twice the value
        Assert.That(NodeToNode(s => s[new[] { 2, 2 }], 1, d => d[new[] { 0, 0 }]), Is.EqualTo(new[] { 6.0 }));
        // with a scalar transform
        Assert.That(NodeToNode(s => s[new[] { 0, 3 }], 2, d => d[new[] { 1, 1 }], 2.0), Is.EqualTo(new[] { 0.0, 10.0 }));
    }

    [Test]
    public void PostSlice_RepeatedIndicesWithMatrix_IsValidationError()
    {
        var net = new Network("repeat-matrix", seed: 1);
        var src = net.Node(Src);
        var dst = net.Node(sizeIn: 2);
        Assert.That(() => net.Connect(src[..2], dst[new[] { 0, 0 }], transform: new double[,] { { 1, 0 }, { 0, 1 } }),
            Throws.InstanceOf<ValidationError>());
    }

    [Test]
    public void PreAndPostSlices_WithMatrixTransform()
    {
        // out[1] = 1·src[2] + 2·src[0]; out[2] = 3·src[2] + 4·src[0].
        var y = NodeToNode(s => s[new[] { 2, 0 }], 3, d => d[new[] { 1, 2 }], new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.That(y, Is.EqualTo(new[] { 0.0, 3 + 2, 9 + 4.0 }));
    }

    [Test]
    public void PreAndPostSlices_WithDiagonalTransform()
    {
        var y = NodeToNode(s => s[1..3], 4, d => d[new[] { 3, 1 }], new[] { 10.0, -1.0 });
        Assert.That(y, Is.EqualTo(new[] { 0.0, -3.0, 0.0, 20.0 }));
    }

    [Test]
    public void SeveralConnectionsIntoSlices_Sum()
    {
        var net = new Network("sum", seed: 1);
        var src = net.Node(Src);
        var dst = net.Node(sizeIn: 3);
        net.Connect(src[0], dst[1], synapse: null);
        net.Connect(src[1..3], dst[1..3], synapse: null);
        net.Connect(src[3], dst[0], synapse: null, transform: -1.0);
        Assert.That(LastRow(net, net.Probe(dst)), Is.EqualTo(new[] { -4.0, 3.0, 3.0 }));
    }

    [Test]
    public void PassthroughPreSlice()
    {
        var net = new Network("passthrough-slice", seed: 1);
        var src = net.Node(Src);
        var pass = net.Node(sizeIn: 4);
        var dst = net.Node(sizeIn: 3);
        net.Connect(src, pass, synapse: null);
        net.Connect(pass[new[] { 2, 0 }], dst[..2], synapse: null);
        net.Connect(pass[^1], dst[2], synapse: null);
        Assert.That(LastRow(net, net.Probe(dst)), Is.EqualTo(new[] { 3.0, 1.0, 4.0 }));
    }

    [Test]
    public void NodeFunctionOnPreSlice()
    {
        var net = new Network("slice-function", seed: 1);
        var src = net.Node(Src);
        var dst = net.Node(sizeIn: 1);
        net.Connect(src[new[] { 3, 1 }], dst, function: (double[] x) => x[0] * 10 + x[1], synapse: null);
        Assert.That(LastRow(net, net.Probe(dst)), Is.EqualTo(new[] { 42.0 }));
    }

    [Test]
    public void ProbeOfNodeSlice()
    {
        var net = new Network("probe-slice", seed: 1);
        var src = net.Node(t => new[] { t, 2 * t, 3 * t });
        var p = net.Probe(src[new[] { 2, 0 }]);
        var q = net.Probe(src[1..]);
        var sim = Sim(net);
        sim.RunSteps(5);
        var t = Ideal.Times(5);
        Assert.That(sim.Data[p].ColumnCount, Is.EqualTo(2));
        Signals.AssertAllclose(sim.Data[p].ColumnArray(0), Ideal.Map(t, v => 3 * v), atol: Tol(1e-15));
        Signals.AssertAllclose(sim.Data[p].ColumnArray(1), t, atol: Tol(1e-15));
        Signals.AssertAllclose(sim.Data[q].ColumnArray(0), Ideal.Map(t, v => 2 * v), atol: Tol(1e-15));
        Signals.AssertAllclose(sim.Data[q].ColumnArray(1), Ideal.Map(t, v => 3 * v), atol: Tol(1e-15));
    }

    [Test]
    public void SliceIndexOutOfRange_IsValidationError()
    {
        var net = new Network("bad-slice", seed: 1);
        var src = net.Node(Src);
        var ens = net.Ensemble(5, 2);
        Assert.That(() => src[4], Throws.InstanceOf<ValidationError>());
        Assert.That(() => src[-5], Throws.InstanceOf<ValidationError>());
        Assert.That(() => src[new[] { 0, 7 }], Throws.InstanceOf<ValidationError>());
        Assert.That(() => src[2..2], Throws.InstanceOf<ValidationError>());
        Assert.That(() => ens[2], Throws.InstanceOf<ValidationError>());
        Assert.That(() => ens.Neurons[5], Throws.InstanceOf<ValidationError>());
    }

    [Test]
    public void SliceSizeMismatch_IsValidationError()
    {
        var net = new Network("bad-size", seed: 1);
        var src = net.Node(Src);
        var dst = net.Node(sizeIn: 3);
        Assert.That(() => net.Connect(src[..2], dst), Throws.InstanceOf<ValidationError>());
        Assert.That(() => net.Connect(src, dst[..2]), Throws.InstanceOf<ValidationError>());
    }

    // --- Neurons ----------------------------------------------------------------------------------

    /// <summary>Rectified-linear neurons with explicit gains and zero biases: the output is gain·x exactly.</summary>
    private static Ensemble Relu(Network net, double[] gain) =>
        net.Ensemble(gain.Length, 1, neuronType: new RectifiedLinear(), gain: gain, bias: new double[gain.Length]);

    [Test]
    public void NeuronsPostSlice_GainsOfThoseNeurons()
    {
        var net = new Network("neuron-post-slice", seed: 1);
        var src = net.Node([5.0, 6.0]);
        var ens = Relu(net, [1.0, 2.0, 3.0, 4.0]);
        net.Connect(src, ens.Neurons[new[] { 3, 0 }], synapse: null);
        var contiguous = Relu(net, [1.0, 2.0, 3.0, 4.0]);
        net.Connect(src, contiguous.Neurons[1..3], synapse: null);
        var p = net.Probe(ens.Neurons, "input");
        var q = net.Probe(contiguous.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(2);
        Assert.That(sim.Data[p].Row(1).ToArray(), Is.EqualTo(new[] { 1 * 6.0, 0, 0, 4 * 5.0 }).Within(Tol(1e-12)));
        Assert.That(sim.Data[q].Row(1).ToArray(), Is.EqualTo(new[] { 0, 2 * 5.0, 3 * 6.0, 0 }).Within(Tol(1e-12)));
    }

    [Test]
    public void NeuronsPostSlice_RepeatedIndicesSum()
    {
        var net = new Network("neuron-repeat", seed: 1);
        var src = net.Node([5.0, 6.0, 7.0]);
        var ens = Relu(net, [1.0, 2.0, 3.0]);
        net.Connect(src, ens.Neurons[new[] { 2, 0, 2 }], synapse: null);
        var p = net.Probe(ens.Neurons, "input");
        var sim = Sim(net);
        sim.RunSteps(2);
        Assert.That(sim.Data[p].Row(1).ToArray(), Is.EqualTo(new[] { 1 * 6.0, 0, 3 * (5.0 + 7.0) }).Within(Tol(1e-12)));
    }

    [Test]
    public void EnsembleInputProbeOfSlice()
    {
        var net = new Network("ens-input-slice", seed: 1);
        var src = net.Node(Src);
        var ens = net.Ensemble(10, 3);
        net.Connect(src[1..], ens, synapse: null);
        var p = net.Probe(ens[new[] { 2, 0 }], "input");
        var sim = Sim(net);
        sim.RunSteps(2);
        Assert.That(sim.Data[p].Row(1).ToArray(), Is.EqualTo(new[] { 4.0, 2.0 }));
    }

    [Test]
    public void NeuronsPreSlice_SelectsThoseOutputs()
    {
        var net = new Network("neuron-pre-slice", seed: 1);
        var drive = net.Node(1.0);
        var ens = Relu(net, [1.0, 2.0, 3.0, 4.0]);
        net.Connect(drive, ens, synapse: null, transform: 1.0);
        var dst = net.Node(sizeIn: 2);
        var rev = net.Node(sizeIn: 4);
        net.Connect(ens.Neurons[new[] { 3, 1 }], dst, synapse: null);
        net.Connect(ens.Neurons[new[] { 3, 2, 1, 0 }], rev, synapse: null);
        var p = net.Probe(dst);
        var q = net.Probe(rev);
        var r = net.Probe(ens.Neurons[1..3]);
        var sim = Sim(net);
        sim.RunSteps(2);
        // Encoders are ±1, so each neuron's output is max(0, gain·e·1).
        var e = sim.Data[ens].Encoders.Column(0).ToArray();
        double[] outp = [Math.Max(0, 1 * e[0]), Math.Max(0, 2 * e[1]), Math.Max(0, 3 * e[2]), Math.Max(0, 4 * e[3])];
        Assert.That(sim.Data[p].Row(1).ToArray(), Is.EqualTo(new[] { outp[3], outp[1] }).Within(Tol(1e-12)));
        Assert.That(sim.Data[q].Row(1).ToArray(), Is.EqualTo(new[] { outp[3], outp[2], outp[1], outp[0] }).Within(Tol(1e-12)));
        Assert.That(sim.Data[r].Row(1).ToArray(), Is.EqualTo(new[] { outp[1], outp[2] }).Within(Tol(1e-12)));
    }

    // --- Decoded ensembles ------------------------------------------------------------------------

    [Test]
    public void EnsemblePreSlices_DecodeThoseDimensions()
    {
        var net = new Network("ens-pre-slice", seed: 41);
        var u = net.Node([0.5, -0.3, 0.2]);
        var ens = net.Ensemble(150, 3);
        net.Connect(u, ens);
        var first = net.Node(sizeIn: 1);
        var middle = net.Node(sizeIn: 2);
        var reversed = net.Node(sizeIn: 3);
        net.Connect(ens[0], first, synapse: 0.03);
        net.Connect(ens[1..3], middle, synapse: 0.03);
        net.Connect(ens[new[] { 2, 1, 0 }], reversed, synapse: 0.03);
        var pf = net.Probe(first);
        var pm = net.Probe(middle);
        var pr = net.Probe(reversed);
        var sim = Sim(net);
        sim.Run(0.4);
        double tol = Tol(0.06);
        Assert.That(Ideal.Mean(sim.Data[pf], 0, 200, 400), Is.EqualTo(0.5).Within(tol));
        Assert.That(Ideal.Mean(sim.Data[pm], 0, 200, 400), Is.EqualTo(-0.3).Within(tol));
        Assert.That(Ideal.Mean(sim.Data[pm], 1, 200, 400), Is.EqualTo(0.2).Within(tol));
        Assert.That(Ideal.Mean(sim.Data[pr], 0, 200, 400), Is.EqualTo(0.2).Within(tol));
        Assert.That(Ideal.Mean(sim.Data[pr], 1, 200, 400), Is.EqualTo(-0.3).Within(tol));
        Assert.That(Ideal.Mean(sim.Data[pr], 2, 200, 400), Is.EqualTo(0.5).Within(tol));
    }

    [Test]
    public void EnsemblePostSlices_EncodeIntoThoseDimensions()
    {
        var net = new Network("ens-post-slice", seed: 42);
        var u = net.Node([0.6, -0.4]);
        var ens = net.Ensemble(150, 3);
        net.Connect(u[0], ens[2]);
        net.Connect(u[new[] { 1, 1 }], ens[new[] { 0, 0 }], transform: 0.5); // repeated post index: 2 × 0.5 × −0.4
        var p = net.Probe(ens, synapse: 0.03);
        var pin = net.Probe(ens, "input");
        var sim = Sim(net);
        sim.Run(0.4);
        double tol = Tol(0.06);
        Assert.That(Ideal.Mean(sim.Data[p], 0, 200, 400), Is.EqualTo(-0.4).Within(tol));
        Assert.That(Ideal.Mean(sim.Data[p], 1, 200, 400), Is.EqualTo(0.0).Within(tol));
        Assert.That(Ideal.Mean(sim.Data[p], 2, 200, 400), Is.EqualTo(0.6).Within(tol));
        // The decoded input itself is exact: two Lowpass(0.005) of constants into slices.
        var last = sim.Data[pin].Row(399).ToArray();
        double settled = Signals.DelayedLowpass(Ideal.Ones(400), 0.005)[399];
        Assert.That(last, Is.EqualTo(new[] { -0.4 * settled, 0.0, 0.6 * settled }).Within(Tol(1e-12)));
    }
}
