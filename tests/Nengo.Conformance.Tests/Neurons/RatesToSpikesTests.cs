using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Neurons;

/// <summary>
/// The rates-to-spikes wrappers (NEF.md §2): base(J) → rate_out → wrapper → spikes. Regular spiking counts
/// match the rate to ±1; stochastic and Poisson counts match in mean within 4σ and rerun bit-identically.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class RatesToSpikesTests(BackendCase backend) : BackendTestBase(backend)
{
    private static readonly double[] LifCurrents = [0.5, 1.001, 1.5, 2, 5, 10, 100];

    [Test]
    public void RegularSpiking_LifRate_CountsMatchRateWithinOne()
    {
        var (net, ens) = ConstantCurrent.Network(new RegularSpiking(new LIFRate(), amplitude: 2.0), LifCurrents);
        var pOut = net.Probe(ens.Neurons);
        var pRate = net.Probe(ens.Neurons, "rate_out");
        var pV = net.Probe(ens.Neurons, "voltage");
        var sim = Sim(net);
        sim.RunSteps(1000);
        var spikes = sim.Data[pOut];
        for (int k = 0; k < LifCurrents.Length; k++)
        {
            double r = ConstantCurrent.LifRate(LifCurrents[k]);
            Assert.That(sim.Data[pRate][500, k], Is.EqualTo(r).Within(Tol(1e-9) * (1 + r)), "rate_out is the base type's rate");
            double count = ConstantCurrent.Count(spikes, k, 0, 1000, amplitude: 2.0);
            Assert.That(count, Is.EqualTo(r).Within(1.0), $"J = {LifCurrents[k]}: spikes in 1 s vs rate {r}");
            Assert.That(count, Is.EqualTo(Math.Round(count)), "whole spikes");
        }
        foreach (double v in sim.Data[pV].ToArray()) Assert.That(v, Is.InRange(0.0, 1.0));
        foreach (double s in spikes.ToArray()) Assert.That(s == 0 || s == 2000, $"one spike per step of amplitude/dt, got {s}");
    }

    [Test]
    public void RegularSpiking_HighRates_SeveralSpikesPerStep_AndNegativeRates()
    {
        // RectifiedLinear at J = 2500 Hz: 2.5 spikes per step on average.
        var (net, ens) = ConstantCurrent.Network(new RegularSpiking(new RectifiedLinear()), [2500.0]);
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(100);
        var s = sim.Data[p];
        Assert.That(ConstantCurrent.Count(s, 0, 0, 100), Is.EqualTo(250).Within(1));
        foreach (double x in s.ToArray()) Assert.That(x is 2000.0 or 3000.0, $"2 or 3 spikes per step, got {x}");

        // Tanh can be negative: so are the spikes.
        var (netT, ensT) = ConstantCurrent.Network(new RegularSpiking(new Tanh()), [-0.5]);
        var pT = netT.Probe(ensT.Neurons);
        var simT = Sim(netT);
        simT.RunSteps(1000);
        double expected = Math.Tanh(-0.5) / 0.0025;
        Assert.That(ConstantCurrent.Count(simT.Data[pT], 0, 0, 1000), Is.EqualTo(expected).Within(1.0));
        Assert.That(new RegularSpiking(new Tanh()).Negative, Is.True);
    }

    [Test]
    public void Stochastic_MeanCountWithin4Sigma_AtMostOneSpikeBelowOnePerStep()
    {
        const int n = 50, steps = 1000;
        const double j = 5.0;
        var (net, ens) = ConstantCurrent.Network(new StochasticSpiking(new LIFRate()), ConstantCurrent.Repeat(j, n));
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(steps);
        var s = sim.Data[p];
        double f = ConstantCurrent.LifRate(j) * 0.001;
        double mean = n * steps * f, sigma = Math.Sqrt(n * steps * f * (1 - f));
        double total = ConstantCurrent.Total(s);
        Assert.That(total, Is.EqualTo(mean).Within(4 * sigma), $"total spikes, expected {mean} ± {sigma}");
        foreach (double x in s.ToArray()) Assert.That(x is 0.0 or 1000.0, $"0 or 1 spike per step when dt·r < 1, got {x}");
    }

    [Test]
    public void Stochastic_AboveOnePerStep_IsFloorOrCeil_AndSignFollowsNegativeBase()
    {
        const int n = 20, steps = 500;
        var (net, ens) = ConstantCurrent.Network(new StochasticSpiking(new RectifiedLinear()), ConstantCurrent.Repeat(2300.0, n));
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(steps);
        var s = sim.Data[p];
        foreach (double x in s.ToArray()) Assert.That(x is 2000.0 or 3000.0, $"2 or 3 spikes per step at dt·r = 2.3, got {x}");
        double mean = n * steps * 2.3, sigma = Math.Sqrt(n * steps * 0.3 * 0.7);
        Assert.That(ConstantCurrent.Total(s), Is.EqualTo(mean).Within(4 * sigma));

        var (netT, ensT) = ConstantCurrent.Network(new StochasticSpiking(new Tanh()), ConstantCurrent.Repeat(-0.5, n));
        var pT = netT.Probe(ensT.Neurons);
        var simT = Sim(netT);
        simT.RunSteps(steps);
        double f = Math.Abs(Math.Tanh(-0.5) / 0.0025) * 0.001;
        double meanT = -n * steps * f, sigmaT = Math.Sqrt(n * steps * f * (1 - f));
        foreach (double x in simT.Data[pT].ToArray()) Assert.That(x is 0.0 or -1000.0, $"negative spikes, got {x}");
        Assert.That(ConstantCurrent.Total(simT.Data[pT]), Is.EqualTo(meanT).Within(4 * sigmaT));
    }

    [Test]
    public void Poisson_MeanAndVarianceWithin4Sigma([Values(0.15, 25.0)] double lambda)
    {
        const int n = 40, steps = 1000;
        // RectifiedLinear makes the rate exactly λ/dt.
        var (net, ens) = ConstantCurrent.Network(new PoissonSpiking(new RectifiedLinear()), ConstantCurrent.Repeat(lambda * 1000, n));
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(steps);
        var counts = sim.Data[p].ToArray().Cast<double>().Select(x => x * 0.001).ToArray();
        int m = counts.Length;
        foreach (double c in counts) Assert.That(c, Is.EqualTo(Math.Round(c)).Within(1e-9), "whole spikes");
        double mean = counts.Average();
        double variance = counts.Select(c => (c - mean) * (c - mean)).Sum() / (m - 1);
        Assert.That(mean, Is.EqualTo(lambda).Within(4 * Math.Sqrt(lambda / m)), "Poisson mean");
        // Var of the sample variance of a Poisson: (λ + 2λ²·m/(m−1))/m ≈ (λ + 2λ²)/m.
        Assert.That(variance, Is.EqualTo(lambda).Within(4 * Math.Sqrt((lambda + 2 * lambda * lambda) / m)), "Poisson variance = mean");
        if (lambda < 1)
        {
            // Unlike StochasticSpiking, Poisson puts two or more spikes in some steps: P(≥2) = 1 − e^−λ(1 + λ).
            double pTwo = 1 - Math.Exp(-lambda) * (1 + lambda);
            double twos = counts.Count(c => c >= 2);
            Assert.That(twos, Is.EqualTo(m * pTwo).Within(4 * Math.Sqrt(m * pTwo * (1 - pTwo))));
            Assert.That(twos, Is.GreaterThan(0));
        }
    }

    [Test]
    public void Poisson_LifRate_TotalWithin4Sigma_NegativeWithTanh()
    {
        const int n = 50, steps = 1000;
        var (net, ens) = ConstantCurrent.Network(new PoissonSpiking(new LIFRate()), ConstantCurrent.Repeat(10.0, n));
        var p = net.Probe(ens.Neurons);
        var pRate = net.Probe(ens.Neurons, "rate_out");
        var sim = Sim(net);
        sim.RunSteps(steps);
        double lambda = ConstantCurrent.LifRate(10.0) * 0.001;
        Assert.That(ConstantCurrent.Total(sim.Data[p]), Is.EqualTo(n * steps * lambda).Within(4 * Math.Sqrt(n * steps * lambda)));
        Assert.That(sim.Data[pRate][0, 0], Is.EqualTo(ConstantCurrent.LifRate(10.0)).Within(1e-9));

        var (netT, ensT) = ConstantCurrent.Network(new PoissonSpiking(new Tanh()), ConstantCurrent.Repeat(-0.5, n));
        var pT = netT.Probe(ensT.Neurons);
        var simT = Sim(netT);
        simT.RunSteps(steps);
        double lT = Math.Abs(Math.Tanh(-0.5) / 0.0025) * 0.001;
        foreach (double x in simT.Data[pT].ToArray()) Assert.That(x, Is.LessThanOrEqualTo(0));
        Assert.That(ConstantCurrent.Total(simT.Data[pT]), Is.EqualTo(-n * steps * lT).Within(4 * Math.Sqrt(n * steps * lT)));
    }

    private static IEnumerable<TestCaseData> RandomWrappers()
    {
        yield return new TestCaseData(new StochasticSpiking(new LIFRate())).SetArgDisplayNames("Stochastic");
        yield return new TestCaseData(new PoissonSpiking(new LIFRate())).SetArgDisplayNames("Poisson");
    }

    [TestCaseSource(nameof(RandomWrappers))]
    public void RandomWrappers_ResetRerunIsBitIdentical_SeedChangesSpikes(NeuronType type)
    {
        var (net, ens) = ConstantCurrent.Network(type, ConstantCurrent.Repeat(5.0, 30));
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net, seed: 11);
        sim.RunSteps(300);
        var first = sim.Data[p].ToArray();
        sim.Reset();
        sim.RunSteps(300);
        Assert.That(sim.Data[p].ToArray(), Is.EqualTo(first), "reset rerun");
        var other = Sim(net, seed: 11);
        other.RunSteps(300);
        Assert.That(other.Data[p].ToArray(), Is.EqualTo(first), "same simulator seed");
        sim.Reset(seed: 12);
        sim.RunSteps(300);
        Assert.That(sim.Data[p].ToArray(), Is.Not.EqualTo(first), "a different simulator seed gives different spikes");
    }

    [Test]
    public void Wrapper_ProbeableAttributes_AndBaseStateProbe()
    {
        var type = new RegularSpiking(new AdaptiveLIFRate(tauN: 0.05, incN: 0.01));
        var (net, ens) = ConstantCurrent.Network(type, [5.0, 10.0]);
        Assert.That(ens.Neurons.ProbeableAttributes, Is.EqualTo(new[] { "output", "rate_out", "voltage", "adaptation", "input" }));
        var pA = net.Probe(ens.Neurons, "adaptation");
        var pR = net.Probe(ens.Neurons, "rate_out");
        var pS = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(1000);
        // The base AdaptiveLIFRate runs on J and feeds rate_out; the adaptation is the rate version's.
        var a = sim.Data[pA];
        var r = sim.Data[pR];
        for (int k = 0; k < 2; k++)
        {
            Assert.That(a[999, k], Is.EqualTo(0.01 * r[999, k]).Within(1e-6 * r[999, k]));
            double integral = 0;
            for (int i = 0; i < 1000; i++) integral += r[i, k] * 0.001;
            Assert.That(ConstantCurrent.Count(sim.Data[pS], k, 0, 1000), Is.EqualTo(integral).Within(1.0), "count = ∫ rate_out ± 1");
        }
        Assert.That(new StochasticSpiking(new LIF()).State, Is.Empty);
        var (_, ens2) = ConstantCurrent.Network(new PoissonSpiking(new LIFRate()), [1.0]);
        Assert.That(ens2.Neurons.ProbeableAttributes, Is.EqualTo(new[] { "output", "rate_out", "input" }));
    }
}
