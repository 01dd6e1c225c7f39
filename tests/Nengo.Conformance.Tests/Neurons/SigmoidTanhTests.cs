using Nengo.Graph;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Neurons;

/// <summary>Sigmoid and Tanh rate neurons (NEF.md §2): outputs equal the formulas with the built gain and bias.</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class SigmoidTanhTests(BackendCase backend) : BackendTestBase(backend)
{
    private const double TauRef = 0.0025;

    private (double[,] Out, BuiltEnsemble Built) Run(NeuronType type, double x, double radius = 1.0)
    {
        var net = new Network("sig", seed: 7);
        var ens = net.Ensemble(20, 1, radius: radius, neuronType: type, maxRates: new Uniform(250, 350), intercepts: new Uniform(-0.6, 0.6));
        var input = net.Node(x);
        net.Connect(input, ens, synapse: null);
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(3);
        return (sim.Data[p].ToArray(), sim.Data[ens]);
    }

    [Test]
    public void Sigmoid_OutputEqualsFormula_WithBuiltGainBias([Values(-0.8, 0.0, 0.35, 1.0)] double x)
    {
        var (output, built) = Run(new Sigmoid(tauRef: TauRef), x, radius: 2.0);
        for (int i = 0; i < 20; i++)
        {
            double j = built.Gain[i] * built.Encoders[i, 0] * x / 2.0 + built.Bias[i];
            double expected = (1 / TauRef) / (1 + Math.Exp(-j));
            Assert.That(output[2, i], Is.EqualTo(expected).Within(Tol(1e-9)), $"neuron {i}");
        }
    }

    [Test]
    public void Sigmoid_HalfMaxAtIntercept_MaxRateAtOne()
    {
        var (_, built) = Run(new Sigmoid(tauRef: TauRef), 0.0);
        var type = new Sigmoid(tauRef: TauRef);
        for (int i = 0; i < 20; i++)
        {
            var r = Rate(type, built, i, built.Intercepts[i]);
            Assert.That(r, Is.EqualTo(0.5 / TauRef).Within(1e-9), "the Sigmoid intercept is where the rate is half of 1/tauRef");
            Assert.That(Rate(type, built, i, 1.0), Is.EqualTo(built.MaxRates[i]).Within(1e-9));
        }
        var (maxRates, intercepts) = type.MaxRatesIntercepts(built.Gain.ToArray(), built.Bias.ToArray());
        Signals.AssertAllclose(maxRates, built.MaxRates.ToArray(), atol: 1e-9, what: "max rates round trip");
        Signals.AssertAllclose(intercepts, built.Intercepts.ToArray(), atol: 1e-12, what: "intercepts round trip");
    }

    [Test]
    public void Tanh_OutputEqualsFormula_AndIsNegativeBelowIntercept([Values(-0.9, 0.2, 1.0)] double x)
    {
        var (output, built) = Run(new Tanh(tauRef: TauRef), x);
        int negatives = 0;
        for (int i = 0; i < 20; i++)
        {
            double proj = built.Encoders[i, 0] * x;
            double j = built.Gain[i] * proj + built.Bias[i];
            Assert.That(output[2, i], Is.EqualTo(Math.Tanh(j) / TauRef).Within(Tol(1e-9)), $"neuron {i}");
            if (proj < built.Intercepts[i] - 1e-9) { Assert.That(output[2, i], Is.LessThan(0)); negatives++; }
        }
        if (x == -0.9) Assert.That(negatives, Is.GreaterThan(0), "some neurons are below their intercept");
    }

    [Test]
    public void Tanh_ZeroAtIntercept_MaxRateAtOne_RoundTrip()
    {
        var (_, built) = Run(new Tanh(tauRef: TauRef), 0.0);
        var type = new Tanh(tauRef: TauRef);
        for (int i = 0; i < 20; i++)
        {
            Assert.That(Rate(type, built, i, built.Intercepts[i]), Is.EqualTo(0.0).Within(1e-9));
            Assert.That(Rate(type, built, i, 1.0), Is.EqualTo(built.MaxRates[i]).Within(1e-9));
        }
        var (maxRates, intercepts) = type.MaxRatesIntercepts(built.Gain.ToArray(), built.Bias.ToArray());
        Signals.AssertAllclose(maxRates, built.MaxRates.ToArray(), atol: 1e-9, what: "max rates round trip");
        Signals.AssertAllclose(intercepts, built.Intercepts.ToArray(), atol: 1e-12, what: "intercepts round trip");
    }

    private static double Rate(NeuronType type, BuiltEnsemble built, int i, double x)
    {
        var r = new double[1];
        type.RatesFromCurrent([built.Gain[i] * x + built.Bias[i]], r);
        return r[0];
    }
}
