using Nengo.Testing;
using NUnit.Framework;
using static Nengo.Conformance.Tests.Learning.LearningData;

namespace Nengo.Conformance.Tests.Learning;

/// <summary>
/// RLS (NEF.md §7): P starts as I·(η·dt/n); each step Pr = P·r, k = 1/(1 + rᵀ·Pr), P ← P − k·Pr·Prᵀ and
/// Δ = −k·e·Prᵀ on the decoders (e projected through the post scaled encoders into neurons).
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class RlsTests(BackendCase backend) : BackendTestBase(backend)
{
    private const double Dt = 0.001;

    [Test]
    public void Rls_DeltaAndInvGammaMatchEquations([Values(false, true)] bool intoNeurons)
    {
        const int steps = 60, n = 10, nPost = 6;
        const double lr = 0.5;
        var net = new Network("rls-equation", seed: 51);
        var pre = net.Ensemble(n, 1);
        var post = net.Ensemble(nPost, 2);
        net.Connect(net.Node(t => Math.Sin(20 * t)), pre);
        var conn = intoNeurons
            ? net.Connect(pre, post.Neurons, transform: new double[nPost, 1], learningRule: new RLS(learningRate: lr))
            : net.Connect(pre, post, transform: new double[2, 1], learningRule: new RLS(learningRate: lr));
        var rule = conn.LearningRule!;
        Assert.That(rule.SizeIn, Is.EqualTo(2));
        net.Connect(net.Node(t => new[] { Math.Cos(30 * t), -0.5 }), rule, synapse: null);
        var rP = net.Probe(rule, "pre_filtered");
        var eP = net.Probe(rule, "error");
        var dP = net.Probe(rule, "delta");
        var pP = net.Probe(rule, "inv_gamma");
        var sim = Sim(net);
        sim.RunSteps(steps);
        var r = sim.Data[rP];
        var e = sim.Data[eP];
        var d = sim.Data[dP];
        var pm = sim.Data[pP];
        var enc = sim.Data[post].ScaledEncoders;
        int rows = intoNeurons ? nPost : 2;
        Assert.That(d.ColumnCount, Is.EqualTo(rows * n));

        var prev = new double[n * n];
        for (int i = 0; i < n; i++) prev[i * n + i] = lr * Dt / n;
        double dScale = MaxAbs(d), pScale = lr * Dt / n;
        Assert.That(dScale, Is.GreaterThan(0));
        for (int k = 0; k < steps; k++)
        {
            var pr = new double[n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) pr[i] += prev[i * n + j] * r[k, j];
            double rpr = 0;
            for (int i = 0; i < n; i++) rpr += r[k, i] * pr[i];
            double gain = 1 / (1 + rpr);
            var pNext = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) pNext[i * n + j] = prev[i * n + j] - gain * pr[i] * pr[j];
            var local = intoNeurons
                ? Enumerable.Range(0, nPost).Select(i => enc[i, 0] * e[k, 0] + enc[i, 1] * e[k, 1]).ToArray()
                : [e[k, 0], e[k, 1]];
            var expected = new double[rows * n];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < n; j++) expected[i * n + j] = -gain * local[i] * pr[j];
            AssertRowClose(Row(pm, k), pNext, Tol(1e-9 * pScale), $"P after step {k + 1}");
            AssertRowClose(Row(d, k), expected, Tol(1e-9 * dScale), $"delta of step {k + 1}");
            prev = Row(pm, k);
        }
        Assert.That(pm[steps - 1, 0], Is.LessThan(0.5 * pScale), "P shrinks as activity is seen");
    }

    /// <summary>
    /// LIFRate pre → Node with no synapse on the output and none on the rule's activities, so the error of
    /// step k is exactly W_k·r_k − target: online least squares. (With delayed errors, as through ordinary
    /// synapses, RLS's large steps overshoot; this isolates the rule.) Returns the error RMSE over [0, 0.5 s).
    /// </summary>
    private double ErrorRms(LearningRuleType rule)
    {
        var net = new Network("instant-channel", seed: 5);
        var stim = net.Node(t => 0.8 * Math.Sin(2 * Math.PI * t));
        var pre = net.Ensemble(40, 1, neuronType: new LIFRate());
        var sink = net.Node(sizeIn: 1);
        net.Connect(stim, pre);
        var conn = net.Connect(pre, sink, function: _ => 0.0, synapse: null, learningRule: rule);
        net.Connect(sink, conn.LearningRule!, synapse: null);
        net.Connect(stim, conn.LearningRule!, transform: -1.0);  // the same Lowpass(0.005) the pre input has
        var error = net.Probe(conn.LearningRule!, "error");
        var sim = Sim(net);
        sim.Run(0.5);
        var v = sim.Data[error].Column(0);
        return Math.Sqrt(v.DotProduct(v) / v.Count);
    }

    [Test]
    public void Rls_LearnsAChannelFasterThanPes_AtEqualSteps()
    {
        // PES is stable up to about η = 0.03 here (at 0.1 it diverges); RLS normalises its step by 1 + rᵀPr,
        // so it stays stable at any η and approaches the least-squares solution of what it has seen so far.
        double rls = ErrorRms(new RLS(learningRate: 10, preSynapse: null));
        double pesFast = ErrorRms(new PES(learningRate: 0.03, preSynapse: null));
        double pesSlow = ErrorRms(new PES(learningRate: 0.01, preSynapse: null));
        double none = ErrorRms(new RLS(learningRate: 0, preSynapse: null));
        Assert.That(none, Is.GreaterThan(0.4), "control: nothing learned");
        Assert.That(rls, Is.LessThan(Tol(0.01)), "RLS learns the channel within half a second");
        Assert.That(rls, Is.LessThan(0.6 * pesFast), $"RLS {rls:G3} vs PES(0.03) {pesFast:G3}");
        Assert.That(rls, Is.LessThan(0.3 * pesSlow), $"RLS {rls:G3} vs PES(0.01) {pesSlow:G3}");
    }

    [Test]
    public void Rls_Reset_RestoresInvGammaAndDecoders()
    {
        var net = new Network("rls-reset", seed: 52);
        var pre = net.Ensemble(8, 1);
        net.Connect(net.Node(t => Math.Sin(20 * t)), pre);
        var conn = net.Connect(pre, net.Node(sizeIn: 1), learningRule: new RLS(learningRate: 0.5));
        net.Connect(net.Node(0.4), conn.LearningRule!, synapse: null);
        var pP = net.Probe(conn.LearningRule!, "inv_gamma");
        var wP = net.Probe(conn, "weights");
        var sim = Sim(net);
        sim.RunSteps(50);
        var p1 = sim.Data[pP].Clone();
        var w1 = sim.Data[wP].Clone();
        Assert.That(w1.Row(49).ToArray(), Is.Not.EqualTo(w1.Row(0).ToArray()), "the decoders learned");
        sim.Reset();
        sim.RunSteps(50);
        AssertRowClose(sim.Data[pP].ToRowMajorArray(), p1.ToRowMajorArray(), 0, "P after a reset");
        AssertRowClose(sim.Data[wP].ToRowMajorArray(), w1.ToRowMajorArray(), 0, "learned weights after a reset");
    }

    [Test]
    public void Rls_DefaultsAndValidation()
    {
        var rls = new RLS();
        Assert.That(rls.LearningRate, Is.EqualTo(1e-3));
        Assert.That(rls.PreSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.005));
        Assert.That(rls.Modifies, Is.EqualTo(LearningTarget.Decoders));
        Assert.That(rls.Probeable, Is.EqualTo(new[] { "pre_filtered", "error", "delta", "inv_gamma" }));
        Assert.Throws<ValidationError>(() => _ = new RLS(learningRate: -1));

        var net = new Network("rls-validation");
        var node = net.Node(1.0);
        var a = net.Ensemble(10, 1);
        var direct = net.Ensemble(10, 1, neuronType: new Direct());
        Assert.Throws<ValidationError>(() => net.Connect(node, a, learningRule: new RLS()), "Node pre");
        Assert.Throws<ValidationError>(() => net.Connect(direct, a, learningRule: new RLS()), "Direct pre");
        var conn = net.Connect(a, net.Node(sizeIn: 3), transform: new double[3, 1], learningRule: new RLS());
        Assert.That(conn.LearningRule!.SizeIn, Is.EqualTo(3));
        Assert.Throws<ValidationError>(() => net.Connect(node, conn.LearningRule), "a 1-D error into a 3-D rule");
    }
}
