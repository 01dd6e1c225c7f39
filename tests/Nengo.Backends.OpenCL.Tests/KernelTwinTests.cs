using Nengo.Graph;
using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Backends.OpenCL.Tests;

/// <summary>
/// Every OpenCL kernel against its CPU twin (nengo_ocl's test_lif_step): tiny models built by hand from
/// signals and operators on random ragged inputs, run on both backends, compared signal by signal. float32
/// is compared with a relative tolerance of a few float32 ulps; float64 (where the device has it) closely.
/// </summary>
[TestFixture]
public sealed class KernelTwinTests : OpenCLTestBase
{
    private static IEnumerable<OpenCLPrecision> Both => Precisions();

    private static double Atol(OpenCLPrecision p) => p == OpenCLPrecision.Double ? 1e-12 : 2e-5;

    private static double Rtol(OpenCLPrecision p) => p == OpenCLPrecision.Double ? 1e-12 : 2e-5;

    [TestCaseSource(nameof(Both))]
    public void TimeUpdate_CountsStepsAndTime(OpenCLPrecision p)
    {
        var model = Build(0.001);
        var step = model.StepSignal;
        AssertTwins(model, 37, Atol(p), Rtol(p), p, step, model.TimeSignal);
    }

    [TestCaseSource(nameof(Both))]
    public void ResetAndCopy_GatherScatter(OpenCLPrecision p)
    {
        var rng = new Random(1);
        var src = new Signal("src", Random(rng, 13));
        var dst = new Signal("dst", Random(rng, 9));
        var acc = new Signal("acc", Random(rng, 6));
        var whole = new Signal("whole", Random(rng, 13));
        var model = Build(
            new Reset(dst.View(0, 3), 0.25),
            new Copy(src, dst.View(3, 6), srcIndices: [12, 0, 5, 5, 7, 1]),
            new Copy(src, acc, srcIndices: [1, 2, 3, 4, 5, 6, 7], dstIndices: [0, 0, 2, 5, 5, 5, 1], inc: true),
            new Copy(src, whole),
            new Copy(src.View(2, 4), acc.View(2, 4), inc: true));
        AssertTwins(model, 1, Atol(p), Rtol(p), p, dst, acc, whole);
    }

    [TestCaseSource(nameof(Both))]
    public void ElementwiseInc_Broadcasts(OpenCLPrecision p)
    {
        var rng = new Random(2);
        var y = new Signal("y", Random(rng, 7));
        var y2 = new Signal("y2", Random(rng, 1));
        var a = new Signal("a", Random(rng, 7));
        var x = new Signal("x", Random(rng, 7));
        var s = new Signal("s", Random(rng, 1));
        var t = new Signal("t", Random(rng, 1));
        var model = Build(
            new ElementwiseInc(a, x, y),
            new ElementwiseInc(s, x, y),
            new ElementwiseInc(a, t, y),
            new ElementwiseInc(s, t, y),
            new ElementwiseInc(s, t, y2));
        AssertTwins(model, 1, Atol(p), Rtol(p), p, y, y2);
    }

    [TestCaseSource(nameof(Both))]
    public void DotInc_RaggedShapes_ManyIntoOneOutput(OpenCLPrecision p)
    {
        var rng = new Random(3);
        var x1 = new Signal("x1", Random(rng, 5));
        var x2 = new Signal("x2", Random(rng, 300));
        var y1 = new Signal("y1", Random(rng, 70));
        var y2 = new Signal("y2", Random(rng, 2));
        var model = Build(
            new DotInc(Matrix(rng, "enc", 70, 5), x1, y1),
            new DotInc(Matrix(rng, "rec", 70, 300), x2, y1),
            new DotInc(Matrix(rng, "dec", 2, 300), x2, y2),
            new DotInc(Matrix(rng, "part", 3, 5, readOnly: false), x1, y1.View(10, 3)),
            new DotInc(Matrix(rng, "empty", 2, 0), Signal.Zeros("none", 0), y2));
        AssertTwins(model, 1, Atol(p) * 10, Rtol(p) * 10, p, y1, y2);
    }

