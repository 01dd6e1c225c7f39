using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Neurons;

/// <summary>Izhikevich neurons (NEF.md §2): spike rates vs the simulated rate estimate, presets, voltage.</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class IzhikevichTests(BackendCase backend) : BackendTestBase(backend)
{
    private static readonly double[] Currents = [5, 10, 15, 20, 40];

    private (double[,] Spikes, double[,] Voltage, double[,] Recovery) Run(Izhikevich type, double[] currents, int steps = 1000)
    {
        var (net, ens) = ConstantCurrent.Network(type, currents);
        var pS = net.Probe(ens.Neurons);
        var pV = net.Probe(ens.Neurons, "voltage");
        var pU = net.Probe(ens.Neurons, "recovery");
        var sim = Sim(net);
        sim.RunSteps(steps);
        return (sim.Data[pS].ToArray(), sim.Data[pV].ToArray(), sim.Data[pU].ToArray());
    }

    private static double[] Counts(double[,] spikes, int from = 0)
    {
        var c = new double[spikes.GetLength(1)];
        for (int j = 0; j < c.Length; j++)
            for (int i = from; i < spikes.GetLength(0); i++) c[j] += spikes[i, j] * 0.001;
        return c.Select(x => Math.Round(x, 9)).ToArray();
    }

    [Test]
    public void RegularSpiking_CountOverOneSecond_MatchesRatesEstimate()
    {
        var type = new Izhikevich();
        var (spikes, _, _) = Run(type, Currents);
        var counts = Counts(spikes);
        var expected = new double[Currents.Length];
        type.RatesFromCurrent(Currents, expected);
        TestContext.Out.WriteLine($"counts {string.Join(", ", counts)}; rates {string.Join(", ", expected)}");
        for (int k = 0; k < Currents.Length; k++)
        {
            Assert.That(expected[k], Is.GreaterThan(0), $"J = {Currents[k]} fires");
            Assert.That(counts[k], Is.EqualTo(expected[k]).Within(2), $"J = {Currents[k]}: spikes in 1 s vs rates()");
        }
        for (int k = 1; k < Currents.Length; k++) Assert.That(expected[k], Is.GreaterThan(expected[k - 1]), "rates increase with J");
        // Outputs are 0 or 1/dt.
        foreach (double s in spikes) Assert.That(s == 0 || s == 1000, $"spike output {s}");
    }

    [Test]
    public void VoltageProbe_ResetsToC_AfterEachSpike_AndStaysBelowPeak()
    {
        var type = Izhikevich.Chattering;
        var (spikes, v, u) = Run(type, [10.0], steps: 300);
        int n = 0;
        for (int i = 0; i < spikes.GetLength(0); i++)
        {
            Assert.That(v[i, 0], Is.LessThan(30.0));
            if (spikes[i, 0] > 0)
            {
                n++;
                Assert.That(v[i, 0], Is.EqualTo(type.ResetVoltage), $"step {i}: voltage reset to c");
                if (i > 0) Assert.That(u[i, 0], Is.EqualTo(u[i - 1, 0] + type.TauRecovery * (type.Coupling * type.ResetVoltage - u[i - 1, 0]) + type.ResetRecovery).Within(Tol(1e-12)),
                    "u is updated with the reset voltage, then jumps by d");
            }
            else if (i > 0)
            {
                double vPrev = v[i - 1, 0], uPrev = u[i - 1, 0];
                double vNew = vPrev + (0.04 * vPrev * vPrev + 5 * vPrev + 140 - uPrev + 10.0);
                Assert.That(v[i, 0], Is.EqualTo(vNew).Within(Tol(1e-9) * (1 + Math.Abs(vNew))), $"step {i}: voltage update");
            }
        }
        Assert.That(n, Is.GreaterThan(3));
    }

    [Test]
    public void Presets_HaveTheirParameters_AndFireDifferently()
    {
        Assert.That((Izhikevich.IntrinsicallyBursting.ResetVoltage, Izhikevich.IntrinsicallyBursting.ResetRecovery), Is.EqualTo((-55.0, 4.0)));
        Assert.That((Izhikevich.Chattering.ResetVoltage, Izhikevich.Chattering.ResetRecovery), Is.EqualTo((-50.0, 2.0)));
        Assert.That(Izhikevich.FastSpiking.TauRecovery, Is.EqualTo(0.1));
        Assert.That(Izhikevich.LowThresholdSpiking.Coupling, Is.EqualTo(0.25));
        Assert.That((Izhikevich.Resonator.TauRecovery, Izhikevich.Resonator.Coupling), Is.EqualTo((0.1, 0.26)));

        double[] j = [10.0];
        var rs = Counts(Run(new Izhikevich(), j).Spikes)[0];
        var ib = Counts(Run(Izhikevich.IntrinsicallyBursting, j).Spikes)[0];
        var ch = Counts(Run(Izhikevich.Chattering, j).Spikes)[0];
        var fs = Counts(Run(Izhikevich.FastSpiking, j).Spikes)[0];
        TestContext.Out.WriteLine($"RS {rs}, IB {ib}, CH {ch}, FS {fs}");
        Assert.That(ch, Is.GreaterThan(1.5 * rs), "chattering bursts: many more spikes than regular spiking");
        Assert.That(fs, Is.GreaterThan(1.5 * rs), "fast spiking: little adaptation, a higher rate");
        Assert.That(ib, Is.Not.EqualTo(rs));
        // Chattering spikes come in bursts: many inter-spike intervals are short, some long.
        var (chSpikes, _, _) = Run(Izhikevich.Chattering, j);
        var times = Enumerable.Range(0, 1000).Where(i => chSpikes[i, 0] > 0).ToArray();
        var isi = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        TestContext.Out.WriteLine($"CH ISIs {string.Join(",", isi.Take(30))}");
        Assert.That(isi.Max(), Is.GreaterThan(3 * isi.Min()), "bursting: long gaps between bursts of short intervals");
    }

    [Test]
    public void GenericGainBias_RateZeroAtIntercept_MaxRateAtOne()
    {
        var type = new Izhikevich();
        var net = new Network("izh", seed: 5);
        var ens = net.Ensemble(12, 1, neuronType: type, maxRates: new Uniform(20, 60), intercepts: new Uniform(-0.5, 0.5));
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net);
        sim.RunSteps(10);
        var built = sim.Data[ens];
        for (int i = 0; i < 12; i++)
        {
            var r = new double[3];
            double g = built.Gain[i], b = built.Bias[i], c = built.Intercepts[i];
            type.RatesFromCurrent([g * c + b, g * 1.0 + b, g * (c + 0.2 * (1 - c)) + b], r);
            Assert.That(g, Is.GreaterThan(0));
            Assert.That(r[0], Is.EqualTo(0.0), $"neuron {i}: no firing at the intercept");
            Assert.That(r[2], Is.GreaterThan(0), $"neuron {i}: fires above the intercept");
            Assert.That(r[1], Is.EqualTo(built.MaxRates[i]).Within(2.0), $"neuron {i}: the max rate at x = 1");
        }
        Assert.That(sim.Data[p].RowCount, Is.EqualTo(10));
    }
}
