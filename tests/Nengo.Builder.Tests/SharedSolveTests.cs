using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>
/// A decoder problem posed twice in one build is solved once (see SharedSolves): the results must be exactly
/// what separate solves give, and problems that only look alike (same function object, different targets) are
/// solved each for its own targets.
/// </summary>
[TestFixture]
public class SharedSolveTests
{
    [Test]
    public void AProbeOnAnEnsemble_GetsBitForBitTheDecodersOfItsIdentityConnection()
    {
        var net = new Network("shared", seed: 9);
        var a = net.Ensemble(80, 2, label: "a");
        var b = net.Ensemble(50, 2, label: "b");
        net.Connect(a, b, label: "ab");
        var probe = net.Probe(a, synapse: 0.01);
        var model = ModelBuilder.Build(net);
        var connection = model.Connections.Single(kv => kv.Key.Label == "ab").Value.Weights!.ToColumnMajorArray();
        var probed = model.Connections.Single(kv => kv.Key.Label != "ab" && ReferenceEquals(kv.Key.PreObject, a)).Value.Weights!.ToColumnMajorArray();
        Assert.That(probed.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(connection.Select(BitConverter.DoubleToInt64Bits)));
        Assert.That(probe, Is.Not.Null);
    }

    [Test]
    public void TheSameFunctionObject_WithDifferentTargets_IsSolvedForEach()
    {
        // The function returns x for its first 300 evaluations in the build and 2x afterwards. The first connection
        // sits in a subnetwork, which is built (and solved) before the parent's connections, so the two solves run one
        // after the other and the second one could reuse the first: it must not, its targets are 2Y, so its
        // decoders are exactly 2D (doubling is exact in every step of the solve). Sharing by function would give D twice.
        bool building = false;
        int calls = 0;
        Func<double, double> f = x => building && calls++ >= 300 ? 2 * x : x;
        var net = new Network("impure", seed: 9);
        var a = net.Ensemble(60, 1, nEvalPoints: 300, label: "a");
        var b = net.Ensemble(40, 1, label: "b");
        var c = net.Ensemble(40, 1, label: "c");
        var sub = net.Add(new Network("sub"));
        sub.Connect(a, b, f, label: "first");
        net.Connect(a, c, f, label: "second");
        var same = net.Connect(a, c, f, label: "same", transform: 0.5);
        building = true;
        var model = ModelBuilder.Build(net);
        Assert.That(calls, Is.EqualTo(900), "each connection evaluated the function at its own 300 points");
        double[] W(string label) => model.Connections.Single(kv => kv.Key.Label == label).Value.Weights!.ToColumnMajorArray();
        Assert.That(W("second"), Is.EqualTo(W("first").Select(w => 2 * w).ToArray()));
        Assert.That(W("same"), Is.EqualTo(W("first").Select(w => 0.5 * (2 * w)).ToArray()), "the third connection's targets are 2Y as well");
        Assert.That(same, Is.Not.Null);
    }
}
