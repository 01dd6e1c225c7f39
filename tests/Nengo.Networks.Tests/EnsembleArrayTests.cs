using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>EnsembleArray behaviour (NEF.md §11.1), as Nengo's own tests check it: decoding, output functions, neuron access, defaults.</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class EnsembleArrayTests(BackendCase backend) : BackendTestBase(backend)
{
    [Test]
    public void DecodesVector_MultiDimensionalEnsembles()
    {
        var net = new Network("ea", seed: 1);
        double[] x = [0.3, -0.5, 0.7, 0.1, -0.2, 0.6];
        var input = net.Node(x);
        var ea = net.Add(new EnsembleArray(60, 3, ensDimensions: 2));
        net.Connect(input, ea.Input);
        var p = net.Probe(ea.Output, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(0.4);
        var mean = Util.MeanOver(sim.Data[p], 0.25, 0.4);
        TestContext.Out.WriteLine($"decoded {string.Join(", ", mean.Select(v => v.ToString("F3")))}");
        Assert.That(mean, Is.EqualTo(x).Within(Tol(0.1)));
    }

    [Test]
    public void AddOutput_ComputesFunctions()
    {
        var net = new Network("ea-functions", seed: 2);
        double[] x = [0.5, -0.4, 0.8];
        var input = net.Node(x);
        var ea = net.Add(new EnsembleArray(80, 3));
        net.Connect(input, ea.Input);
        var square = ea.AddOutput("square", v => v * v);
        var pair = ea.AddOutput("pair", (double[] v) => [v[0], -2 * v[0]]);
        var ps = net.Probe(square, synapse: 0.03);
        var pp = net.Probe(pair, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(0.4);
        var sq = Util.MeanOver(sim.Data[ps], 0.25, 0.4);
        var pr = Util.MeanOver(sim.Data[pp], 0.25, 0.4);
        TestContext.Out.WriteLine($"square {string.Join(", ", sq.Select(v => v.ToString("F3")))}; pair {string.Join(", ", pr.Select(v => v.ToString("F3")))}");
        Assert.That(sq, Is.EqualTo(x.Select(v => v * v).ToArray()).Within(Tol(0.08)));
        Assert.That(pr, Is.EqualTo(new[] { 0.5, -1.0, -0.4, 0.8, 0.8, -1.6 }).Within(Tol(0.15)));
    }

    [Test]
    public void NeuronInput_InhibitsAndNeuronOutput_CarriesSpikes()
    {
        var net = new Network("ea-neurons", seed: 3);
        var input = net.Node([0.6, 0.6]);
        var ea = net.Add(new EnsembleArray(40, 2));
        net.Connect(input, ea.Input);
        var inhibit = net.Node(1.0);
        var ni = ea.AddNeuronInput();
        var transform = new double[80, 1];
        for (int i = 0; i < 40; i++) transform[i, 0] = -10; // only the first ensemble's neurons
        net.Connect(inhibit, ni, transform: transform);
        var no = ea.AddNeuronOutput();
        var counts = net.Node(sizeIn: 2);
        var sum = new double[2, 80];
        for (int i = 0; i < 80; i++) sum[i / 40, i] = 0.001;
        net.Connect(no, counts, transform: sum, synapse: null);
        var p = net.Probe(ea.Output, synapse: 0.03);
        var pc = net.Probe(counts);
        var sim = Sim(net);
        sim.Run(0.3);
        var mean = Util.MeanOver(sim.Data[p], 0.2, 0.3);
        var spikes = Enumerable.Range(0, 2).Select(j => sim.Data[pc].Column(j).Sum()).ToArray();
        TestContext.Out.WriteLine($"inhibited {mean[0]:F3}, free {mean[1]:F3}; spikes {spikes[0]}, {spikes[1]}");
        Assert.That(mean[0], Is.EqualTo(0).Within(Tol(0.1)), "the inhibited ensemble decodes about 0");
        Assert.That(mean[1], Is.EqualTo(0.6).Within(Tol(0.1)));
        Assert.That(spikes[0], Is.LessThan(spikes[1] / 10), "the inhibited neurons hardly spike");
        Assert.That(spikes[1], Is.GreaterThan(100));
    }

    [Test]
    public void Defaults_SetAfterConstruction_ReachEveryEnsemble()
    {
        var net = new Network("ea-defaults", seed: 4);
        net.Defaults.Ensemble.Radius = 3.0; // the array's own radius wins over the enclosing network's
        var ea = net.Add(new EnsembleArray(10, 3, radius: 2.0, intercepts: new Uniform(0.1, 0.2)));
        ea.Defaults.Ensemble.NeuronType = new LIFRate();
        var plain = net.Add(new EnsembleArray(10, 2));
        var sim = Sim(net);
        foreach (var e in ea.Ensembles)
        {
            var built = sim.Data[e];
            Assert.That(built.NeuronType, Is.InstanceOf<LIFRate>());
            Assert.That(built.Radius, Is.EqualTo(2.0));
            Assert.That(built.Intercepts, Has.All.InRange(0.1, 0.2));
        }
        Assert.That(plain.Ensembles.Select(e => sim.Data[e].Radius), Has.All.EqualTo(3.0));
        Assert.That(plain.Ensembles.Select(e => sim.Data[e].NeuronType), Has.All.InstanceOf<LIF>());
    }
}
