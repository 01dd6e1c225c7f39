using Nengo.Graph;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// The gains and biases the builder chooses (<c>sim.Data[ensemble]</c>, NEF.md §2, §9.3): each neuron starts
/// firing at its intercept and reaches its max rate at x = 1; LIFRate reference numbers; the inverse mapping.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class GainBiasTests(BackendCase backend) : BackendTestBase(backend)
{
    private static readonly double[] RefMaxRates = [200, 400, 200, 200];
    private static readonly double[] RefIntercepts = [0, -1, 0.9, -0.5];
    private static readonly double[] RefGain = [6.17916198, 19.75104166, 61.79161982, 4.11944132];
    private static readonly double[] RefBias = [1.0, 20.75104166, -54.61245784, 3.05972066];

    private BuiltEnsemble Build(Func<Network, Ensemble> make)
    {
        var net = new Network("gain-bias", seed: 81);
        var ens = make(net);
        return Sim(net).Data[ens];
    }

    private static double Rate(NeuronType type, double x, double gain, double bias) =>
        type.Rates(new[,] { { x } }, [gain], [bias])[0, 0];

    [Test]
    public void Lif_ReferenceGainBias([Values] bool rateType)
    {
        NeuronType type = rateType ? new LIFRate() : new LIF();
        var b = Build(net => net.Ensemble(4, 1, neuronType: type, maxRates: RefMaxRates, intercepts: RefIntercepts));
        Assert.That(b.Gain.ToArray(), Is.EqualTo(RefGain).Within(1e-7));
        Assert.That(b.Bias.ToArray(), Is.EqualTo(RefBias).Within(1e-7));
        Assert.That(b.MaxRates.ToArray(), Is.EqualTo(RefMaxRates).Within(1e-9));
        Assert.That(b.Intercepts.ToArray(), Is.EqualTo(RefIntercepts).Within(1e-12));
    }

    [Test]
    public void Lif_GainBiasMethod_ReferenceNumbers()
    {
        var (gain, bias) = new LIF().GainBias(RefMaxRates, RefIntercepts);
        Assert.That(gain, Is.EqualTo(RefGain).Within(1e-7));
        Assert.That(bias, Is.EqualTo(RefBias).Within(1e-7));
        var (maxRates, intercepts) = new LIF().MaxRatesIntercepts(gain, bias);
        Assert.That(maxRates, Is.EqualTo(RefMaxRates).Within(1e-9));
        Assert.That(intercepts, Is.EqualTo(RefIntercepts).Within(1e-12));
    }

    [Test]
    public void Lif_DefaultDistributions_RateZeroAtInterceptAndMaxAtOne()
    {
        var b = Build(net => net.Ensemble(40, 1));
        for (int i = 0; i < 40; i++)
        {
            double g = b.Gain[i], c = b.Intercepts[i], m = b.MaxRates[i];
            Assert.That(m, Is.InRange(200.0, 400.0), "default max rates U(200, 400)");
            Assert.That(c, Is.InRange(-1.0, 0.9), "default intercepts U(−1, 0.9)");
            Assert.That(g * c + b.Bias[i], Is.EqualTo(1.0).Within(1e-12), $"neuron {i}: J = 1 (threshold) at the intercept");
            Assert.That(Rate(b.NeuronType, c - 1e-6, g, b.Bias[i]), Is.EqualTo(0.0), $"neuron {i}: silent below the intercept");
            Assert.That(Rate(b.NeuronType, c + 1e-3, g, b.Bias[i]), Is.GreaterThan(0.0), $"neuron {i}: fires above the intercept");
            Assert.That(Rate(b.NeuronType, 1.0, g, b.Bias[i]), Is.EqualTo(m).Within(1e-9 * m), $"neuron {i}: max rate at x = 1");
        }
    }

    [Test]
    public void Lif_GivenGainBias_MaxRatesInterceptsAreTheInverse()
    {
        double[] gain = [2, 10, 30], bias = [0.5, -3, 5];
        var b = Build(net => net.Ensemble(3, 1, gain: gain, bias: bias));
        Assert.That(b.Gain.ToArray(), Is.EqualTo(gain));
        Assert.That(b.Bias.ToArray(), Is.EqualTo(bias));
        for (int i = 0; i < 3; i++)
        {
            double c = (1 - bias[i]) / gain[i];
            Assert.That(b.Intercepts[i], Is.EqualTo(c).Within(1e-12));
            Assert.That(b.MaxRates[i], Is.EqualTo(Ideal.LifRate(gain[i] + bias[i])).Within(1e-9));
        }
    }

    [Test]
    public void RectifiedLinear_GainBiasRoundTrip([Values] bool spiking)
    {
        NeuronType type = spiking ? new SpikingRectifiedLinear() : new RectifiedLinear();
        double[] maxRates = [100, 250, 50], intercepts = [-0.5, 0.2, 0.0];
        var b = Build(net => net.Ensemble(3, 1, neuronType: type, maxRates: maxRates, intercepts: intercepts));
        for (int i = 0; i < 3; i++)
        {
            double g = maxRates[i] / (1 - intercepts[i]);
            Assert.That(b.Gain[i], Is.EqualTo(g).Within(1e-10 * g));
            Assert.That(b.Bias[i], Is.EqualTo(-intercepts[i] * g).Within(1e-10 * g));
            Assert.That(Rate(type, 1.0, b.Gain[i], b.Bias[i]), Is.EqualTo(maxRates[i]).Within(1e-9 * maxRates[i]));
            Assert.That(Rate(type, intercepts[i], b.Gain[i], b.Bias[i]), Is.EqualTo(0.0).Within(1e-9));
        }
        var back = Build(net => net.Ensemble(3, 1, neuronType: type, gain: b.Gain.ToArray(), bias: b.Bias.ToArray()));
        Assert.That(back.MaxRates.ToArray(), Is.EqualTo(maxRates).Within(1e-9));
        Assert.That(back.Intercepts.ToArray(), Is.EqualTo(intercepts).Within(1e-12));
    }

    [Test]
    public void ScaledEncoders_AreEncodersTimesGainOverRadius([Values(1.0, 2.5)] double radius)
    {
        var b = Build(net => net.Ensemble(12, 2, radius: radius));
        Assert.That(b.Radius, Is.EqualTo(radius));
        for (int i = 0; i < 12; i++)
        {
            Assert.That(b.Encoders.Row(i).L2Norm(), Is.EqualTo(1.0).Within(1e-12), "unit encoders");
            for (int d = 0; d < 2; d++)
                Assert.That(b.ScaledEncoders[i, d], Is.EqualTo(b.Encoders[i, d] * b.Gain[i] / radius).Within(1e-12 * b.Gain[i]));
        }
    }

    [Test]
    public void ExplicitEncoders_NormalisedUnlessDisabled()
    {
        var raw = new double[,] { { 2, 0 }, { 0, -3 }, { 3, 4 } };
        var b = Build(net => net.Ensemble(3, 2, encoders: raw));
        Assert.That(b.Encoders.ToArray(), Is.EqualTo(new double[,] { { 1, 0 }, { 0, -1 }, { 0.6, 0.8 } }).Within(1e-12));
        var kept = Build(net => net.Ensemble(3, 2, encoders: raw, normalizeEncoders: false));
        Assert.That(kept.Encoders.ToArray(), Is.EqualTo(raw));
    }

    [Test]
    public void ZeroEncoderRow_IsBuildError()
    {
        var net = new Network("zero-encoder", seed: 82);
        net.Ensemble(2, 2, encoders: new double[,] { { 1, 0 }, { 0, 0 } });
        Assert.That(() => Sim(net), Throws.InstanceOf<BuildError>());
    }

    [Test]
    public void InvalidParameters_AreRejected()
    {
        var net = new Network("invalid", seed: 83);
        Assert.That(() => net.Ensemble(2, 1, intercepts: new[] { 0.0, 1.0 }), Throws.InstanceOf<ValidationError>(), "intercept 1");
        Assert.That(() => net.Ensemble(2, 1, maxRates: new[] { 100.0, -5 }), Throws.InstanceOf<ValidationError>(), "negative max rate");
        Assert.That(() => net.Ensemble(2, 1, gain: new[] { 1.0, 1.0 }), Throws.InstanceOf<ValidationError>(), "gain without bias");
        Assert.That(() => net.Ensemble(2, 1, maxRates: new[] { 100.0 }), Throws.InstanceOf<ValidationError>(), "wrong length");
        Assert.That(net.Ensembles, Is.Empty, "rejected ensembles are not added");
    }

    [Test]
    public void UnreachableMaxRate_IsBuildError()
    {
        // LIF with τ_ref = 2 ms cannot fire at 500 Hz or more.
        var net = new Network("unreachable", seed: 84);
        net.Ensemble(2, 1, maxRates: new[] { 200.0, 600.0 });
        Assert.That(() => Sim(net), Throws.InstanceOf<BuildError>());
    }

    [Test]
    public void NonPositiveGain_IsBuildError()
    {
        var net = new Network("negative-gain", seed: 85);
        net.Ensemble(2, 1, gain: new[] { 1.0, -1.0 }, bias: new[] { 0.0, 0.0 });
        Assert.That(() => Sim(net), Throws.InstanceOf<BuildError>());
    }
}