    [TestCaseSource(nameof(Both))]
    public void SparseDotInc_Csr(OpenCLPrecision p)
    {
        var rng = new Random(4);
        var x = new Signal("x", Random(rng, 6));
        var y = new Signal("y", Random(rng, 4));
        var data = new Signal("data", Random(rng, 7));
        var model = Build(
            new SparseDotInc(data, [0, 5, 1, 1, 2, 3, 4], [0, 2, 2, 5, 7], x, y),
            new DotInc(Matrix(rng, "dense", 4, 6), x, y));
        AssertTwins(model, 1, Atol(p), Rtol(p), p, y);
    }

    [TestCaseSource(nameof(Both))]
    public void Convolution_AndItsTranspose(OpenCLPrecision p)
    {
        var rng = new Random(5);
        foreach (bool channelsLast in new[] { true, false })
        {
            var g = new ConvolutionGeometry(2, 5, 4, 2, 3, 2, 4, 3, 2, 2, 2, 1, 0, channelsLast, groups: 2);
            var w = new Signal("w", Random(rng, g.KernelSize));
            var x = new Signal("x", Random(rng, g.InputSize));
            var y = new Signal("y", Random(rng, g.OutputSize));
            var xt = new Signal("xt", Random(rng, g.OutputSize));
            var yt = new Signal("yt", Random(rng, g.InputSize));
            var model = Build(new ConvInc(w, x, y, g), new ConvTransposeInc(w, xt, yt, g));
            AssertTwins(model, 1, Atol(p), Rtol(p), p, y, yt);
        }
    }

    private static IEnumerable<TestCaseData> NeuronCases()
    {
        NeuronType[] types =
        [
            new LIF(), new LIF(tauRc: 0.05, tauRef: 0.001, minVoltage: -1, amplitude: 2), new LIFRate(), new RectifiedLinear(amplitude: 0.5),
            new SpikingRectifiedLinear(), new AdaptiveLIF(), new AdaptiveLIFRate(), new Sigmoid(), new Tanh(), new Izhikevich(),
            new RegularSpiking(new LIFRate()),
        ];
        foreach (var p in Precisions())
            foreach (var t in types)
                yield return new TestCaseData(t, p).SetArgDisplayNames(t.ToString().Split(' ')[0] + (t is LIF { TauRc: 0.05 } ? "(params)" : ""), p.ToString());
    }

    [TestCaseSource(nameof(NeuronCases))]
    public void Neurons_OneStep_RaggedPopulations(NeuronType type, OpenCLPrecision p)
    {
        var rng = new Random(6);
        var ops = new List<Operator>();
        var compare = new List<Signal>();
        foreach (int n in new[] { 1, 63, 64, 65, 130 })
        {
            var j = new Signal($"J{n}", Random(rng, n, type is Izhikevich ? -5 : -1, type is Izhikevich ? 30 : 8));
            var output = Signal.Zeros($"out{n}", n);
            var states = type.State.Select((s, k) => new Signal($"{s.Name}{n}",
                Random(rng, n, 0, s.Name == "refractory_time" ? 0.003 : s.Name == "recovery" ? 5 : 1))).ToList();
            if (type is Izhikevich) states[0] = new Signal($"v{n}", Random(rng, n, -70, 20));
            ops.Add(new SimNeurons(type, j, output, states));
            compare.Add(output);
            compare.AddRange(states);
        }
        // Spiking outputs are amplitude/dt: compare with a tolerance relative to them.
        AssertTwins(Build(ops.ToArray()), 1, Atol(p) * 10, Rtol(p) * 10, p, [.. compare]);
    }

    private static IEnumerable<TestCaseData> FilterCases()
    {
        foreach (var p in Precisions())
            foreach (var mode in new[] { ProcessMode.Set, ProcessMode.Inc, ProcessMode.Update })
                yield return new TestCaseData(mode, p);
    }

