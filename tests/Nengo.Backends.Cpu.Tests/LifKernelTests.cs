using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>
/// The vectorised LIF kernel against a scalar transcription of the LIF step (NEF.md §2), and merged
/// populations (one range for many ensembles) against each ensemble simulated alone.
/// </summary>
public sealed class LifKernelTests : KernelTestBase
{
    private static double[] Currents(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => 0.5 + 9.5 * rng.NextDouble()).ToArray();
    }

    [Test]
    public void VoltagesAndSpikes_FollowTheScalarLifStep([Values(1, 3, 4, 7, 64)] int n)
    {
        var j = Currents(n, n);
        var net = new Network("lif", seed: 1);
        var ens = net.Ensemble(n, 1, neuronType: new LIF(tauRc: 0.02, tauRef: 0.002, minVoltage: -0.5),
            gain: Enumerable.Repeat(1.0, n).ToArray(), bias: j, label: "e");
        var spikes = net.Probe(ens.Neurons);
        var voltage = net.Probe(ens.Neurons, "voltage");
        var sim = Sim(net);
        var v = sim.Model.Sig[ens.Neurons]["voltage"].Initial.ToArray();
        var r = new double[n];
        sim.RunSteps(500);
        double dt = 0.001, tauRc = 0.02, tauRef = 0.002;
        int spikesSeen = 0;
        for (int step = 0; step < 500; step++)
        {
            for (int i = 0; i < n; i++)
            {
                r[i] -= dt;
                double delta = Math.Clamp(dt - r[i], 0, dt);
                v[i] -= (j[i] - v[i]) * double.ExpM1(-delta / tauRc);
                bool spiked = v[i] > 1;
                v[i] = Math.Max(v[i], -0.5);
                Assert.That(sim.Data[spikes][step, i], Is.EqualTo(spiked ? 1 / dt : 0.0), $"neuron {i} step {step}: spike");
                if (spiked)
                {
                    spikesSeen++;
                    r[i] = tauRef + dt + tauRc * double.LogP1(-(v[i] - 1) / (j[i] - 1));
                    v[i] = 0;
                }
                Assert.That(sim.Data[voltage][step, i], Is.EqualTo(v[i]).Within(1e-12), $"neuron {i} step {step}: voltage");
            }
        }
        Assert.That(spikesSeen, Is.GreaterThan(10 * n), "the currents make every neuron fire");
    }

    [Test]
    public void MergedPopulations_EqualEachPopulationAlone()
    {
        int[] sizes = [5, 13, 50, 1100];
        var together = new Network("together", seed: 3);
        var probes = new List<Probe>();
        for (int k = 0; k < sizes.Length; k++)
        {
            var e = together.Ensemble(sizes[k], 1, gain: Enumerable.Repeat(1.0, sizes[k]).ToArray(), bias: Currents(sizes[k], 10 + k), label: $"e{k}", seed: 100 + k);
            probes.Add(together.Probe(e.Neurons, "voltage"));
        }
        var sim = Sim(together);
        sim.RunSteps(300);
        var merged = probes.Select(p => sim.Data[p]).ToArray();
        int kernels = int.Parse(System.Text.RegularExpressions.Regex.Match(sim.PlanReport(), @"(\d+) kernels").Groups[1].Value);
        Assert.That(kernels, Is.LessThanOrEqualTo(sim.Model.StepOrder.Count - sizes.Length + 2), "four LIF operators run as two slices of one range");
        for (int k = 0; k < sizes.Length; k++)
        {
            var alone = new Network("alone", seed: 3);
            var e = alone.Ensemble(sizes[k], 1, gain: Enumerable.Repeat(1.0, sizes[k]).ToArray(), bias: Currents(sizes[k], 10 + k), label: $"e{k}", seed: 100 + k);
            var p = alone.Probe(e.Neurons, "voltage");
            Assert.That(Run(alone, 300, p)[0].ToArray(), Is.EqualTo(merged[k].ToArray()), $"ensemble {k} ({sizes[k]} neurons) is bit-identical merged and alone");
        }
    }
}
