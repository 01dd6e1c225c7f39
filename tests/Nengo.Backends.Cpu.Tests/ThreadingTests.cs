using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>Results are bit-identical for any number of CPU threads, in float64 and float32 (issue 5), on a model whose plan really runs levels in parallel.</summary>
public sealed class ThreadingTests
{
    private static (Network Net, Probe[] Probes) Model()
    {
        var net = new Network("parallel", seed: 11);
        var input = net.Node(t => new[] { Math.Sin(6 * t), Math.Cos(4 * t) });
        var probes = new List<Probe>();
        Ensemble? previous = null;
        for (int k = 0; k < 4; k++)
        {
            var e = net.Ensemble(800 + 7 * k, 2, nEvalPoints: 300, label: $"e{k}");
            net.Connect(previous is null ? input : previous, e);
            net.Connect(e, e, transform: 0.5, synapse: 0.05);
            probes.Add(net.Probe(e, synapse: 0.01));
            probes.Add(net.Probe(e.Neurons));
            previous = e;
        }
        return (net, [.. probes]);
    }

    [Test]
    public void OneAndTwoThreads_GiveBitIdenticalProbes([Values] CpuPrecision precision)
    {
        var results = new List<double[][,]>();
        foreach (int threads in new[] { 1, 2 })
        {
            var (net, probes) = Model();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var sim = new Simulator(net, backend: new CpuBackend(threads, precision: precision) { ParallelThreshold = 10_000 });
            var plan = Regex.Match(sim.PlanReport(), @"(\d+) run in parallel on (\d+) threads");
            if (threads == 2)
                Assert.That((int.Parse(plan.Groups[1].Value) > 0, int.Parse(plan.Groups[2].Value)), Is.EqualTo((true, 2)), sim.PlanReport());
            double build = clock.Elapsed.TotalSeconds;
            sim.RunSteps(200);
            TestContext.Out.WriteLine($"{threads} threads: build {build:F2} s, 200 steps {clock.Elapsed.TotalSeconds - build:F2} s");
            results.Add(probes.Select(p => sim.Data[p].ToArray()).ToArray());
        }
        for (int p = 0; p < results[0].Length; p++)
            Assert.That(results[1][p], Is.EqualTo(results[0][p]), $"probe {p}");
    }

    [Test]
    public void APlanWithLargeLevels_StartsOnTheWorkers()
    {
        string Report(long threshold)
        {
            var (net, _) = Model();
            using var sim = new Simulator(net, backend: new CpuBackend(threads: 2) { ParallelThreshold = threshold });
            return sim.PlanReport();
        }
        Assert.That(Report(1_000), Does.Contain("starting on the workers"));
        Assert.That(Report(1_000_000_000), Does.Contain("0 run in parallel").And.Contain("starting on the calling thread"));
    }
}
