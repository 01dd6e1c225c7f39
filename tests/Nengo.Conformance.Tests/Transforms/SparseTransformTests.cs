using Nengo.Graph.Operators;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Transforms;

/// <summary>
/// Sparse transforms (NEF.md §8, SparseDotInc in §9.2): y = S·x for the listed (row, column) entries, repeated
/// positions summed, on Node → Node (<c>synapse: null</c>, same step) and Neurons → Node connections.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class SparseTransformTests(BackendCase backend) : BackendTestBase(backend)
{
    private static readonly int[,] Indices = { { 3, 1 }, { 0, 0 }, { 4, 6 }, { 0, 5 }, { 3, 1 }, { 2, 2 }, { 0, 3 }, { 4, 0 } };
    private static readonly double[] Values = [0.5, -1.25, 2.0, 0.75, 0.3, -0.4, 1.5, -2.5];
    private static readonly double[] X = [0.9, -0.3, 0.2, 1.1, -0.7, 0.4, -1.6];

    /// <summary>The dense product written out from the entries.</summary>
    private static double[] Product(int rows, int[,] indices, double[] values, double[] x)
    {
        var y = new double[rows];
        for (int k = 0; k < values.Length; k++) y[indices[k, 0]] += values[k] * x[indices[k, 1]];
        return y;
    }

    /// <summary>The float64 round-off allowed on sums whose terms add up (in absolute value) to <paramref name="bound"/>, scaled for the backend.</summary>
    private double RoundOff(double bound) => Tol(1e-12) * (1 + bound);

    /// <summary>Σ|S_ij·x_j| per row, maximised over the rows.</summary>
    private static double Bound(int rows, int[,] indices, double[] values, double[] x) =>
        Product(rows, indices, values.Select(Math.Abs).ToArray(), x.Select(Math.Abs).ToArray()).Max();

    private (double[] Output, Connection Connection, Simulator Sim) Run(Transform t, double[] x, int rows)
    {
        var net = new Network("sparse", seed: 2);
        var dst = net.Node(sizeIn: rows);
        var conn = net.Connect(net.Node(x), dst, synapse: null, transform: t, seed: 9);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(2);
        var d = sim.Data[p];
        return (d.Row(d.RowCount - 1).ToArray(), conn, sim);
    }

    [Test]
    public void NodeToNode_EqualsTheDenseProduct()
    {
        // Row 1 is empty, (3, 1) is listed twice (the two values add), and the entries are not in row order.
        var (y, conn, sim) = Run(new Sparse(5, 7, Indices, Values), X, 5);
        var expected = Product(5, Indices, Values, X);
        Assert.That(expected[1], Is.EqualTo(0.0));
        Signals.AssertAllclose(y, expected, RoundOff(Bound(5, Indices, Values, X)), what: "S·x");
        Assert.That(sim.Model.Operators.OfType<SparseDotInc>().Single().Data.Size, Is.EqualTo(8));
        Assert.That(sim.Model.Operators.OfType<DotInc>(), Is.Empty);

        var w = sim.Data[conn].Weights!;
        Assert.That((w.RowCount, w.ColumnCount), Is.EqualTo((5, 7)), "Weights is the dense equivalent");
        Assert.That(w[3, 1], Is.EqualTo(0.8).Within(1e-15));
        Assert.That(w[1, 4], Is.EqualTo(0.0));
        Signals.AssertAllclose((w * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(X)).ToArray(), expected, 1e-14, what: "W·x");
    }

    [Test]
    public void ScalarInitGivesEveryEntryTheSameValue()
    {
        var (y, _, _) = Run(new Sparse(5, 7, Indices, init: -2.0), X, 5);
        Signals.AssertAllclose(y, Product(5, Indices, Enumerable.Repeat(-2.0, 8).ToArray(), X), RoundOff(10), what: "S·x");
        var (y1, _, _) = Run(new Sparse(5, 7, Indices), X, 5);
        Signals.AssertAllclose(y1, Product(5, Indices, Enumerable.Repeat(1.0, 8).ToArray(), X), RoundOff(5), what: "default init 1");
    }

    [Test]
    public void FromADenseMatrixTakesItsNonzeroEntries()
    {
        var m = new double[,] { { 0, 2, 0 }, { 0, 0, 0 }, { -1, 0, 3.5 }, { 0, 0.25, 0 } };
        var s = new Sparse(m);
        Assert.That((s.Rows, s.Cols, s.NonZeros), Is.EqualTo((4, 3, 4)));
        var x = new[] { 0.3, -0.8, 1.7 };
        var (y, _, _) = Run(s, x, 4);
        Signals.AssertAllclose(y, [2 * -0.8, 0, -0.3 + 3.5 * 1.7, 0.25 * -0.8], RoundOff(7), what: "S·x");
    }

    [Test]
    public void DistributionInitIsDrawnOncePerEntryAtBuildTime()
    {
        var dist = new IndexDistribution();
        var t = new Sparse(5, 7, Indices, dist);
        Assert.That(dist.Calls, Is.Empty, "nothing is drawn before the build");
        var (y, conn, _) = Run(t, X, 5);
        Assert.That(dist.Calls, Is.EqualTo(new[] { (8, 1) }), "k scalar draws");
        var drawn = Enumerable.Range(0, 8).Select(i => 1000.0 * i).ToArray();
        Signals.AssertAllclose(y, Product(5, Indices, drawn, X), RoundOff(Bound(5, Indices, drawn, X)), what: "S·x with the drawn values, in index order");

        var (yu, cu, su) = Run(new Sparse(5, 7, Indices, new Uniform(2, 3)), X, 5);
        var w = su.Data[cu].Weights!;
        var values = Enumerable.Range(0, 8).Select(k => w[Indices[k, 0], Indices[k, 1]]).ToArray();
        Assert.That(w.Enumerate().Count(v => v != 0), Is.EqualTo(7), "7 distinct positions");
        Assert.That(values.Where((_, k) => k is not (0 or 4)).All(v => v is >= 2 and < 3), Is.True);
        Signals.AssertAllclose((w * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(X)).ToArray(), yu, RoundOff(20), what: "output = W·x");
    }

    [Test]
    public void TimeVaryingInputEveryStep()
    {
        var net = new Network("sparse-t", seed: 2);
        var dst = net.Node(sizeIn: 5);
        net.Connect(net.Node(t => X.Select((v, i) => v * Math.Cos(7 * t + i)).ToArray()), dst, synapse: null, transform: new Sparse(5, 7, Indices, Values));
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(50);
        for (int k = 0; k < 50; k++)
        {
            double t = (k + 1) * 0.001;
            var x = X.Select((v, i) => v * Math.Cos(7 * t + i)).ToArray();
            Signals.AssertAllclose(sim.Data[p].Row(k).ToArray(), Product(5, Indices, Values, x), RoundOff(Bound(5, Indices, Values, x)), what: $"step {k + 1}");
        }
    }

    [Test]
    public void NeuronsPre_ActsOnTheNeuronOutputs()
    {
        var net = new Network("sparse-neurons", seed: 21);
        var ens = net.Ensemble(10, 1);
        net.Connect(net.Node(t => Math.Sin(8 * t)), ens);
        int[,] idx = { { 0, 0 }, { 0, 9 }, { 1, 3 }, { 2, 4 }, { 2, 5 }, { 2, 6 } };
        double[] vals = [0.001, -0.002, 0.003, 0.0005, 0.0005, -0.001];
        var dst = net.Node(sizeIn: 3);
        net.Connect(ens.Neurons, dst, synapse: null, transform: new Sparse(3, 10, idx, vals));
        var pn = net.Probe(ens.Neurons, "output");
        var pd = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(300);
        Assert.That(sim.Data[pn].Enumerate().Count(v => v != 0), Is.GreaterThan(10), "the neurons spike");
        for (int k = 0; k < 300; k++)
            Signals.AssertAllclose(sim.Data[pd].Row(k).ToArray(), Product(3, idx, vals, sim.Data[pn].Row(k).ToArray()),
                RoundOff(Bound(3, idx, vals, sim.Data[pn].Row(k).ToArray())), what: $"step {k}");
    }

    [Test]
    public void DirectModeEnsemblePreIsAllowed()
    {
        var net = new Network("sparse-direct", seed: 1);
        var ens = net.Ensemble(1, 7, neuronType: new Direct());
        net.Connect(net.Node(X), ens, synapse: null);
        var dst = net.Node(sizeIn: 5);
        net.Connect(ens, dst, synapse: null, transform: new Sparse(5, 7, Indices, Values));
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(2);
        Signals.AssertAllclose(sim.Data[p].Row(1).ToArray(), Product(5, Indices, Values, X), RoundOff(Bound(5, Indices, Values, X)), what: "S·x");
    }
}
