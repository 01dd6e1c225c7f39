using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Eval points (NEF.md §1.2, §1.4): the default count max(clip(500·d, 750, 2500), 2·n), radius scaling of
/// every eval point (explicit arrays included), and connection eval points.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class EvalPointTests(BackendCase backend) : BackendTestBase(backend)
{
    [TestCase(10, 1, 750)]
    [TestCase(392, 1, 784)]
    [TestCase(100, 2, 1000)]
    [TestCase(1290, 4, 2580)]
    [TestCase(20, 9, 2500)]
    [TestCase(50, 3, 1500)]
    public void DefaultCount(int n, int d, int expected)
    {
        var net = new Network("eval-count", seed: 91);
        var ens = net.Ensemble(n, d);
        var b = Sim(net).Data[ens];
        Assert.That(b.EvalPoints.RowCount, Is.EqualTo(expected));
        Assert.That(b.EvalPoints.ColumnCount, Is.EqualTo(d));
    }

    [Test]
    public void NEvalPoints_Honoured()
    {
        var net = new Network("eval-n", seed: 92);
        var ens = net.Ensemble(20, 2, nEvalPoints: 123);
        Assert.That(Sim(net).Data[ens].EvalPoints.RowCount, Is.EqualTo(123));
    }

    [Test]
    public void DefaultPoints_FillTheRadiusBall([Values(1.0, 3.0)] double radius)
    {
        var net = new Network("eval-ball", seed: 93);
        var one = net.Ensemble(20, 1, radius: radius);
        var two = net.Ensemble(20, 2, radius: radius);
        var sim = Sim(net);
        var p1 = sim.Data[one].EvalPoints.Column(0);
        Assert.That(p1.Maximum(), Is.GreaterThan(0.95 * radius).And.LessThanOrEqualTo(radius * (1 + 1e-12)));
        Assert.That(p1.Minimum(), Is.LessThan(-0.95 * radius).And.GreaterThanOrEqualTo(-radius * (1 + 1e-12)));
        var p2 = sim.Data[two].EvalPoints;
        double maxNorm = Enumerable.Range(0, p2.RowCount).Max(i => p2.Row(i).L2Norm());
        Assert.That(maxNorm, Is.GreaterThan(0.9 * radius).And.LessThanOrEqualTo(radius * (1 + 1e-12)), "volume points, within the radius");
    }

    [Test]
    public void ExplicitArray_ScaledByRadius()
    {
        var pts = new double[,] { { 0.5, 0 }, { -1, 0.25 }, { 0.1, 0.2 } };
        var net = new Network("eval-explicit", seed: 94);
        var ens = net.Ensemble(10, 2, radius: 2, evalPoints: pts);
        var b = Sim(net).Data[ens];
        Assert.That(b.EvalPoints.ToArray(), Is.EqualTo(new double[,] { { 1, 0 }, { -2, 0.5 }, { 0.2, 0.4 } }).Within(1e-15));
    }

    [Test]
    public void ExplicitArray_LengthWinsOverNEvalPoints()
    {
        var pts = new double[,] { { 0.5 }, { -0.5 }, { 0.1 }, { 0.9 } };
        var net = new Network("eval-explicit-n", seed: 95);
        var ens = net.Ensemble(10, 1, evalPoints: pts, nEvalPoints: 100);
        Assert.That(Sim(net).Data[ens].EvalPoints.RowCount, Is.EqualTo(4));
    }

    [Test]
    public void DistributionEvalPoints_ScaledByRadius()
    {
        var net = new Network("eval-dist", seed: 96);
        var ens = net.Ensemble(10, 1, radius: 2, evalPoints: new Uniform(0, 0.5), nEvalPoints: 200);
        var p = Sim(net).Data[ens].EvalPoints.Column(0);
        Assert.That(p.Count, Is.EqualTo(200));
        Assert.That(p.Minimum(), Is.GreaterThanOrEqualTo(0.0));
        Assert.That(p.Maximum(), Is.LessThanOrEqualTo(1.0).And.GreaterThan(0.8));
    }

    [Test]
    public void Connection_DefaultsToEnsembleEvalPoints()
    {
        var net = new Network("conn-eval-default", seed: 97);
        var a = net.Ensemble(20, 1, radius: 1.5);
        var out_ = net.Node(sizeIn: 1);
        var conn = net.Connect(a, out_);
        var sim = Sim(net);
        Assert.That(sim.Data[conn].EvalPoints!.ToArray(), Is.EqualTo(sim.Data[a].EvalPoints.ToArray()));
    }

    [Test]
    public void Connection_OwnEvalPoints_ScaledUnlessDisabled()
    {
        var pts = new double[,] { { 0.5 }, { -1 }, { 0.25 }, { 0.75 }, { -0.3 } };
        var net = new Network("conn-eval", seed: 98);
        var a = net.Ensemble(20, 1, radius: 2);
        var out_ = net.Node(sizeIn: 1);
        var scaled = net.Connect(a, out_, evalPoints: pts);
        var unscaled = net.Connect(a, out_, evalPoints: pts, scaleEvalPoints: false);
        var sim = Sim(net);
        Assert.That(sim.Data[scaled].EvalPoints!.Column(0).ToArray(), Is.EqualTo(new[] { 1.0, -2, 0.5, 1.5, -0.6 }).Within(1e-15));
        Assert.That(sim.Data[unscaled].EvalPoints!.Column(0).ToArray(), Is.EqualTo(new[] { 0.5, -1, 0.25, 0.75, -0.3 }).Within(1e-15));
    }

    [Test]
    public void Functions_SeeRadiusScaledPoints()
    {
        double maxSeen = 0;
        var net = new Network("function-points", seed: 99);
        var a = net.Ensemble(20, 1, radius: 3);
        var out_ = net.Node(sizeIn: 1);
        net.Connect(a, out_, function: x => { maxSeen = Math.Max(maxSeen, Math.Abs(x)); return x; });
        Sim(net);
        Assert.That(maxSeen, Is.GreaterThan(2.8).And.LessThanOrEqualTo(3.0 + 1e-12));
    }
}
