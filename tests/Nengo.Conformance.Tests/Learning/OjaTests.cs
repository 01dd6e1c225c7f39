using Nengo.Testing;
using NUnit.Framework;
using static Nengo.Conformance.Tests.Learning.LearningData;

namespace Nengo.Conformance.Tests.Learning;

/// <summary>
/// Oja (NEF.md §7): Δ = η·dt·(p·aᵀ − β·(p ⊙ p)·W) on a neuron-to-neuron weight matrix; the forgetting term
/// keeps the weights bounded where plain Hebbian learning (β = 0) grows them without limit.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class OjaTests(BackendCase backend) : BackendTestBase(backend)
{
    private const double Dt = 0.001;
    private const int NPre = 20, NPost = 10;

    private (Simulator Sim, Connection Conn) Build(Oja rule, double init, Func<Network, Connection, Probe[]>? probes, out Probe[] made)
    {
        var net = new Network("oja", seed: 31);
        var stim = net.Node(t => Math.Sin(2 * Math.PI * 2 * t));
        var pre = net.Ensemble(NPre, 1);
        var post = net.Ensemble(NPost, 1);
        net.Connect(stim, pre);
        net.Connect(stim, post);
        var conn = net.Connect(pre.Neurons, post.Neurons, transform: BcmTests.RandomWeights(NPost, NPre, init, 7), learningRule: rule);
        made = probes?.Invoke(net, conn) ?? [];
        return (Sim(net), conn);
    }

    [Test]
    public void Oja_DeltaMatchesEquationFromProbedSignals()
    {
        const int steps = 300;
        const double lr = 1e-5, beta = 0.7;
        var (sim, _) = Build(new Oja(learningRate: lr, beta: beta), 1e-3, (net, conn) =>
        [
            net.Probe(conn.LearningRule!, "pre_filtered"), net.Probe(conn.LearningRule!, "post_filtered"),
            net.Probe(conn.LearningRule!, "delta"), net.Probe(conn, "weights"),
        ], out var probes);
        sim.RunSteps(steps);
        var a = sim.Data[probes[0]];
        var p = sim.Data[probes[1]];
        var d = sim.Data[probes[2]];
        var w = sim.Data[probes[3]];
        double scale = MaxAbs(d);
        Assert.That(scale, Is.GreaterThan(0));
        for (int k = 0; k < steps; k++)
        {
            // W[k] is what the rule read in step k: the previous delta was added at the start of the step.
            var expected = new double[NPost * NPre];
            for (int i = 0; i < NPost; i++)
                for (int j = 0; j < NPre; j++)
                    expected[i * NPre + j] = lr * Dt * (p[k, i] * a[k, j] - beta * p[k, i] * p[k, i] * w[k, i * NPre + j]);
            AssertRowClose(Row(d, k), expected, Tol(1e-9 * scale), $"delta of step {k + 1}");
            if (k > 0)
                AssertRowClose(Row(w, k).Zip(Row(w, k - 1), (x, y) => x - y).ToArray(), Row(d, k - 1),
                    Tol(1e-12 * (scale + MaxAbs(w))), $"W[{k + 1}] − W[{k}] = delta of step {k}");
        }
    }

    [Test]
    public void Oja_KeepsWeightsBounded_HebbianAloneDoesNot()
    {
        double[] Norms(double beta)
        {
            var (sim, _) = Build(new Oja(learningRate: 1e-4, beta: beta), 1e-4,
                (net, conn) => [net.Probe(conn, "weights", sampleEvery: 0.1)], out var probes);
            sim.Run(2.0);
            var w = sim.Data[probes[0]];
            return Enumerable.Range(0, w.RowCount).Select(k => Norm(w, k)).ToArray();
        }
        var oja = Norms(1.0);
        var hebb = Norms(0.0);
        double ojaFirst = oja[..10].Max(), ojaSecond = oja[10..].Max();
        Assert.That(ojaSecond, Is.LessThan(1.25 * ojaFirst), $"Oja: the weight norm stops growing (first second ≤ {ojaFirst:G3}, second ≤ {ojaSecond:G3})");
        Assert.That(hebb[^1], Is.GreaterThan(1.6 * hebb[9]), "β = 0: the Hebbian term alone keeps growing");
        Assert.That(hebb[^1], Is.GreaterThan(10 * oja[^1]), "the forgetting term bounds the weights");
        Assert.That(oja.All(double.IsFinite), Is.True);
    }

    [Test]
    public void Oja_DefaultsAndValidation()
    {
        var oja = new Oja();
        Assert.That(oja.LearningRate, Is.EqualTo(1e-6));
        Assert.That(oja.Beta, Is.EqualTo(1.0));
        Assert.That(oja.PreSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.005));
        Assert.That(oja.PostSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.005));
        Assert.That(new Oja(preSynapse: 0.02).PostSynapse, Is.InstanceOf<Lowpass>().With.Property(nameof(Lowpass.Tau)).EqualTo(0.02));
        Assert.That(new Oja(preSynapse: 0.02, postSynapse: null).PostSynapse, Is.Null);
        Assert.That(oja.Probeable, Is.EqualTo(new[] { "pre_filtered", "post_filtered", "delta" }));
        Assert.Throws<ValidationError>(() => _ = new Oja(learningRate: -1e-6));
        Assert.Throws<ValidationError>(() => _ = new Oja(beta: -1));

        var net = new Network("oja-validation");
        var a = net.Ensemble(5, 1);
        var b = net.Ensemble(4, 1, neuronType: new Direct());
        Assert.Throws<ValidationError>(() => net.Connect(b, a.Neurons, transform: new double[5, 1], learningRule: new Oja()), "Direct pre");
        Assert.Throws<ValidationError>(() => net.Connect(a, a, learningRule: new Oja()), "decoded connection");
        var conn = net.Connect(a.Neurons, a.Neurons, transform: new double[5, 5], learningRule: new Oja());
        Assert.Throws<ValidationError>(() => net.Probe(conn.LearningRule!, "theta"), "Oja has no theta");
    }
}
