using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>
/// A decoder problem posed twice in one build is solved once (see SharedSolves): the results must be exactly
/// what separate solves give, and problems that only look alike (same function object, different targets) are
/// solved each for its own targets.
/// </summary>
[TestFixture]
public class SharedSolveTests
{
    [Test]
    public void AProbeOnAnEnsemble_GetsBitForBitTheDecodersOfItsIdentityConnection()
    {
        var net = new Network("shared", seed: 9);
        var a = net.Ensemble(80, 2, label: "a");
        var b = net.Ensemble(50, 2, label: "b");
        net.Connect(a, b, label: "ab");
        var probe = net.Probe(a, synapse: 0.01);
        var model = ModelBuilder.Build(net);
        var connection = model.Connections.Single(kv => kv.Key.Label == "ab").Value.Weights!.ToColumnMajorArray();
        var probed = model.Connections.Single(kv => kv.Key.Label != "ab" && ReferenceEquals(kv.Key.PreObject, a)).Value.Weights!.ToColumnMajorArray();
        Assert.That(probed.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(connection.Select(BitConverter.DoubleToInt64Bits)));
        Assert.That(probe, Is.Not.Null);
    }

    [Test]
    public void TheSameFunctionObject_WithDifferentTargets_IsSolvedForEach()
    {
        // The function returns x for its first 300 evaluations in the build and 2x afterwards. The first connection
        // sits in a subnetwork, which is built (and solved) before the parent's connections, so the two solves run one
        // after the other and the second one could reuse the first: it must not, its targets are 2Y, so its
        // decoders are exactly 2D (doubling is exact in every step of the solve). Sharing by function would give D twice.
        bool building = false;
        int calls = 0;
        Func<double, double> f = x => building && calls++ >= 300 ? 2 * x : x;
        var net = new Network("impure", seed: 9);
        var a = net.Ensemble(60, 1, nEvalPoints: 300, label: "a");
        var b = net.Ensemble(40, 1, label: "b");
        var c = net.Ensemble(40, 1, label: "c");
        var sub = net.Add(new Network("sub"));
        sub.Connect(a, b, f, label: "first");
        net.Connect(a, c, f, label: "second");
        var same = net.Connect(a, c, f, label: "same", transform: 0.5);
        building = true;
        var model = ModelBuilder.Build(net);
        Assert.That(calls, Is.EqualTo(900), "each connection evaluated the function at its own 300 points");
        double[] W(string label) => model.Connections.Single(kv => kv.Key.Label == label).Value.Weights!.ToColumnMajorArray();
        Assert.That(W("second"), Is.EqualTo(W("first").Select(w => 2 * w).ToArray()));
        Assert.That(W("same"), Is.EqualTo(W("first").Select(w => 0.5 * (2 * w)).ToArray()), "the third connection's targets are 2Y as well");
        Assert.That(same, Is.Not.Null);
    }

    // Connections out of one ensemble with different functions share its tuning curves and the factorisation of the
    // solver (DecoderSolving's SharedActivities): each must get bit for bit the decoders it gets when it is the
    // ensemble's only decoded connection. (The ensembles have their own seeds: a network's seeds for its objects
    // depend on what else it holds.)
    [TestCaseSource(nameof(FactoringSolvers))]
    public void DifferentFunctionsOfOneEnsemble_GetTheDecodersTheyGetAlone(Solver solver, int neurons, int points)
    {
        static double Square(double x) => x * x;
        static double Rectified(double x) => Math.Max(x, 0);
        double[] Alone(Func<double, double> f)
        {
            var net = new Network("n", seed: 4);
            var a = net.Ensemble(neurons, 1, nEvalPoints: points, label: "a", seed: 11);
            var b = net.Ensemble(30, 1, label: "b", seed: 12);
            net.Connect(a, b, f, solver: solver, label: "f");
            return ModelBuilder.Build(net).Connections.Single(kv => kv.Key.Label == "f").Value.Weights!.ToColumnMajorArray();
        }
        var together = new Network("n", seed: 4);
        var a = together.Ensemble(neurons, 1, nEvalPoints: points, label: "a", seed: 11);
        var b = together.Ensemble(30, 1, label: "b", seed: 12);
        together.Connect(a, b, (Func<double, double>)Square, solver: solver, label: "square");
        together.Connect(a, b, (Func<double, double>)Rectified, solver: solver, label: "rectified");
        var model = ModelBuilder.Build(together);
        double[] W(string label) => model.Connections.Single(kv => kv.Key.Label == label).Value.Weights!.ToColumnMajorArray();
        static long[] Bits(double[] v) => v.Select(BitConverter.DoubleToInt64Bits).ToArray();
        Assert.That(Bits(W("square")), Is.EqualTo(Bits(Alone(Square))));
        Assert.That(Bits(W("rectified")), Is.EqualTo(Bits(Alone(Rectified))));
        Assert.That(W("square"), Is.Not.EqualTo(W("rectified")));
    }

    private static IEnumerable<TestCaseData> FactoringSolvers()
    {
        yield return new TestCaseData(new LstsqL2(), 60, 300).SetName("LstsqL2, primal (more points than neurons)");
        yield return new TestCaseData(new LstsqL2(), 120, 80).SetName("LstsqL2, dual (fewer points than neurons)");
        yield return new TestCaseData(new NnlsL2nz(), 60, 300).SetName("NnlsL2nz");
        yield return new TestCaseData(new NnlsL2(), 60, 300).SetName("NnlsL2");
    }

    [Test]
    public void DifferentFunctionsOfOneEnsemble_ComputeItsTuningCurvesOnce()
    {
        // The neuron type counts the tuning-curve evaluations (one call per neuron column); a second connection with
        // another function out of the same ensemble must add none.
        int Evaluations(int connections)
        {
            var calls = new System.Runtime.CompilerServices.StrongBox<int>();
            var net = new Network("n", seed: 4);
            var a = net.Ensemble(70, 1, neuronType: new CountingRectifiedLinear(calls), label: "a");
            var b = net.Ensemble(30, 1, label: "b");
            net.Connect(a, b, (double x) => x * x);
            if (connections > 1) net.Connect(a, b, (double x) => -x);
            ModelBuilder.Build(net);
            return calls.Value;
        }
        int one = Evaluations(1);
        Assert.That(one, Is.GreaterThanOrEqualTo(70), "at least one evaluation per neuron");
        Assert.That(Evaluations(2), Is.EqualTo(one));
    }

    private sealed record CountingRectifiedLinear(System.Runtime.CompilerServices.StrongBox<int> Calls) : RectifiedLinear
    {
        public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates)
        {
            Interlocked.Increment(ref Calls.Value);
            base.RatesFromCurrent(current, rates);
        }
    }
}
