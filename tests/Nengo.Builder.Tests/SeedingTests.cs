using Nengo.Graph;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>Deterministic seeding (NEF.md §9.6): same seed, same parameters; probes and explicit seeds do not shift other objects' seeds.</summary>
[TestFixture]
public class SeedingTests
{
    private static Network Make(int seed, bool probes = false, int? seedB = null)
    {
        var net = new Network("seeds", seed: seed);
        var stim = net.Node(t => Math.Sin(t), label: "stim");
        var a = net.Ensemble(30, 2, label: "a");
        var b = net.Ensemble(30, 1, label: "b", seed: seedB);
        var c = net.Ensemble(20, 1, label: "c");
        net.Connect(stim, a[0]);
        net.Connect(a, b, (double[] x) => x[0] * x[1], label: "ab");
        net.Connect(b, c, label: "bc");
        var sub = net.Add(new Network("sub"));
        sub.Ensemble(15, 1, label: "d");
        if (probes)
        {
            net.Probe(b, synapse: 0.01);
            net.Probe(a.Neurons, "voltage");
            sub.Probe(sub.Ensembles[0]);
        }
        return net;
    }

    private static Dictionary<string, BuiltEnsemble> ByLabel(Model m) => m.Ensembles.ToDictionary(kv => kv.Key.Label!, kv => kv.Value);

    private static Dictionary<string, double[]> Decoders(Model m) =>
        m.Connections.Where(kv => kv.Key.Label is "ab" or "bc").ToDictionary(kv => kv.Key.Label!, kv => kv.Value.Weights!.ToColumnMajorArray());

    private static void AssertSame(BuiltEnsemble x, BuiltEnsemble y, string what)
    {
        Assert.That(x.Encoders.ToArray(), Is.EqualTo(y.Encoders.ToArray()), $"{what}: encoders");
        Assert.That(x.EvalPoints.ToArray(), Is.EqualTo(y.EvalPoints.ToArray()), $"{what}: eval points");
        Assert.That(x.Gain.ToArray(), Is.EqualTo(y.Gain.ToArray()), $"{what}: gains");
        Assert.That(x.Bias.ToArray(), Is.EqualTo(y.Bias.ToArray()), $"{what}: biases");
        Assert.That(x.MaxRates.ToArray(), Is.EqualTo(y.MaxRates.ToArray()), $"{what}: max rates");
        Assert.That(x.Intercepts.ToArray(), Is.EqualTo(y.Intercepts.ToArray()), $"{what}: intercepts");
    }

    [Test]
    public void SameNetworkSeed_GivesIdenticalBuiltParameters()
    {
        var m1 = ModelBuilder.Build(Make(11));
        var m2 = ModelBuilder.Build(Make(11));
        var e1 = ByLabel(m1);
        var e2 = ByLabel(m2);
        Assert.That(e1.Keys, Is.EquivalentTo(new[] { "a", "b", "c", "d" }));
        foreach (var label in e1.Keys) AssertSame(e1[label], e2[label], label);
        Assert.That(Decoders(m1), Is.EqualTo(Decoders(m2)));
    }

    [Test]
    public void SameNetworkSeed_GivesIdenticalInitialNeuronState()
    {
        var n1 = Make(11);
        var n2 = Make(11);
        var m1 = ModelBuilder.Build(n1);
        var m2 = ModelBuilder.Build(n2);
        Assert.That(m1.Sig[n1.Ensembles[0].Neurons]["voltage"].Initial.ToArray(),
            Is.EqualTo(m2.Sig[n2.Ensembles[0].Neurons]["voltage"].Initial.ToArray()));
    }

    [Test]
    public void DifferentNetworkSeeds_GiveDifferentParameters()
    {
        var e1 = ByLabel(ModelBuilder.Build(Make(11)));
        var e2 = ByLabel(ModelBuilder.Build(Make(12)));
        Assert.That(e1["a"].Encoders.ToArray(), Is.Not.EqualTo(e2["a"].Encoders.ToArray()));
    }

    [Test]
    public void SiblingEnsembles_GetDifferentParameters()
    {
        var e = ByLabel(ModelBuilder.Build(Make(11)));
        Assert.That(e["b"].Gain.Take(20).ToArray(), Is.Not.EqualTo(e["c"].Gain.ToArray()));
    }

    [Test]
    public void AddingProbes_DoesNotChangeAnyBuiltParameter()
    {
        var without = ModelBuilder.Build(Make(11));
        var with = ModelBuilder.Build(Make(11, probes: true));
        var e1 = ByLabel(without);
        var e2 = ByLabel(with);
        foreach (var label in e1.Keys) AssertSame(e1[label], e2[label], label);
        Assert.That(Decoders(with), Is.EqualTo(Decoders(without)));
    }

    [Test]
    public void AddingAProbe_ToTheSameNetwork_DoesNotChangeAnyBuiltParameter()
    {
        var net = Make(11);
        var before = ByLabel(ModelBuilder.Build(net));
        net.Probe(net.Ensembles[2]);
        var after = ByLabel(ModelBuilder.Build(net));
        foreach (var label in before.Keys) AssertSame(before[label], after[label], label);
    }

    [Test]
    public void ExplicitSeed_OnOneEnsemble_DoesNotChangeItsSiblings()
    {
        var plain = ByLabel(ModelBuilder.Build(Make(11)));
        var seeded = ByLabel(ModelBuilder.Build(Make(11, seedB: 12345)));
        AssertSame(plain["a"], seeded["a"], "a");
        AssertSame(plain["c"], seeded["c"], "c");
        AssertSame(plain["d"], seeded["d"], "d (in a subnetwork)");
        Assert.That(seeded["b"].Gain.ToArray(), Is.Not.EqualTo(plain["b"].Gain.ToArray()), "b itself uses its own seed");
    }

    [Test]
    public void ExplicitSeed_GivesTheSameEnsembleInAnyNetwork()
    {
        var e1 = ByLabel(ModelBuilder.Build(Make(11, seedB: 99)));
        var e2 = ByLabel(ModelBuilder.Build(Make(42, seedB: 99)));
        AssertSame(e1["b"], e2["b"], "b");
    }

    [Test]
    public void ChangesInsideASubnetwork_DoNotChangeAnythingOutsideIt()
    {
        var n1 = Make(11);
        var n2 = Make(11);
        n2.Networks[0].Ensemble(7, 1, label: "extra");
        var e1 = ByLabel(ModelBuilder.Build(n1));
        var e2 = ByLabel(ModelBuilder.Build(n2));
        foreach (var label in new[] { "a", "b", "c", "d" }) AssertSame(e1[label], e2[label], label);
    }
}
