using Nengo.Testing;
using NUnit.Framework;
using static Nengo.Conformance.Tests.Learning.LearningData;

namespace Nengo.Conformance.Tests.Learning;

/// <summary>
/// PES (NEF.md §7): Δ = −(η·dt/n)·e·aᵀ on the decoders, computed as an update in step k from that step's
/// error and filtered activities and added into the weights at the start of step k + 1.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class PesTests(BackendCase backend) : BackendTestBase(backend)
{
    private const double Dt = 0.001;

    /// <summary>stim → pre → post with zero initial decoders learned by PES; error = post − stim into the rule.</summary>
    private (Simulator Sim, Probe Error) Channel(LearningRuleType rule, double seconds, bool intoNeurons = false, int seed = 3)
    {
        var net = new Network("learned-channel", seed: seed);
        var stim = net.Node(t => 0.8 * Math.Cos(Math.PI * t));
        var pre = net.Ensemble(60, 1);
        var post = net.Ensemble(60, 1);
        net.Connect(stim, pre);
        var conn = intoNeurons
            ? net.Connect(pre, post.Neurons, transform: new double[60, 1], learningRule: rule)
            : net.Connect(pre, post, function: _ => 0.0, learningRule: rule);
        net.Connect(post, conn.LearningRule!);
        net.Connect(stim, conn.LearningRule!, transform: -1.0);
        var error = net.Probe(conn.LearningRule!, "error");
        var sim = Sim(net);
        sim.Run(seconds);
        return (sim, error);
    }

    private static double ErrorRms(Simulator sim, Probe error, double from, double to)
    {
        var e = sim.Data[error];
        double s = 0; int n = 0;
        for (int k = (int)Math.Round(from / Dt); k < (int)Math.Round(to / Dt); k++) { s += e[k, 0] * e[k, 0]; n++; }
        return Math.Sqrt(s / n);
    }

    [Test]
    public void Pes_LearnsCommunicationChannel()
    {
        var (sim, error) = Channel(new PES(learningRate: 1e-3), 3.0);
        double early = ErrorRms(sim, error, 0.0, 0.05), late = ErrorRms(sim, error, 2.0, 3.0);
        Assert.That(early, Is.GreaterThan(0.2), "the decoders start at zero and the target at 0.8, so the error starts large");
        Assert.That(late, Is.LessThan(Tol(0.1)), $"error RMSE over the last second (first 50 ms: {early:F3})");

        var (still, stillError) = Channel(new PES(learningRate: 0.0), 3.0);
        Assert.That(ErrorRms(still, stillError, 2.0, 3.0), Is.GreaterThan(0.4), "control: with η = 0 nothing is learned");
    }

    [Test]
    public void Pes_IntoNeurons_LearnsCommunicationChannel()
    {
        // Post Neurons: the rule's input is the post ensemble's 1-D error, projected through its scaled encoders.
        // Into neurons the error is scaled by the post gains through E, so the same speed needs a smaller η.
        var (sim, error) = Channel(new PES(learningRate: 1e-4), 3.0, intoNeurons: true);
        double early = ErrorRms(sim, error, 0.0, 0.05), late = ErrorRms(sim, error, 2.0, 3.0);
        Assert.That(early, Is.GreaterThan(0.2));
        Assert.That(late, Is.LessThan(Tol(0.1)), $"error RMSE over the last second (first 50 ms: {early:F3})");
    }

    /// <summary>pre (n neurons) → Node with PES; a constant error 1 enters the rule with no synapse.</summary>
    private (Simulator Sim, Connection Conn, Probe W, Probe Delta, Probe Error, Probe Activities) Timing(double lr, int steps)
    {
        var net = new Network("pes-timing", seed: 11);
        var stim = net.Node(0.5);
        var pre = net.Ensemble(20, 1);
        var sink = net.Node(sizeIn: 1);
        net.Connect(stim, pre);
        var conn = net.Connect(pre, sink, learningRule: new PES(learningRate: lr));
        net.Connect(net.Node(1.0), conn.LearningRule!, synapse: null);
        var w = net.Probe(conn, "weights");
        var delta = net.Probe(conn.LearningRule!, "delta");
        var err = net.Probe(conn.LearningRule!, "error");
        var act = net.Probe(conn.LearningRule!, "activities");
        var sim = Sim(net);
        sim.RunSteps(steps);
        return (sim, conn, w, delta, err, act);
    }

    [Test]
    public void Pes_WeightsChangeExactlyOneStepAfterDelta()
    {
        const int steps = 40;
        var (sim, conn, wp, dp, ep, _) = Timing(1e-3, steps);
        var w = sim.Data[wp];
        var d = sim.Data[dp];
        var w0 = sim.Data[conn].Weights!.ToRowMajorArray();
        Assert.That(sim.Data[ep][0, 0], Is.EqualTo(1.0), "the error arrives in step 1 (no synapse)");
        AssertRowClose(Row(w, 0), w0, Tol(1e-12 * MaxAbs(w)), "weights after step 1 = the built weights (no delta applied yet)");

        int firstDelta = Enumerable.Range(0, steps).First(k => Row(d, k).Any(x => x != 0));
        Assert.That(firstDelta, Is.LessThan(steps - 1));
        for (int k = 0; k <= firstDelta; k++)
            AssertRowClose(Row(w, k), Row(w, 0), 0.0, $"weights unchanged through step {k + 1} (first delta in step {firstDelta + 1})");
        Assert.That(Row(w, firstDelta + 1).Zip(Row(w, 0)).Any(p => p.First != p.Second), Is.True, "the first delta is applied in the next step");

        double scale = MaxAbs(d);
        Assert.That(scale, Is.GreaterThan(0));
        for (int k = 1; k < steps; k++)
        {
            var change = Row(w, k).Zip(Row(w, k - 1), (a, b) => a - b).ToArray();
            AssertRowClose(change, Row(d, k - 1), Tol(1e-12 * (scale + MaxAbs(w))), $"W[{k + 1}] − W[{k}] = delta of step {k}");
        }
    }

    [Test]
    public void Pes_DeltaIsMinusRateDtOverNTimesErrorTimesActivities()
    {
        const int steps = 60;
        const double lr = 2e-3;
        var (sim, _, _, dp, ep, ap) = Timing(lr, steps);
        var d = sim.Data[dp];
        var e = sim.Data[ep];
        var a = sim.Data[ap];
        int n = a.ColumnCount;
        Assert.That(n, Is.EqualTo(20));
        double scale = MaxAbs(d);
        Assert.That(scale, Is.GreaterThan(0), "the rule learned something");
        for (int k = 0; k < steps; k++)
        {
            var expected = Enumerable.Range(0, n).Select(j => -lr * Dt / n * e[k, 0] * a[k, j]).ToArray();
            AssertRowClose(Row(d, k), expected, Tol(1e-9 * scale), $"delta of step {k + 1}");
        }
        // The activities are the pre spikes filtered by the default Lowpass(0.005) in set mode (no delay).
        Assert.That(a.Enumerate().Max(), Is.LessThan(1.0 / Dt), "filtered, not raw spikes (1/dt)");
    }

    [Test]
    public void Pes_IntoNeurons_DeltaProjectsErrorThroughPostEncoders()
    {
        const int steps = 40;
        const double lr = 1e-3;
        var net = new Network("pes-neurons", seed: 12);
        var stim = net.Node(0.5);
        var pre = net.Ensemble(15, 1);
        var post = net.Ensemble(7, 2);
        net.Connect(stim, pre);
        var conn = net.Connect(pre, post.Neurons, transform: new double[7, 1], learningRule: new PES(learningRate: lr));
        Assert.That(conn.LearningRule!.SizeIn, Is.EqualTo(2), "size_in = the post ensemble's dimensions");
        net.Connect(net.Node([0.3, -0.7]), conn.LearningRule, synapse: null);
        var dp = net.Probe(conn.LearningRule, "delta");
        var ap = net.Probe(conn.LearningRule, "activities");
        var sim = Sim(net);
        sim.RunSteps(steps);
        var enc = sim.Data[post].ScaledEncoders;
        var d = sim.Data[dp];
        var a = sim.Data[ap];
        double scale = MaxAbs(d);
        Assert.That(scale, Is.GreaterThan(0));
        for (int k = 0; k < steps; k++)
        {
            var expected = new double[7 * 15];
            for (int i = 0; i < 7; i++)
            {
                double local = enc[i, 0] * 0.3 + enc[i, 1] * -0.7;
                for (int j = 0; j < 15; j++) expected[i * 15 + j] = -lr * Dt / 15 * local * a[k, j];
            }
            AssertRowClose(Row(d, k), expected, Tol(1e-9 * scale), $"delta of step {k + 1}");
        }
    }

    [Test]
    public void Pes_Validation()
    {
        var net = new Network("pes-validation");
        var node = net.Node(1.0);
        var ens = net.Ensemble(10, 2);
        var direct = net.Ensemble(10, 1, neuronType: new Direct());
        Assert.Throws<ValidationError>(() => _ = new PES(learningRate: -1e-4));
        Assert.Throws<ValidationError>(() => net.Connect(node, ens, transform: new double[2, 1], learningRule: new PES()), "Node pre has no decoders");
        Assert.Throws<ValidationError>(() => net.Connect(direct, ens, transform: new double[2, 1], learningRule: new PES()), "Direct pre");
        Assert.Throws<ValidationError>(() => net.Connect(ens.Neurons, ens.Neurons, learningRule: new PES()), "neurons pre without a transform");
        var conn = net.Connect(ens, net.Node(sizeIn: 2), learningRule: new PES());
        Assert.Throws<ValidationError>(() => net.Connect(node, conn.LearningRule!), "a 1-D error into a 2-D rule");
        Assert.Throws<ValidationError>(() => net.Probe(conn.LearningRule!, "theta"), "PES has no theta");
    }
}
