using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>
/// BasalGanglia and Thalamus behaviour (NEF.md §11.2–11.3) with the BENCHMARKS.md utilities
/// [0.8, 0.4, 0.3, 0.2]: the output is about 0 for the winner and strongly negative for the others.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class BasalGangliaTests(BackendCase backend) : BackendTestBase(backend)
{
    private static readonly double[] Utilities = [0.8, 0.4, 0.3, 0.2];

    [Test]
    public void SelectsLargestUtility_AndThalamusPicksOneAction()
    {
        var net = new Network("bg", seed: 1);
        var u = net.Node(Utilities, label: "utilities");
        var bg = net.Add(new BasalGanglia(dimensions: 4));
        var thal = net.Add(new Thalamus(4));
        net.Connect(u, bg.Input, synapse: null);
        net.Connect(bg.Output, thal.Input);
        var p = net.Probe(bg.Output, synapse: 0.01);
        var pt = net.Probe(thal.Output, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.5);

        var mean = Util.MeanOver(sim.Data[p], 0.3, 0.5);
        double margin = mean[0] - mean.Skip(1).Max();
        var th = Util.MeanOver(sim.Data[pt], 0.3, 0.5);
        TestContext.Out.WriteLine($"bg output {string.Join(", ", mean.Select(v => v.ToString("F3")))}; margin {margin:F3}");
        TestContext.Out.WriteLine($"thalamus {string.Join(", ", th.Select(v => v.ToString("F3")))}");
        Assert.That(margin, Is.GreaterThan(0.5 / Backend.ToleranceScale), "margin: channel 0 minus the best other channel");
        Assert.That(mean[0], Is.EqualTo(0).Within(Tol(0.15)), "the winner is released (about 0)");
        Assert.That(mean.Skip(1), Has.All.LessThan(-0.5), "the others are inhibited");
        Assert.That(th[0], Is.GreaterThan(0.7), "the thalamus executes the selected action");
        Assert.That(th.Skip(1), Has.All.LessThan(0.15), "and only that one");
    }

    [Test]
    public void LocalDefaults_ResolvedAtBuild_UserNeuronTypeStillApplies()
    {
        var net = new Network("bg-defaults", seed: 2);
        var bg = net.Add(new BasalGanglia(dimensions: 2, nNeuronsPerEnsemble: 20));
        bg.Defaults.Ensemble.NeuronType = new LIFRate(); // after construction: still reaches every ensemble
        var sim = Sim(net);
        var ranges = new Dictionary<EnsembleArray, (double Low, double High)>
        {
            [bg.StrD1] = (0.2, 1), [bg.StrD2] = (0.2, 1), [bg.Stn] = (-0.25, 1), [bg.Gpi] = (-0.2, 1), [bg.Gpe] = (-0.2, 1),
        };
        foreach (var (ea, (lo, hi)) in ranges)
            foreach (var e in ea.Ensembles)
            {
                var b = sim.Data[e];
                Assert.That(b.Radius, Is.EqualTo(1.5));
                Assert.That(b.NeuronType, Is.InstanceOf<LIFRate>());
                Assert.That(b.Encoders.Enumerate(), Has.All.EqualTo(1.0));
                Assert.That(b.Intercepts, Has.All.InRange(lo, hi));
            }
        foreach (var c in bg.AllConnections.Where(c => c.IsDecoded))
            Assert.That(sim.Data[c].SolverInfo!.Solver, Is.InstanceOf<NnlsL2nz>(), c.Describe);
    }
}
