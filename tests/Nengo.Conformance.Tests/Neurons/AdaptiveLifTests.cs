using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Neurons;

/// <summary>AdaptiveLIF and AdaptiveLIFRate (NEF.md §2): out = LIF(J − a), a ← a + (dt/τ_n)(inc_n·out − a).</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class AdaptiveLifTests(BackendCase backend) : BackendTestBase(backend)
{
    [Test]
    public void AdaptiveLif_RateDecreasesUnderConstantInput_AndAdaptationTracksIncNTimesRate()
    {
        const double tauN = 0.1, incN = 0.05, j = 5.0;
        var (net, ens) = ConstantCurrent.Network(new AdaptiveLIF(tauN: tauN, incN: incN), [j]);
        var pOut = net.Probe(ens.Neurons);
        var pA = net.Probe(ens.Neurons, "adaptation");
        var sim = Sim(net);
        sim.RunSteps(1500);
        var spikes = sim.Data[pOut];
        var a = sim.Data[pA];

        double early = ConstantCurrent.Count(spikes, 0, 0, 100);   // first 100 ms
        double late = ConstantCurrent.Count(spikes, 0, 1000, 1500) / 5; // per 100 ms, adapted
        // The first interval is the unadapted LIF's (J = 5: 154.7 Hz, ≤ 6.5 ms); adapted, it is ~16 ms.
        var times = Enumerable.Range(0, 1500).Where(i => spikes[i, 0] > 0).ToArray();
        Assert.That(times[1] - times[0], Is.LessThanOrEqualTo(7), "the first interspike interval is the unadapted one");
        Assert.That(times[^1] - times[^2], Is.GreaterThanOrEqualTo(14), "the last one is adapted");
        Assert.That(late, Is.LessThan(0.7 * early), $"adaptation must slow firing: {early} spikes in the first 100 ms, {late} per 100 ms later");

        // a starts at 0, is never negative, and jumps by incN·(1/dt)·(dt/τ_n) = incN/τ_n at each spike.
        Assert.That(a[0, 0], Is.InRange(0.0, incN / tauN + 1e-12));
        for (int i = 1; i < a.RowCount; i++)
        {
            double expected = a[i - 1, 0] + (0.001 / tauN) * (incN * spikes[i, 0] - a[i - 1, 0]);
            Assert.That(a[i, 0], Is.EqualTo(expected).Within(Tol(1e-12)), $"adaptation update at step {i}");
        }
        // In steady state the mean of a is inc_n × the mean rate.
        double meanA = Signals.Mean(a, 0, 1000, 1500);
        double rate = ConstantCurrent.Count(spikes, 0, 1000, 1500) / 0.5;
        Assert.That(meanA, Is.EqualTo(incN * rate).Within(0.05 * incN * rate));
        // And the adapted rate is close to the fixed point r = LIFRate(J − inc_n·r) (rate approximation ≈ spiking rate).
        double r = FixedPointRate(j, incN);
        Assert.That(rate, Is.EqualTo(r).Within(0.1 * r));
    }

    [Test]
    public void AdaptiveLifRate_ConvergesToTheFixedPoint()
    {
        const double tauN = 0.05, incN = 0.01;
        double[] currents = [0.5, 1.5, 5.0, 20.0];
        var (net, ens) = ConstantCurrent.Network(new AdaptiveLIFRate(tauN: tauN, incN: incN), currents);
        var pOut = net.Probe(ens.Neurons);
        var pA = net.Probe(ens.Neurons, "adaptation");
        var sim = Sim(net);
        sim.RunSteps(1000); // 20 τ_n
        var rates = sim.Data[pOut];
        var a = sim.Data[pA];
        // First step: no adaptation yet, so out = LIFRate(J).
        for (int k = 0; k < currents.Length; k++)
            Assert.That(rates[0, k], Is.EqualTo(ConstantCurrent.LifRate(currents[k])).Within(Tol(1e-9)));
        for (int k = 0; k < currents.Length; k++)
        {
            double r = FixedPointRate(currents[k], incN);
            Assert.That(rates[999, k], Is.EqualTo(r).Within(Tol(1e-6) * (1 + r)), $"rate at J = {currents[k]}");
            Assert.That(a[999, k], Is.EqualTo(incN * r).Within(Tol(1e-6) * (1 + r)), $"adaptation at J = {currents[k]}");
            Assert.That(rates[999, k], Is.EqualTo(ConstantCurrent.LifRate(currents[k] - a[998, k])).Within(Tol(1e-9)), "out = LIFRate(J − a)");
        }
        Assert.That(rates[999, 2], Is.LessThan(0.9 * rates[0, 2]), "adaptation lowers the rate");
    }

    [Test]
    public void AdaptiveLif_ZeroIncrement_IsPlainLif()
    {
        double[] currents = [1.5, 2, 5, 10];
        var (netA, ensA) = ConstantCurrent.Network(new AdaptiveLIF(incN: 0), currents, seed: 3);
        var pA = netA.Probe(ensA.Neurons);
        var (netL, ensL) = ConstantCurrent.Network(new LIF(), currents, seed: 3);
        var pL = netL.Probe(ensL.Neurons);
        var simA = Sim(netA);
        var simL = Sim(netL);
        simA.RunSteps(500);
        simL.RunSteps(500);
        Assert.That(simA.Data[pA].ToArray(), Is.EqualTo(simL.Data[pL].ToArray()));
    }

    /// <summary>Solves r = LIFRate(J − inc_n·r) by bisection on a (monotone).</summary>
    private static double FixedPointRate(double j, double incN)
    {
        double lo = 0, hi = j;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid - incN * ConstantCurrent.LifRate(j - mid) > 0) hi = mid; else lo = mid;
        }
        return ConstantCurrent.LifRate(j - 0.5 * (lo + hi));
    }
}
