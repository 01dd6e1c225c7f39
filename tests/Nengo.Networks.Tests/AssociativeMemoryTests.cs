using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>AssociativeMemory behaviour (NEF.md §11.7): recall, winner-take-all, thresholded outputs, default output, inhibition.</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class AssociativeMemoryTests(BackendCase backend) : BackendTestBase(backend)
{
    private const int D = 8, N = 4;

    /// <summary>N orthonormal keys in D dimensions (Gram–Schmidt of seeded random vectors), one per row.</summary>
    private static double[,] Keys()
    {
        var rng = new Random(5);
        var rows = new List<double[]>();
        while (rows.Count < N)
        {
            var v = Util.UnitVector(D, rng);
            foreach (var r in rows)
            {
                double p = Util.Dot(v, r);
                for (int j = 0; j < D; j++) v[j] -= p * r[j];
            }
            double n = Math.Sqrt(Util.Dot(v, v));
            rows.Add(v.Select(x => x / n).ToArray());
        }
        var m = new double[N, D];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < D; j++) m[i, j] = rows[i][j];
        return m;
    }

    private static double[] Row(double[,] m, int i) => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray();

    private static double[] Mix(double[,] keys, params (int Item, double Weight)[] parts)
    {
        var v = new double[D];
        foreach (var (item, w) in parts)
            for (int j = 0; j < D; j++) v[j] += w * keys[item, j];
        return v;
    }

    private static string Show(double[] v) => string.Join(", ", v.Select(x => x.ToString("F3")));

    [Test]
    public void RecallsClosestItem_WithOwnOutputVectors()
    {
        var keys = Keys();
        var values = new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 }, { 0.6, 0.8, 0 } };
        var net = new Network("am", seed: 1);
        var input = net.Node(Mix(keys, (1, 0.9), (3, 0.2)));
        var am = net.Add(new AssociativeMemory(keys, values));
        net.Connect(input, am.Input);
        var p = net.Probe(am.Output, synapse: 0.01);
        var pu = net.Probe(am.Utilities, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.3);
        var output = Util.MeanOver(sim.Data[p], 0.2, 0.3);
        var util = Util.MeanOver(sim.Data[pu], 0.2, 0.3);
        TestContext.Out.WriteLine($"utilities {Show(util)}; output {Show(output)}");
        Assert.That(util[1], Is.GreaterThan(0.85));
        Assert.That(new[] { util[0], util[2], util[3] }, Has.All.LessThan(0.1), "0.2 similarity is below the 0.3 threshold");
        Assert.That(output, Is.EqualTo(new[] { 0.0, 1.0, 0.0 }).Within(Tol(0.15)));
    }

    [Test]
    public void WtaNetwork_KeepsOnlyTheStrongest()
    {
        var keys = Keys();
        var net = new Network("am-wta", seed: 2);
        var input = net.Node(Mix(keys, (0, 0.8), (2, 0.6)));
        var plain = net.Add(new AssociativeMemory(keys));
        var wta = net.Add(new AssociativeMemory(keys));
        wta.AddWtaNetwork();
        net.Connect(input, plain.Input);
        net.Connect(input, wta.Input);
        var pp = net.Probe(plain.Utilities, synapse: 0.01);
        var pw = net.Probe(wta.Utilities, synapse: 0.01);
        var po = net.Probe(wta.Output, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.4);
        var up = Util.MeanOver(sim.Data[pp], 0.3, 0.4);
        var uw = Util.MeanOver(sim.Data[pw], 0.3, 0.4);
        var output = Util.MeanOver(sim.Data[po], 0.3, 0.4);
        TestContext.Out.WriteLine($"without WTA {Show(up)}; with WTA {Show(uw)}; output cosine to item 0 {Util.Cosine(output, Row(keys, 0)):F3}");
        Assert.That(up[0], Is.GreaterThan(0.85));
        Assert.That(up[2], Is.GreaterThan(0.85), "without competition both items above threshold are active");
        Assert.That(uw[0], Is.GreaterThan(0.8));
        Assert.That(new[] { uw[1], uw[2], uw[3] }, Has.All.LessThan(0.15), "with competition only the strongest stays");
        Assert.That(Util.Cosine(output, Row(keys, 0)), Is.GreaterThan(0.95));
    }

    [Test]
    public void ThresholdedOutputs_AndDefaultOutputVector()
    {
        var keys = Keys();
        var net = new Network("am-threshold", seed: 3);
        // Nothing for t < 0.3, then a weak cue for item 2 (utility 1 − e^(−15·0.15) ≈ 0.9 before thresholding).
        var cue = Mix(keys, (2, 0.45));
        var input = net.Node(t => t < 0.3 ? new double[D] : cue);
        var am = net.Add(new AssociativeMemory(keys));
        am.AddThresholdToOutputs();
        double[] fallback = Mix(keys, (3, 1.0));
        am.AddDefaultOutputVector(fallback);
        net.Connect(input, am.Input);
        var pu = net.Probe(am.Utilities, synapse: 0.01);
        var pt = net.Probe(am.ThresholdedUtilities!, synapse: 0.01);
        var po = net.Probe(am.Output, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.6);
        var idle = Util.MeanOver(sim.Data[po], 0.2, 0.3);
        var raw = Util.MeanOver(sim.Data[pu], 0.5, 0.6);
        var thresholded = Util.MeanOver(sim.Data[pt], 0.5, 0.6);
        var output = Util.MeanOver(sim.Data[po], 0.5, 0.6);
        TestContext.Out.WriteLine($"idle output · default {Util.Dot(idle, fallback):F3}; raw {Show(raw)}; thresholded {Show(thresholded)}; output · item2 {Util.Dot(output, Row(keys, 2)):F3}, · default {Util.Dot(output, fallback):F3}");
        Assert.That(Util.Cosine(idle, fallback), Is.GreaterThan(0.95), "no item active: the default vector");
        Assert.That(Util.Dot(idle, fallback), Is.EqualTo(1).Within(Tol(0.25)));
        Assert.That(thresholded[2], Is.EqualTo(1).Within(Tol(0.15)), "the thresholded utility is cleaned to about 1");
        Assert.That(new[] { thresholded[0], thresholded[1], thresholded[3] }, Has.All.LessThan(0.1));
        Assert.That(Util.Dot(output, Row(keys, 2)), Is.EqualTo(1).Within(Tol(0.15)));
        Assert.That(Util.Dot(output, fallback), Is.LessThan(0.15), "an active item suppresses the default");
    }

    [Test]
    public void Inhibit_SilencesEveryItem()
    {
        var keys = Keys();
        var net = new Network("am-inhibit", seed: 4);
        var input = net.Node(Mix(keys, (0, 1.0)));
        var inhibit = net.Node(t => t >= 0.2 ? 1.0 : 0.0);
        var am = net.Add(new AssociativeMemory(keys, inhibitable: true));
        net.Connect(input, am.Input);
        net.Connect(inhibit, am.Inhibit!);
        var po = net.Probe(am.Output, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(0.35);
        var before = Util.MeanOver(sim.Data[po], 0.1, 0.2);
        var after = Util.MeanOver(sim.Data[po], 0.3, 0.35);
        TestContext.Out.WriteLine($"before · item0 {Util.Dot(before, Row(keys, 0)):F3}; after |output| {Math.Sqrt(Util.Dot(after, after)):F3}");
        Assert.That(Util.Dot(before, Row(keys, 0)), Is.GreaterThan(0.85));
        Assert.That(Math.Sqrt(Util.Dot(after, after)), Is.LessThan(Tol(0.1)));
    }
}
