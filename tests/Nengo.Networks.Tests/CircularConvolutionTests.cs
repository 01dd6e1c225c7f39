using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>CircularConvolution against the exact circular convolution (NEF.md §11.5), with and without inversion.</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class CircularConvolutionTests(BackendCase backend) : BackendTestBase(backend)
{
    [Test]
    public void MatchesExactConvolution_AndInverses()
    {
        const int d = 8;
        var rng = new Random(8);
        var a = Util.UnitVector(d, rng);
        var b = Util.UnitVector(d, rng);
        var net = new Network("circconv", seed: 3);
        var na = net.Node(a);
        var nb = net.Node(b);
        var cases = new (bool InvA, bool InvB)[] { (false, false), (true, false), (false, true) };
        var probes = new List<Probe>();
        foreach (var (invA, invB) in cases)
        {
            var cc = net.Add(new CircularConvolution(200, d, invertA: invA, invertB: invB));
            net.Connect(na, cc.InputA);
            net.Connect(nb, cc.InputB);
            probes.Add(net.Probe(cc.Output, synapse: 0.02));
        }
        var sim = Sim(net);
        sim.Run(0.5);
        for (int i = 0; i < cases.Length; i++)
        {
            var (invA, invB) = cases[i];
            var expected = Util.CircConv(invA ? Util.Involution(a) : a, invB ? Util.Involution(b) : b);
            var mean = Util.MeanOver(sim.Data[probes[i]], 0.3, 0.5);
            double cosine = Util.Cosine(mean, expected);
            double err = Math.Sqrt(mean.Zip(expected, (x, y) => (x - y) * (x - y)).Sum() / Util.Dot(expected, expected));
            TestContext.Out.WriteLine($"invertA={invA} invertB={invB}: cosine {cosine:F4}, relative error {err:F3}");
            Assert.That(cosine, Is.GreaterThan(1 - Tol(0.1)), $"invertA={invA}, invertB={invB}");
            Assert.That(err, Is.LessThan(Tol(0.35)));
        }
    }

    [Test]
    public void NetworkDefaults_SetAfterConstruction_ReachProductEnsembles()
    {
        var net = new Network("cc-defaults", seed: 4);
        var cc = new CircularConvolution(nNeurons: 20, dimensions: 4);
        cc.Defaults.Ensemble.NeuronType = new LIFRate();
        net.Defaults.Connection.Synapse = 0.01;
        net.Add(cc);
        var sim = Sim(net);
        Assert.That(cc.AllEnsembles.Count(), Is.EqualTo(2 * 12));
        Assert.That(cc.AllEnsembles.Select(e => sim.Data[e].NeuronType), Has.All.InstanceOf<LIFRate>());
        Assert.That(cc.AllEnsembles.Select(e => sim.Data[e].Radius), Has.All.EqualTo(2 * Math.Sqrt(2)).Within(1e-12));
    }
}
