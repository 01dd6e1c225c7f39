using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Functions computed across decoded connections (Nengo's test_connection / test_product style): the
/// decoded output is compared, by RMSE after the first 0.1 s, with the ideal function of the input passed
/// through the same synapses (BENCHMARKS.md conventions). Node pre functions are exact.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class FunctionTests(BackendCase backend) : BackendTestBase(backend)
{
    private const int Steps = 600;
    private const int From = 100;
    private const double TauIn = 0.005, TauOut = 0.01;

    private static double Sin(double t) => Math.Sin(2 * Math.PI * 2 * t);
    private static double Cos(double t) => Math.Cos(2 * Math.PI * 2 * t);

    /// <summary>The ideal of one output column: g evaluated on the input time series, through both synapses.</summary>
    private static double[] IdealOut(Func<double, double> g) => Ideal.Lowpass(Ideal.OfTime(Steps, g), TauIn, TauOut);

    private Simulator RunFor(Network net)
    {
        var sim = Sim(net);
        sim.RunSteps(Steps);
        return sim;
    }

    [Test]
    public void Square()
    {
        var net = new Network("square", seed: 21);
        var u = net.Node(Sin);
        var ens = net.Ensemble(100, 1);
        var out_ = net.Node(sizeIn: 1);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens, out_, function: x => x * x, synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        double rmse = Signals.Rmse(sim.Data[p].ColumnArray(), IdealOut(t => Sin(t) * Sin(t)), From);
        Assert.That(rmse, Is.LessThan(Tol(0.05)));
    }

    [Test]
    public void Product()
    {
        var net = new Network("product", seed: 22);
        var u = net.Node(t => new[] { 0.7 * Sin(t), 0.7 * Cos(t) });
        var ens = net.Ensemble(200, 2);
        var out_ = net.Node(sizeIn: 1);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens, out_, function: (double[] x) => x[0] * x[1], synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        double rmse = Signals.Rmse(sim.Data[p].ColumnArray(), IdealOut(t => 0.49 * Sin(t) * Cos(t)), From);
        Assert.That(rmse, Is.LessThan(Tol(0.04)));
    }

    [Test]
    public void FunctionThenScalarTransform()
    {
        var net = new Network("square-x2", seed: 23);
        var u = net.Node(Sin);
        var ens = net.Ensemble(100, 1);
        var out_ = net.Node(sizeIn: 1);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens, out_, function: x => x * x, transform: 2.0, synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        double rmse = Signals.Rmse(sim.Data[p].ColumnArray(), IdealOut(t => 2 * Sin(t) * Sin(t)), From);
        Assert.That(rmse, Is.LessThan(Tol(0.1)));
        // And it is really twice x²: far from x² itself.
        Assert.That(Signals.Rmse(sim.Data[p].ColumnArray(), IdealOut(t => Sin(t) * Sin(t)), From), Is.GreaterThan(0.2));
    }

    [Test]
    public void MatrixTransform_2DTo3D()
    {
        var net = new Network("matrix", seed: 24);
        var u = net.Node(t => new[] { 0.7 * Sin(t), 0.7 * Cos(t) });
        var ens = net.Ensemble(150, 2);
        var out_ = net.Node(sizeIn: 3);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens, out_, transform: new double[,] { { 1, 0 }, { 0, -1 }, { 0.5, 0.5 } }, synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        var y = sim.Data[p];
        Assert.That(y.ColumnCount, Is.EqualTo(3));
        Assert.That(Signals.Rmse(y.ColumnArray(0), IdealOut(t => 0.7 * Sin(t)), From), Is.LessThan(Tol(0.05)), "row 0: x0");
        Assert.That(Signals.Rmse(y.ColumnArray(1), IdealOut(t => -0.7 * Cos(t)), From), Is.LessThan(Tol(0.05)), "row 1: −x1");
        Assert.That(Signals.Rmse(y.ColumnArray(2), IdealOut(t => 0.35 * (Sin(t) + Cos(t))), From), Is.LessThan(Tol(0.05)), "row 2: (x0 + x1)/2");
    }

    [Test]
    public void FunctionThenMatrixTransform()
    {
        // Scalar product x0·x1 fanned out to two dimensions by a (2 × 1) matrix.
        var net = new Network("function-matrix", seed: 25);
        var u = net.Node(t => new[] { 0.7 * Sin(t), 0.7 * Cos(t) });
        var ens = net.Ensemble(200, 2);
        var out_ = net.Node(sizeIn: 2);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens, out_, function: (double[] x) => x[0] * x[1], transform: new double[,] { { 1 }, { -2 } }, synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        var y = sim.Data[p];
        Assert.That(Signals.Rmse(y.ColumnArray(0), IdealOut(t => 0.49 * Sin(t) * Cos(t)), From), Is.LessThan(Tol(0.04)));
        Assert.That(Signals.Rmse(y.ColumnArray(1), IdealOut(t => -0.98 * Sin(t) * Cos(t)), From), Is.LessThan(Tol(0.08)));
    }

    [Test]
    public void VectorFunction_1DTo2D()
    {
        var net = new Network("vector-function", seed: 26);
        var u = net.Node(Sin);
        var ens = net.Ensemble(100, 1);
        var out_ = net.Node(sizeIn: 2);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens, out_, function: (double[] x) => [x[0], x[0] * x[0]], synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        var y = sim.Data[p];
        Assert.That(Signals.Rmse(y.ColumnArray(0), IdealOut(Sin), From), Is.LessThan(Tol(0.05)), "x");
        Assert.That(Signals.Rmse(y.ColumnArray(1), IdealOut(t => Sin(t) * Sin(t)), From), Is.LessThan(Tol(0.05)), "x²");
    }

    [Test]
    public void VectorFunction_2DTo2D()
    {
        var net = new Network("vector-function-2d", seed: 27);
        var u = net.Node(t => new[] { 0.7 * Sin(t), 0.7 * Cos(t) });
        var ens = net.Ensemble(200, 2);
        var out_ = net.Node(sizeIn: 2);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens, out_, function: (double[] x) => [x[0] + x[1], x[0] * x[1]], synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        var y = sim.Data[p];
        Assert.That(Signals.Rmse(y.ColumnArray(0), IdealOut(t => 0.7 * (Sin(t) + Cos(t))), From), Is.LessThan(Tol(0.06)), "x0 + x1");
        Assert.That(Signals.Rmse(y.ColumnArray(1), IdealOut(t => 0.49 * Sin(t) * Cos(t)), From), Is.LessThan(Tol(0.04)), "x0·x1");
    }

    [Test]
    public void FunctionOfPreSlice()
    {
        // The function receives the sliced value: ens[1] is the cosine component.
        var net = new Network("slice-function", seed: 28);
        var u = net.Node(t => new[] { 0.7 * Sin(t), 0.7 * Cos(t) });
        var ens = net.Ensemble(150, 2);
        var out_ = net.Node(sizeIn: 1);
        net.Connect(u, ens, synapse: TauIn);
        net.Connect(ens[1], out_, function: x => x * x, synapse: TauOut);
        var p = net.Probe(out_);
        var sim = RunFor(net);
        Assert.That(Signals.Rmse(sim.Data[p].ColumnArray(), IdealOut(t => 0.49 * Cos(t) * Cos(t)), From), Is.LessThan(Tol(0.05)));
    }

    [Test]
    public void FunctionIntoEnsemble_Squaring()
    {
        // API.md's squaring model with a larger radius: x in [−2, 2], functions see radius-scaled points.
        var net = new Network("square-radius", seed: 29);
        var u = net.Node(t => 2 * Sin(t));
        var x = net.Ensemble(100, 1, radius: 2);
        var sq = net.Ensemble(100, 1, radius: 4);
        net.Connect(u, x, synapse: TauIn);
        net.Connect(x, sq, function: v => v * v, synapse: TauOut);
        var p = net.Probe(sq, synapse: 0.02);
        var sim = RunFor(net);
        var ideal = Ideal.Lowpass(Ideal.OfTime(Steps, t => 4 * Sin(t) * Sin(t)), TauIn, TauOut, 0.02);
        Assert.That(Signals.Rmse(sim.Data[p].ColumnArray(), ideal, From), Is.LessThan(Tol(0.05 * 4)));
    }

    [Test]
    public void NodePreFunction_EvaluatedExactlyEachStep()
    {
        var net = new Network("node-function", seed: 30);
        var u = net.Node(t => new[] { t, 2 * t });
        var out_ = net.Node(sizeIn: 2);
        var filtered = net.Node(sizeIn: 1);
        net.Connect(u, out_, function: (double[] x) => [x[0] * x[1], x[1] - x[0]], synapse: null);
        net.Connect(u, filtered, function: (double[] x) => x[0] * x[1], synapse: 0.005, transform: 3.0);
        var p = net.Probe(out_);
        var pf = net.Probe(filtered);
        var sim = Sim(net);
        sim.RunSteps(50);
        var t = Ideal.Times(50);
        Signals.AssertAllclose(sim.Data[p].ColumnArray(0), Ideal.Map(t, v => v * 2 * v), atol: Tol(1e-15));
        Signals.AssertAllclose(sim.Data[p].ColumnArray(1), Ideal.Map(t, v => 2 * v - v), atol: Tol(1e-15));
        Signals.AssertAllclose(sim.Data[pf].ColumnArray(), Signals.DelayedLowpass(Ideal.Map(t, v => 3 * (v * 2 * v)), 0.005), atol: Tol(1e-12));
    }

    [Test]
    public void FunctionOutputSizeMismatch_IsValidationError()
    {
        var net = new Network("bad-function", seed: 31);
        var ens = net.Ensemble(10, 1);
        var out_ = net.Node(sizeIn: 1);
        Assert.That(() => net.Connect(ens, out_, function: (double[] x) => [x[0], x[0]]), Throws.InstanceOf<ValidationError>());
        Assert.That(net.Connections, Is.Empty, "a rejected connection is not added");
    }
}
