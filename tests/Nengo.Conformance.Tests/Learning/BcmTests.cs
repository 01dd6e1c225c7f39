using Nengo.Testing;
using NUnit.Framework;
using static Nengo.Conformance.Tests.Learning.LearningData;

namespace Nengo.Conformance.Tests.Learning;

/// <summary>
/// BCM (NEF.md §7): Δ = η·dt·(p ⊙ (p − θ))·aᵀ on a neuron-to-neuron weight matrix, with a, p and θ the pre,
/// post and slow post activities, all filtered in set mode (no delay).
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class BcmTests(BackendCase backend) : BackendTestBase(backend)
{
    private const double Dt = 0.001;
    private const int NPre = 12, NPost = 8;

    internal static double[,] RandomWeights(int rows, int cols, double scale, int seed)
    {
        var rng = new Random(seed);
        var w = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) w[i, j] = (2 * rng.NextDouble() - 1) * scale;
        return w;
    }

    /// <summary>Set-mode Lowpass: y[k] = a·y[k−1] + (1 − a)·u[k] (no delay), per column.</summary>
    internal static double[,] SetModeLowpass(MathNet.Numerics.LinearAlgebra.Matrix<double> u, double tau)
    {
        double a = Math.Exp(-Dt / tau);
        var y = new double[u.RowCount, u.ColumnCount];
        for (int j = 0; j < u.ColumnCount; j++)
        {
            double s = 0;
            for (int k = 0; k < u.RowCount; k++) y[k, j] = s = a * s + (1 - a) * u[k, j];
        }
        return y;
    }

    [Test]
    public void Bcm_DeltaMatchesEquationFromProbedSignals()
    {
        const int steps = 300;
        const double lr = 1e-8;
        var net = new Network("bcm", seed: 21);
        var stim = net.Node(t => Math.Sin(2 * Math.PI * 3 * t));
        var pre = net.Ensemble(NPre, 1);
        var post = net.Ensemble(NPost, 1);
        net.Connect(stim, pre);
        net.Connect(stim, post);
        var conn = net.Connect(pre.Neurons, post.Neurons, transform: RandomWeights(NPost, NPre, 1e-3, 1),
            learningRule: new BCM(learningRate: lr, thetaSynapse: 0.05));
        var rule = conn.LearningRule!;
        var thetaP = net.Probe(rule, "theta");
        var aP = net.Probe(rule, "pre_filtered");
        var pP = net.Probe(rule, "post_filtered");
        var dP = net.Probe(rule, "delta");
        var wP = net.Probe(conn, "weights");
        var preOut = net.Probe(pre.Neurons);
        var postOut = net.Probe(post.Neurons);
        var sim = Sim(net);
        sim.RunSteps(steps);

        var theta = sim.Data[thetaP];
        var a = sim.Data[aP];
        var p = sim.Data[pP];
        var d = sim.Data[dP];
        var w = sim.Data[wP];
        double scale = MaxAbs(d);
        Assert.That(scale, Is.GreaterThan(0), "the rule changed the weights");
        bool potentiated = false, depressed = false;
        for (int k = 0; k < steps; k++)
        {
            var expected = new double[NPost * NPre];
            for (int i = 0; i < NPost; i++)
                for (int j = 0; j < NPre; j++)
                    expected[i * NPre + j] = lr * Dt * p[k, i] * (p[k, i] - theta[k, i]) * a[k, j];
            AssertRowClose(Row(d, k), expected, Tol(1e-9 * scale), $"delta of step {k + 1}");
            potentiated |= expected.Any(x => x > 0);
            depressed |= expected.Any(x => x < 0);
            if (k > 0)
                AssertRowClose(Row(w, k).Zip(Row(w, k - 1), (x, y) => x - y).ToArray(), Row(d, k - 1),
                    Tol(1e-12 * (scale + MaxAbs(w))), $"W[{k + 1}] − W[{k}] = delta of step {k}");
        }
        Assert.That(potentiated && depressed, Is.True, "p above θ potentiates, p below θ depresses");

        // The filters run in set mode on the neuron outputs: pre and post Lowpass(0.005) (post = same as pre), θ Lowpass(0.05).
        double rates = MaxAbs(sim.Data[preOut]) + MaxAbs(sim.Data[postOut]);
        Signals.AssertAllclose(a.ToRowMajorArray(), Flat(SetModeLowpass(sim.Data[preOut], 0.005)), Tol(1e-12 * rates), what: "pre_filtered");
        Signals.AssertAllclose(p.ToRowMajorArray(), Flat(SetModeLowpass(sim.Data[postOut], 0.005)), Tol(1e-12 * rates), what: "post_filtered");
        Signals.AssertAllclose(theta.ToRowMajorArray(), Flat(SetModeLowpass(sim.Data[postOut], 0.05)), Tol(1e-12 * rates), what: "theta");
    }

    internal static double[] Flat(double[,] m)
    {
        var f = new double[m.Length];
        int c = m.GetLength(1);
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < c; j++) f[i * c + j] = m[i, j];
        return f;
    }

    [Test]
    public void Bcm_WithWeightsSolver_LearnsTheFullWeightMatrix()
    {
        var net = new Network("bcm-weights", seed: 22);
        var stim = net.Node(0.5);
        var pre = net.Ensemble(NPre, 1);
        var post = net.Ensemble(NPost, 1);
        net.Connect(stim, pre);
        var conn = net.Connect(pre, post, solver: new LstsqL2(weights: true), learningRule: new BCM(learningRate: 1e-8));
        var dP = net.Probe(conn.LearningRule!, "delta");
        var wP = net.Probe(conn, "weights");
        var sim = Sim(net);
        sim.RunSteps(100);
        Assert.That(sim.Data[dP].ColumnCount, Is.EqualTo(NPost * NPre), "delta is n_post × n_pre");
        Assert.That(MaxAbs(sim.Data[dP]), Is.GreaterThan(0));
        var w0 = sim.Data[conn].Weights!.ToRowMajorArray();
        Assert.That(Row(sim.Data[wP], 99).Zip(w0).Any(x => x.First != x.Second), Is.True, "the weights moved");
    }

    [Test]
    public void Bcm_DefaultsAndSynapseArguments()
    {
        var bcm = new BCM();
        Assert.That(bcm.LearningRate, Is.EqualTo(1e-9));
        Assert.That(bcm.PreSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.005));
        Assert.That(bcm.PostSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.005), "post defaults to the pre synapse");
        Assert.That(bcm.ThetaSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(1.0));
        Assert.That(new BCM(preSynapse: 0.01).PostSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.01), "post follows an explicit pre");
        Assert.That(new BCM(preSynapse: null).PostSynapse, Is.Null, "post follows a null pre");
        Assert.That(new BCM(postSynapse: null).PostSynapse, Is.Null, "an explicit null post means no filter");
        Assert.That(new BCM(postSynapse: null).PreSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.005));
        Assert.That(bcm.Modifies, Is.EqualTo(LearningTarget.Weights));
        Assert.That(bcm.Probeable, Is.EqualTo(new[] { "theta", "pre_filtered", "post_filtered", "delta" }));
    }

    [Test]
    public void Bcm_Validation()
    {
        var net = new Network("bcm-validation");
        var node = net.Node(1.0);
        var a = net.Ensemble(10, 1);
        var b = net.Ensemble(10, 1);
        var square = new double[10, 10];
        Assert.Throws<ValidationError>(() => _ = new BCM(learningRate: -1));
        Assert.Throws<ValidationError>(() => net.Connect(a, b, learningRule: new BCM()), "decoded Ensemble → Ensemble has no neuron weights");
        Assert.Throws<ValidationError>(() => net.Connect(node, b.Neurons, transform: new double[10, 1], learningRule: new BCM()), "a Node pre");
        Assert.Throws<ValidationError>(() => net.Connect(a.Neurons, b.Neurons, learningRule: new BCM()), "no 2-D transform");
        Assert.Throws<ValidationError>(() => net.Connect(a.Neurons, b, transform: new double[1, 10], learningRule: new BCM()), "not into neurons");
        var ok = net.Connect(a.Neurons, b.Neurons, transform: square, learningRule: new BCM());
        Assert.That(ok.LearningRule!.SizeIn, Is.EqualTo(0));
        Assert.Throws<ValidationError>(() => net.Connect(node, ok.LearningRule), "BCM takes no input");
    }
}