    [TestCaseSource(nameof(FilterCases))]
    public void LinearFilters_LowpassAlphaAndFeedThrough(ProcessMode mode, OpenCLPrecision p)
    {
        var rng = new Random(7);
        Synapse[] synapses =
        [
            new Lowpass(0.005), new Lowpass(0.02), new Alpha(0.01), new Lowpass(0),
            new LinearFilter([0.5, 1.0], [0.01, 1.0]), new LinearFilter([1.0], [1e-4, 0.02, 1.0]),
        ];
        var ops = new List<Operator>();
        var compare = new List<Signal>();
        int k = 0;
        foreach (var syn in synapses)
        {
            int n = 3 + 31 * k++;
            int order = ((LinearFilter)syn).Discretize(0.001).Order;
            var input = new Signal($"u{k}", Random(rng, n));
            var output = new Signal($"y{k}", Random(rng, n));
            var state = order == 0 ? null : new Signal($"x{k}", Random(rng, n * order));
            ops.Add(new SimProcess(syn, input, output, state, mode));
            compare.Add(output);
            if (state is not null) compare.Add(state);
        }
        AssertTwins(Build(ops.ToArray()), 5, Atol(p) * 10, Rtol(p) * 10, p, [.. compare]);
    }

    [TestCaseSource(nameof(Both))]
    public void LearningRules_PesBcmOjaVojaRls(OpenCLPrecision p)
    {
        var rng = new Random(8);
        var a = new Signal("a", Random(rng, 70, 0, 100));
        var e = new Signal("e", Random(rng, 3));
        var post = new Signal("post", Random(rng, 5, 0, 100));
        var theta = new Signal("theta", Random(rng, 5, 0, 50));
        var weights = Matrix(rng, "w", 5, 70, readOnly: false);
        var enc = Matrix(rng, "enc", 5, 3);
        var x = new Signal("x", Random(rng, 3));
        var l = new Signal("L", [0.7]);
        var invGamma = Matrix(rng, "P", 70, 70, readOnly: false);
        Signal Delta(string name, int rows, int cols) => new(name, new double[rows, cols]);
        Signal[] deltas = [Delta("pes", 3, 70), Delta("pesEnc", 5, 70), Delta("bcm", 5, 70), Delta("oja", 5, 70), Delta("voja", 5, 3), Delta("rls", 5, 70)];
        var model = Build(
            new SimPES(a, e, deltas[0], 1e-4),
            new SimPES(a, e, deltas[1], 1e-4, enc),
            new SimBCM(a, post, theta, deltas[2], 1e-9),
            new SimOja(a, post, weights, deltas[3], 1e-6, 1.0),
            new SimVoja(x, post, enc, deltas[4], Random(rng, 5, 0.5, 2), l, 1e-3),
            new SimRLS(a.View(0, 70), e, deltas[5], invGamma, enc));
        AssertTwins(model, 1, Atol(p) * 100, Rtol(p) * 10, p, [.. deltas, invGamma]);
    }

    [TestCaseSource(nameof(Both))]
    public void HostFunctions_TimeOnlyAndWithInput(OpenCLPrecision p)
    {
        var rng = new Random(9);
        var (step, time, update) = Clock();
        var outT = Signal.Zeros("f(t)", 3);
        var input = new Signal("in", Random(rng, 2));
        var outX = Signal.Zeros("g(t,x)", 2);
        var noise = Signal.Zeros("noise", 4);
        var inc = new Signal("inc", Random(rng, 2));
        var ops = new Operator[]
        {
            update,
            new SimNodeFunc((t, _, y) => { y[0] = Math.Sin(10 * t); y[1] = t; y[2] = 1; }, outT, time, null, "f"),
            new SimNodeFunc((t, x, y) => { y[0] = x[0] * t; y[1] = x[1] + x[0]; }, outX, time, input, "g"),
            new SimProcess(new WhiteNoise(), null, noise, null, ProcessMode.Set, time, "noise"),
            new SimProcess(new Triangle(0.003), input, inc, null, ProcessMode.Inc, null, "triangle inc"),
        };
        var model = Model.Create(0.001, "host", step, time, ops, [], new Dictionary<object, IReadOnlyDictionary<string, Signal>>(),
            new Dictionary<Ensemble, BuiltEnsemble>(), new Dictionary<Connection, BuiltConnection>());
        AssertTwins(model, 7, Atol(p) * 10, Rtol(p) * 10, p, outT, outX, noise, inc);
    }
}
