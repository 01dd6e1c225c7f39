using Nengo.Testing;
using NUnit.Framework;
using static Nengo.Conformance.Tests.Learning.LearningData;

namespace Nengo.Conformance.Tests.Learning;

/// <summary>
/// Voja (NEF.md §7): Δ = η·dt·L·(s·p·xᵀ − p ⊙ E) on the post ensemble's scaled encoders, x = the ensemble's
/// total decoded input, s = gain/radius, L = 1 + whatever is connected into the rule.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class VojaTests(BackendCase backend) : BackendTestBase(backend)
{
    private const double Dt = 0.001;
    private const int N = 30;
    private static readonly double[] X = [0.6, 0.8];

    [Test]
    public void Voja_DeltaMatchesEquation_XIsTheTotalDecodedInput([Values(0.0, 1.5)] double extraLearning, [Values(1.0, 2.0)] double radius)
    {
        const int steps = 200;
        const double lr = 5e-3;
        var net = new Network("voja-equation", seed: 41);
        var ens = net.Ensemble(N, 2, radius: radius);
        var conn = net.Connect(net.Node(X), ens, learningRule: new Voja(learningRate: lr));
        // A second, unlearned input: x must be the ensemble's whole decoded input, not just this connection's.
        net.Connect(net.Node(t => new[] { -0.3 * Math.Sin(10 * t), 0.2 }), ens, synapse: 0.01);
        if (extraLearning != 0) net.Connect(net.Node(extraLearning), conn.LearningRule!, synapse: null);
        var dP = net.Probe(conn.LearningRule!, "delta");
        var pP = net.Probe(conn.LearningRule!, "post_filtered");
        var eP = net.Probe(conn.LearningRule!, "scaled_encoders");
        var xP = net.Probe(ens, "input");
        var sim = Sim(net);
        sim.RunSteps(steps);

        var built = sim.Data[ens];
        var s = Enumerable.Range(0, N).Select(i => built.Gain[i] / radius).ToArray();
        var d = sim.Data[dP];
        var p = sim.Data[pP];
        var e = sim.Data[eP];
        var x = sim.Data[xP];
        double l = 1 + extraLearning, scale = MaxAbs(d);
        Assert.That(scale, Is.GreaterThan(0));
        AssertRowClose(Row(e, 0), built.ScaledEncoders.ToRowMajorArray(), Tol(1e-12 * MaxAbs(e)), "the encoders start as the built scaled encoders");
        for (int k = 0; k < steps; k++)
        {
            var expected = new double[N * 2];
            for (int i = 0; i < N; i++)
                for (int j = 0; j < 2; j++)
                    expected[i * 2 + j] = lr * Dt * l * (s[i] * p[k, i] * x[k, j] - p[k, i] * e[k, i * 2 + j]);
            AssertRowClose(Row(d, k), expected, Tol(1e-9 * scale), $"delta of step {k + 1}");
            if (k > 0)
                AssertRowClose(Row(e, k).Zip(Row(e, k - 1), (a, b) => a - b).ToArray(), Row(d, k - 1),
                    Tol(1e-12 * (scale + MaxAbs(e))), $"E[{k + 1}] − E[{k}] = delta of step {k}");
        }
    }

    private (Simulator Sim, Ensemble Ens, Probe Encoders, Probe Post) Learn(double? learningSignal, double seconds)
    {
        var net = new Network("voja-learn", seed: 42);
        var ens = net.Ensemble(N, 2, intercepts: new Uniform(-0.2, 0.6));
        var conn = net.Connect(net.Node(X), ens, learningRule: new Voja());
        if (learningSignal is { } v) net.Connect(net.Node(v), conn.LearningRule!, synapse: null);
        var enc = net.Probe(conn.LearningRule!, "scaled_encoders", sampleEvery: 0.05);
        var post = net.Probe(conn.LearningRule!, "post_filtered");
        var sim = Sim(net);
        sim.Run(seconds);
        return (sim, ens, enc, post);
    }

    [Test]
    public void Voja_MovesEncodersOfActiveNeuronsTowardTheInput()
    {
        var (sim, ens, encP, postP) = Learn(null, 1.0);
        var built = sim.Data[ens];
        var e = sim.Data[encP];
        var post = sim.Data[postP];
        int last = e.RowCount - 1, active = 0;
        double gained = 0;
        for (int i = 0; i < N; i++)
        {
            double s = built.Gain[i];  // radius 1
            double before = built.Encoders[i, 0] * X[0] + built.Encoders[i, 1] * X[1];
            double after = (e[last, 2 * i] * X[0] + e[last, 2 * i + 1] * X[1]) / s;
            double everActive = post.Column(i).Max();
            if (everActive == 0)
            {
                Assert.That(e[last, 2 * i], Is.EqualTo(e[0, 2 * i]), $"silent neuron {i} keeps its encoder");
                Assert.That(e[last, 2 * i + 1], Is.EqualTo(e[0, 2 * i + 1]), $"silent neuron {i} keeps its encoder");
            }
            else if (post.Column(i).SubVector(500, 500).Average() > 1 && before < 0.95)
            {
                // (Neurons already aligned with x are left out: while the input ramps up through the synapse,
                // x ≈ 0 briefly pulls every active encoder toward 0.)
                active++;
                gained += after - before;
                Assert.That(after, Is.GreaterThan(before), $"active neuron {i}: encoder·x grows ({before:F3} → {after:F3})");
                double distBefore = Math.Sqrt(Math.Pow(built.Encoders[i, 0] - X[0], 2) + Math.Pow(built.Encoders[i, 1] - X[1], 2));
                double distAfter = Math.Sqrt(Math.Pow(e[last, 2 * i] / s - X[0], 2) + Math.Pow(e[last, 2 * i + 1] / s - X[1], 2));
                Assert.That(distAfter, Is.LessThan(distBefore), $"active neuron {i}: its unscaled encoder moves toward x");
            }
        }
        Assert.That(active, Is.GreaterThan(3), "some neurons respond to x");
        Assert.That(gained / active, Is.GreaterThan(0.1), "the encoders of active neurons moved substantially toward x");
    }

    [Test]
    public void Voja_LearningSignalMinusOne_StopsLearning()
    {
        var (sim, ens, encP, postP) = Learn(-1.0, 0.5);
        Assert.That(sim.Data[postP].Enumerate().Max(), Is.GreaterThan(0), "neurons are active, so learning would move them");
        var built = sim.Data[ens].ScaledEncoders.ToRowMajorArray();
        var e = sim.Data[encP];
        AssertRowClose(Row(e, 0), built, Tol(1e-12 * MaxAbs(e)), "the encoders start as the built scaled encoders");
        for (int k = 1; k < e.RowCount; k++)
            AssertRowClose(Row(e, k), Row(e, 0), 0, $"encoders at sample {k} are exactly unchanged (L = 1 − 1 = 0)");
    }

    [Test]
    public void Voja_DefaultsAndValidation()
    {
        var voja = new Voja();
        Assert.That(voja.LearningRate, Is.EqualTo(1e-2));
        Assert.That(voja.PostSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.005));
        Assert.That(new Voja(postSynapse: null).PostSynapse, Is.Null);
        Assert.That(voja.Modifies, Is.EqualTo(LearningTarget.Encoders));
        Assert.That(voja.Probeable, Is.EqualTo(new[] { "post_filtered", "scaled_encoders", "delta" }));
        Assert.Throws<ValidationError>(() => _ = new Voja(learningRate: -0.1));

        var net = new Network("voja-validation");
        var node = net.Node([1.0, 0.0]);
        var a = net.Ensemble(10, 2);
        var b = net.Ensemble(10, 2);
        Assert.Throws<ValidationError>(() => net.Connect(node, a.Neurons, transform: new double[10, 2], learningRule: new Voja()), "into Neurons");
        Assert.Throws<ValidationError>(() => net.Connect(a, b, solver: new LstsqL2(weights: true), learningRule: new Voja()), "weights: true");
        Assert.Throws<ValidationError>(() => net.Connect(node, net.Node(sizeIn: 2), learningRule: new Voja()), "into a Node");
        var conn = net.Connect(node, a, learningRule: new Voja());
        Assert.That(conn.LearningRule!.SizeIn, Is.EqualTo(1));
        Assert.Throws<ValidationError>(() => net.Connect(node, conn.LearningRule), "a 2-D learning signal into a size-1 rule");
        var ok = net.Connect(a, b, learningRule: new Voja());  // decoded pre is fine: only b's encoders learn
        Assert.That(ok.LearningRule, Is.Not.Null);
    }

    [Test]
    public void Voja_OnADirectEnsemble_IsABuildError()
    {
        var net = new Network("voja-direct", seed: 1);
        var direct = net.Ensemble(5, 1, neuronType: new Direct());
        net.Connect(net.Node(0.5), direct, learningRule: new Voja());
        var ex = Assert.Throws<BuildError>(() => Sim(net));
        Assert.That(ex!.Message, Does.Contain("encoders"));
    }
}
