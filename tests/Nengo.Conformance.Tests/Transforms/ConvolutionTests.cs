using Nengo.Graph.Operators;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Transforms;

/// <summary>
/// Convolution transforms (NEF.md §8) on Node → Node connections with <c>synapse: null</c> (same step, no filter):
/// 1-D and 2-D, valid and same padding, strides, both channel layouts and groups, against the nested-loop
/// <see cref="ConvReference"/>; kernel initialisation; output sizes.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class ConvolutionTests(BackendCase backend) : BackendTestBase(backend)
{
    public sealed record Case(int[] Spatial, int Channels, int Filters, int[] Kernel, int[] Strides, string Padding, int Groups)
    {
        public override string ToString() =>
            $"{string.Join("x", Spatial)}x{Channels}->{Filters} k{string.Join("x", Kernel)} s{string.Join("x", Strides)} {Padding}{(Groups > 1 ? $" g{Groups}" : "")}";
    }

    private static readonly Case[] Cases =
    [
        new([9], 2, 3, [3], [1], "valid", 1),
        new([10], 2, 2, [4], [3], "same", 1),
        new([8], 4, 4, [3], [2], "valid", 2),
        new([7], 3, 2, [2], [2], "same", 1),
        new([6, 5], 2, 3, [3, 3], [1, 1], "valid", 1),
        new([7, 6], 3, 2, [3, 2], [2, 1], "same", 1),
        new([5, 7], 4, 6, [2, 3], [2, 2], "same", 2),
        new([6, 6], 2, 2, [4, 4], [1, 1], "same", 1),   // even kernel: padding 1 before, 2 after
        new([4, 4], 1, 3, [4, 4], [1, 1], "valid", 1),  // a single output position
        new([8, 9], 3, 3, [3, 3], [3, 2], "valid", 3),  // depthwise
    ];

    private static IEnumerable<TestCaseData> AllCases() =>
        from c in Cases from last in new[] { true, false }
        select new TestCaseData(c, last).SetArgDisplayNames(c.ToString(), last ? "channelsLast" : "channelsFirst");

    /// <summary>The float64 round-off allowed on sums whose terms add up (in absolute value) to <paramref name="bound"/>, scaled for the backend.</summary>
    private double RoundOff(double bound) => Tol(1e-12) * (1 + bound);

    /// <summary>Runs x through the transform (Node → Node, no synapse) and returns the output after one step.</summary>
    private (double[] Output, Connection Connection, Simulator Sim) Run(Transform t, double[] x)
    {
        var net = new Network("conv", seed: 3);
        var src = net.Node(x);
        var dst = net.Node(sizeIn: t.SizeOut!.Value);
        var conn = net.Connect(src, dst, synapse: null, transform: t, seed: 17);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(2);
        var d = sim.Data[p];
        return (d.Row(d.RowCount - 1).ToArray(), conn, sim);
    }

    [TestCaseSource(nameof(AllCases))]
    public void MatchesNestedLoopReference(Case c, bool channelsLast)
    {
        var rng = new Random(c.ToString().Aggregate(17, (h, ch) => (h * 31 + ch) & 0xffffff) + (channelsLast ? 1 : 0));
        int positions = c.Kernel.Aggregate(1, (a, b) => a * b);
        var kernel = ConvReference.Random(rng, positions * (c.Channels / c.Groups) * c.Filters);
        int inSize = c.Spatial.Aggregate(1, (a, b) => a * b) * c.Channels;
        var xLast = ConvReference.Random(rng, inSize);
        var expectedLast = ConvReference.Conv(xLast, c.Spatial, c.Channels, kernel, c.Kernel, c.Strides, c.Padding, c.Filters, c.Groups);
        var outSpatial = ConvReference.OutSpatial(c.Spatial, c.Kernel, c.Strides, c.Padding);

        var t = new Convolution(c.Filters, ConvReference.Shape(c.Spatial, c.Channels, channelsLast), c.Kernel, c.Strides, c.Padding,
            channelsLast, init: kernel, groups: c.Groups);
        Assert.That(t.OutputShape, Is.EqualTo(ConvReference.Shape(outSpatial, c.Filters, channelsLast)), "output shape");
        Assert.That(t.KernelShape, Is.EqualTo(c.Kernel.Concat([c.Channels / c.Groups, c.Filters])), "kernel shape");

        var x = channelsLast ? xLast : ConvReference.ToChannelsFirst(xLast, c.Channels);
        var expected = channelsLast ? expectedLast : ConvReference.ToChannelsFirst(expectedLast, c.Filters);
        var (y, _, _) = Run(t, x);
        double bound = ConvReference.Conv(ConvReference.Abs(xLast), c.Spatial, c.Channels, ConvReference.Abs(kernel), c.Kernel, c.Strides, c.Padding, c.Filters, c.Groups).Max();
        Signals.AssertAllclose(y, expected, RoundOff(bound), what: "convolution output");
    }

    [Test]
    public void RunsAsOneConvIncAndReportsTheKernelAsWeights()
    {
        var kernel = Enumerable.Range(0, 3 * 3 * 2 * 4).Select(i => 0.01 * i).ToArray();
        var t = new Convolution(4, [5, 5, 2], init: kernel);
        var (_, conn, sim) = Run(t, new double[50]);
        Assert.That(sim.Model.Operators.OfType<ConvInc>().Count(), Is.EqualTo(1));
        var w = sim.Data[conn].Weights!;
        Assert.That((w.RowCount, w.ColumnCount), Is.EqualTo((9, 8)), "one row per kernel position, one column per (channel, filter)");
        for (int p = 0; p < 9; p++)
            for (int j = 0; j < 8; j++) Assert.That(w[p, j], Is.EqualTo(kernel[p * 8 + j]));
    }

    [Test]
    public void DistributionInitIsDrawnOncePerKernelPosition()
    {
        var dist = new IndexDistribution();
        var t = new Convolution(4, [6, 5, 4], kernelSize: [2, 3], init: dist, groups: 2);
        var x = ConvReference.Random(new Random(5), 6 * 5 * 4);
        var (y, conn, sim) = Run(t, x);
        Assert.That(dist.Calls, Is.EqualTo(new[] { (6, 8) }), "one (kernel positions, channels/groups · filters) draw");
        // Row p of the draw is kernel position p; its columns run over (channel, filter).
        var kernel = Enumerable.Range(0, 6 * 8).Select(i => 1000.0 * (i / 8) + i % 8).ToArray();
        Assert.That(sim.Data[conn].Weights!.ToRowMajorArray(), Is.EqualTo(kernel));
        var expected = ConvReference.Conv(x, [6, 5], 4, kernel, [2, 3], [1, 1], "valid", 4, 2);
        Signals.AssertAllclose(y, expected, RoundOff(ConvReference.Conv(ConvReference.Abs(x), [6, 5], 4, kernel, [2, 3], [1, 1], "valid", 4, 2).Max()), what: "output with the drawn kernel");
    }

    [Test]
    public void DefaultInitIsUniformMinusOneToOneAndSeeded()
    {
        var t = new Convolution(5, [6, 6, 3]);
        Assert.That(t.Init, Is.EqualTo(new Uniform(-1, 1)));
        var x = ConvReference.Random(new Random(8), 108);
        var (y1, c1, s1) = Run(t, x);
        var (y2, c2, s2) = Run(t, x);
        var w1 = s1.Data[c1].Weights!.ToRowMajorArray();
        Assert.That(w1, Has.Length.EqualTo(3 * 3 * 3 * 5));
        Assert.That(w1.Min(), Is.GreaterThanOrEqualTo(-1.0));
        Assert.That(w1.Max(), Is.LessThan(1.0));
        Assert.That(w1.Distinct().Count(), Is.EqualTo(w1.Length), "every kernel element is its own draw");
        Assert.That(s2.Data[c2].Weights!.ToRowMajorArray(), Is.EqualTo(w1), "the same connection seed draws the same kernel");
        Assert.That(y2, Is.EqualTo(y1));
        Signals.AssertAllclose(y1, ConvReference.Conv(x, [6, 6], 3, w1, [3, 3], [1, 1], "valid", 5, 1), RoundOff(27), what: "output");
    }

    [TestCase(7, 3, 1, "valid", 5)]
    [TestCase(7, 3, 2, "valid", 3)]
    [TestCase(7, 3, 2, "same", 4)]
    [TestCase(6, 3, 3, "valid", 2)]
    [TestCase(6, 3, 3, "same", 2)]
    [TestCase(5, 5, 1, "valid", 1)]
    [TestCase(5, 5, 4, "same", 2)]
    [TestCase(4, 1, 5, "valid", 1)]
    public void OutputSizeRules(int input, int kernel, int stride, string padding, int expected)
    {
        var t1 = new Convolution(2, [input, 3], [kernel], [stride], padding);
        Assert.That(t1.OutputShape, Is.EqualTo(new[] { expected, 2 }));
        Assert.That((t1.SizeIn, t1.SizeOut), Is.EqualTo(((int?)input * 3, (int?)expected * 2)));
        var t2 = new Convolution(2, [3, input, input], [kernel, 1], [stride, 1], padding, channelsLast: false);
        Assert.That(t2.OutputShape, Is.EqualTo(new[] { 2, expected, input }));
    }

    [Test]
    public void TimeVaryingInputFromNeuronsPre()
    {
        // Neurons → Node: the convolution acts on the neuron outputs (spikes/dt) every step, with no delay.
        var net = new Network("conv-neurons", seed: 11);
        var ens = net.Ensemble(12, 1);
        var kernel = ConvReference.Random(new Random(2), 3 * 2 * 2);
        var t = new Convolution(2, [6, 2], [3], init: kernel);
        var dst = net.Node(sizeIn: 8);
        net.Connect(net.Node(t => Math.Sin(10 * t)), ens);
        net.Connect(ens.Neurons, dst, synapse: null, transform: t);
        var pn = net.Probe(ens.Neurons, "output");
        var pd = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(200);
        var spikes = sim.Data[pn];
        var outs = sim.Data[pd];
        Assert.That(spikes.Enumerate().Count(v => v != 0), Is.GreaterThan(10), "the neurons spike");
        for (int k = 0; k < 200; k++)
            Signals.AssertAllclose(outs.Row(k).ToArray(),
                ConvReference.Conv(spikes.Row(k).ToArray(), [6], 2, kernel, [3], [1], "valid", 2, 1),
                RoundOff(ConvReference.Conv(spikes.Row(k).ToArray(), [6], 2, ConvReference.Abs(kernel), [3], [1], "valid", 2, 1).Max()), what: $"step {k}");
    }
}
