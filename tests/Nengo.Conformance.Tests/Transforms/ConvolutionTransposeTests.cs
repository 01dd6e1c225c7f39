using Nengo.Graph.Operators;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Transforms;

/// <summary>
/// ConvolutionTranspose (NEF.md §8) is the adjoint of the forward Convolution with the same kernel, strides and
/// padding: ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ for every x and y, i.e. convT(y)_i = ⟨conv(e_i), y⟩. Also the default
/// output size 1 + (in − 1)·s (+ k − 1 for valid) and the forward check of a given output shape.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class ConvolutionTransposeTests(BackendCase backend) : BackendTestBase(backend)
{
    /// <summary>A forward convolution from <paramref name="Spatial"/> × Channels to ? × Filters.</summary>
    public sealed record Case(int[] Spatial, int Channels, int Filters, int[] Kernel, int[] Strides, string Padding)
    {
        public override string ToString() =>
            $"{string.Join("x", Spatial)}x{Channels}->{Filters} k{string.Join("x", Kernel)} s{string.Join("x", Strides)} {Padding}";
    }

    private static readonly Case[] Cases =
    [
        new([8], 2, 3, [3], [1], "valid"),
        new([8], 2, 3, [3], [2], "valid"),   // (8 − 3 + 1)/2 = 3 positions; the default output would be 7, so 8 is given
        new([9], 1, 2, [4], [2], "same"),
        new([6, 5], 2, 3, [3, 3], [1, 1], "valid"),
        new([7, 6], 3, 2, [3, 2], [2, 2], "same"),
        new([6, 7], 2, 2, [4, 3], [2, 3], "valid"),
    ];

    private static IEnumerable<TestCaseData> AllCases() =>
        from c in Cases from last in new[] { true, false }
        select new TestCaseData(c, last).SetArgDisplayNames(c.ToString(), last ? "channelsLast" : "channelsFirst");

    /// <summary>The float64 round-off allowed on sums whose terms add up (in absolute value) to <paramref name="bound"/>, scaled for the backend.</summary>
    private double RoundOff(double bound) => Tol(1e-12) * (1 + bound);

    [TestCaseSource(nameof(AllCases))]
    public void IsTheAdjointOfTheForwardConvolution(Case c, bool channelsLast)
    {
        var rng = new Random(c.ToString().Aggregate(29, (h, ch) => (h * 31 + ch) & 0xffffff) + (channelsLast ? 1 : 0));
        int positions = c.Kernel.Aggregate(1, (a, b) => a * b);
        var kernel = ConvReference.Random(rng, positions * c.Channels * c.Filters);
        var inShape = ConvReference.Shape(c.Spatial, c.Channels, channelsLast);
        var conv = new Convolution(c.Filters, inShape, c.Kernel, c.Strides, c.Padding, channelsLast, init: kernel);
        var convT = new ConvolutionTranspose(c.Channels, [.. conv.OutputShape], inShape, c.Kernel, c.Strides, c.Padding, channelsLast, init: kernel);
        Assert.That(convT.OutputShape, Is.EqualTo(inShape));
        Assert.That(convT.KernelShape, Is.EqualTo(conv.KernelShape), "both directions use the same kernel array");
        int nIn = conv.SizeIn!.Value, nOut = conv.SizeOut!.Value;
        Assert.That((convT.SizeIn, convT.SizeOut), Is.EqualTo(((int?)nOut, (int?)nIn)));

        // Three random pairs (x, y) through both transforms in one network.
        var net = new Network("adjoint", seed: 4);
        var pairs = Enumerable.Range(0, 3).Select(_ => (X: ConvReference.Random(rng, nIn), Y: ConvReference.Random(rng, nOut))).ToArray();
        var probes = pairs.Select(p =>
        {
            var fwd = net.Node(sizeIn: nOut);
            var back = net.Node(sizeIn: nIn);
            net.Connect(net.Node(p.X), fwd, synapse: null, transform: conv);
            net.Connect(net.Node(p.Y), back, synapse: null, transform: convT);
            return (Fwd: net.Probe(fwd), Back: net.Probe(back));
        }).ToArray();
        var sim = Sim(net);
        sim.RunSteps(1);
        Assert.That(sim.Model.Operators.OfType<ConvTransposeInc>().Count(), Is.EqualTo(3));

        for (int k = 0; k < pairs.Length; k++)
        {
            var fx = sim.Data[probes[k].Fwd].Row(0).ToArray();
            var ty = sim.Data[probes[k].Back].Row(0).ToArray();
            double lhs = ConvReference.Dot(fx, pairs[k].Y), rhs = ConvReference.Dot(pairs[k].X, ty);
            double termSum = ConvReference.Dot(ConvReference.Conv(ConvReference.Abs(channelsLast ? pairs[k].X : ConvReference.ToChannelsLast(pairs[k].X, c.Channels)),
                c.Spatial, c.Channels, ConvReference.Abs(kernel), c.Kernel, c.Strides, c.Padding, c.Filters, 1), ConvReference.Abs(channelsLast ? pairs[k].Y : ConvReference.ToChannelsLast(pairs[k].Y, c.Filters)));
            Assert.That(rhs, Is.EqualTo(lhs).Within(RoundOff(termSum)), $"pair {k}: <conv(x), y> = <x, convT(y)>");

            // Complete check of convT(y): component i is <conv(e_i), y>, with conv from the independent reference.
            var expected = new double[nIn];
            var bound = new double[nIn];
            for (int i = 0; i < nIn; i++)
            {
                var e = new double[nIn];
                e[i] = 1;
                var eLast = channelsLast ? e : ConvReference.ToChannelsLast(e, c.Channels);
                var ce = ConvReference.Conv(eLast, c.Spatial, c.Channels, kernel, c.Kernel, c.Strides, c.Padding, c.Filters, 1); // e_i is one-hot, so |conv(e_i)| = conv(e_i; |W|)
                if (!channelsLast) ce = ConvReference.ToChannelsFirst(ce, c.Filters);
                expected[i] = ConvReference.Dot(ce, pairs[k].Y);
                bound[i] = ConvReference.Dot(ce.Select(Math.Abs).ToArray(), ConvReference.Abs(pairs[k].Y));
            }
            Signals.AssertAllclose(ty, expected, RoundOff(bound.Max()), what: $"convT(y), pair {k}");
        }
    }

    [TestCase(4, 3, 1, "valid", 6)]
    [TestCase(4, 3, 2, "valid", 9)]
    [TestCase(4, 3, 2, "same", 7)]
    [TestCase(5, 1, 3, "same", 13)]
    [TestCase(5, 1, 3, "valid", 13)]
    [TestCase(3, 5, 1, "same", 3)]
    [TestCase(1, 4, 2, "valid", 4)]
    public void DefaultOutputSize(int input, int kernel, int stride, string padding, int expected)
    {
        var t1 = new ConvolutionTranspose(3, [input, 2], kernelSize: [kernel], strides: [stride], padding: padding);
        Assert.That(t1.OutputShape, Is.EqualTo(new[] { expected, 3 }));
        Assert.That((t1.SizeIn, t1.SizeOut), Is.EqualTo(((int?)input * 2, (int?)expected * 3)));
        var t2 = new ConvolutionTranspose(3, [2, input, 2], kernelSize: [kernel, 1], strides: [stride, 2], padding: padding, channelsLast: false);
        Assert.That(t2.OutputShape, Is.EqualTo(new[] { 3, expected, 3 }));
    }

    [Test]
    public void GivenOutputShapeIsCheckedByRunningTheShapeForward()
    {
        // 3 positions, stride 2, "same": outputs of 5 (the default) and 6 both convolve back to ceil(n/2) = 3.
        Assert.That(new ConvolutionTranspose(1, [3, 1], kernelSize: [3], strides: [2], padding: "same").OutputShape, Is.EqualTo(new[] { 5, 1 }));
        Assert.That(new ConvolutionTranspose(1, [3, 1], [6, 1], [3], [2], "same").OutputShape, Is.EqualTo(new[] { 6, 1 }));
        var e = Assert.Throws<ValidationError>(() => _ = new ConvolutionTranspose(1, [3, 1], [7, 1], [3], [2], "same"))!;
        Assert.That(e.Message, Does.Contain("outputShape").And.Contain("(3)").And.Contain("(4)"));
        e = Assert.Throws<ValidationError>(() => _ = new ConvolutionTranspose(2, [3, 3, 1], [5, 5, 1], strides: [2, 2], padding: "same"))!;
        Assert.That(e.Message, Does.Contain("outputShape").And.Contain("nFilters (2) channels"));
        e = Assert.Throws<ValidationError>(() => _ = new ConvolutionTranspose(1, [3, 3, 1], [5, 1]))!;
        Assert.That(e.Message, Does.Contain("outputShape").And.Contain("3 entries"));
    }
}
