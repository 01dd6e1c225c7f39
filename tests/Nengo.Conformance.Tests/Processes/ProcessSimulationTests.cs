using MathNet.Numerics.LinearAlgebra;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Processes;

/// <summary>
/// Processes inside a simulator (NEF.md §6, §9.6): a process node outputs exactly what the process's offline
/// <see cref="Process.Run"/> gives for the same generator seed; process generators are seeded from the
/// simulator seed (so a reset rerun is identical and another simulator seed gives other noise) unless the
/// process has an explicit <see cref="Process.Seed"/>.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class ProcessSimulationTests(BackendCase backend) : BackendTestBase(backend)
{
    private const int Steps = 300;

    private static double[,] ToArray(Matrix<double> m) => m.ToArray();

    /// <summary>Node(process) probed without a synapse; returns the probe data.</summary>
    private double[,] ProbeNode(Process process, int sizeOut, int steps = Steps, int netSeed = 1, int? simSeed = null)
    {
        var net = new Network("process-node", seed: netSeed);
        var node = net.Node(process, sizeOut: sizeOut);
        var p = net.Probe(node);
        var sim = Sim(net, seed: simSeed);
        sim.RunSteps(steps);
        return ToArray(sim.Data[p]);
    }

    private void AssertClose(double[,] actual, double[,] expected, double atol, string what)
    {
        Assert.That(actual.GetLength(0), Is.EqualTo(expected.GetLength(0)), $"{what}: rows");
        Assert.That(actual.GetLength(1), Is.EqualTo(expected.GetLength(1)), $"{what}: columns");
        for (int i = 0; i < actual.GetLength(0); i++)
            for (int j = 0; j < actual.GetLength(1); j++)
                Assert.That(actual[i, j], Is.EqualTo(expected[i, j]).Within(atol), $"{what}: step {i + 1}, dim {j}");
    }

    private static IEnumerable<TestCaseData> SeededProcesses()
    {
        yield return new TestCaseData(new WhiteSignal(0.5, 10) { Seed = 5 }, 2).SetArgDisplayNames("WhiteSignal");
        yield return new TestCaseData(new WhiteSignal(0.5, 10, y0: 0.2) { Seed = 5 }, 1).SetArgDisplayNames("WhiteSignal-y0");
        yield return new TestCaseData(new WhiteNoise { Seed = 5 }, 3).SetArgDisplayNames("WhiteNoise");
        yield return new TestCaseData(new FilteredNoise(new Alpha(0.01)) { Seed = 5 }, 2).SetArgDisplayNames("FilteredNoise");
        yield return new TestCaseData(new BrownNoise { Seed = 5 }, 2).SetArgDisplayNames("BrownNoise");
        yield return new TestCaseData(new PresentInput(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, 0.05), 2).SetArgDisplayNames("PresentInput");
        yield return new TestCaseData(new Piecewise(new Dictionary<double, double> { [0] = 1, [0.1] = -2, [0.2] = 0.5 }), 1).SetArgDisplayNames("Piecewise");
        yield return new TestCaseData(new Piecewise(new Dictionary<double, double> { [0] = 1, [0.1] = -2, [0.2] = 0.5 }, "linear"), 1).SetArgDisplayNames("Piecewise-linear");
    }

    [TestCaseSource(nameof(SeededProcesses))]
    public void ProcessNode_WithExplicitSeed_EqualsTheOfflineRun(Process process, int sizeOut)
    {
        var simulated = ProbeNode(process, sizeOut);
        var offline = process.Run(Steps, sizeOut: sizeOut, dt: 0.001);
        AssertClose(simulated, offline, Tol(1e-12) * Math.Max(1, MaxAbs(offline)), $"{process}");
        // The explicit seed also makes the output independent of the simulator seed.
        AssertClose(ProbeNode(process, sizeOut, simSeed: 1234), simulated, 0, $"{process} with another simulator seed");
    }

    [Test]
    public void Noise_ResetRerunIsBitIdentical_AndAnotherSimulatorSeedDiffers()
    {
        var net = new Network("noise-reset", seed: 3);
        var signal = net.Node(new WhiteSignal(1, 8), sizeOut: 2);
        var noise = net.Node(new WhiteNoise(), sizeOut: 2);
        var ps = net.Probe(signal);
        var pn = net.Probe(noise);

        var sim = Sim(net);
        sim.RunSteps(Steps);
        var s1 = ToArray(sim.Data[ps]);
        var n1 = ToArray(sim.Data[pn]);
        sim.Reset();
        sim.RunSteps(Steps);
        AssertClose(ToArray(sim.Data[ps]), s1, 0, "WhiteSignal after reset");
        AssertClose(ToArray(sim.Data[pn]), n1, 0, "WhiteNoise after reset");

        var other = Sim(net, seed: sim.Seed + 17);
        other.RunSteps(Steps);
        Assert.That(ToArray(other.Data[ps]).Cast<double>(), Is.Not.EqualTo(s1.Cast<double>()), "another simulator seed, another WhiteSignal");
        Assert.That(ToArray(other.Data[pn]).Cast<double>(), Is.Not.EqualTo(n1.Cast<double>()), "another simulator seed, other noise");
        Assert.That(s1.Cast<double>(), Is.Not.EqualTo(n1.Cast<double>()), "two processes get different generators");

        // The same simulator seed on a fresh simulator reproduces the numbers.
        var same = Sim(net, seed: sim.Seed);
        same.RunSteps(Steps);
        AssertClose(ToArray(same.Data[pn]), n1, 0, "same simulator seed");
    }

    [Test]
    public void EnsembleNoise_ChangesSpiking()
    {
        const int n = 20, steps = 500;
        double[,] Spikes(Process? noise)
        {
            var net = new Network("ens-noise", seed: 7);
            var input = net.Node(0.3);
            var ens = net.Ensemble(n, 1, noise: noise);
            net.Connect(input, ens);
            var p = net.Probe(ens.Neurons);
            var sim = Sim(net);
            sim.RunSteps(steps);
            return ToArray(sim.Data[p]);
        }
        static double Total(double[,] s) => s.Cast<double>().Sum() * 0.001;

        var quiet = Spikes(null);
        Assert.That(Total(quiet), Is.GreaterThan(100), "the ensemble spikes");
        AssertClose(Spikes(new WhiteNoise(new Gaussian(0, 0))), quiet, 0, "zero-variance noise changes nothing");
        var noisy = Spikes(new WhiteNoise(new Gaussian(0, 0.1)));
        Assert.That(noisy.Cast<double>(), Is.Not.EqualTo(quiet.Cast<double>()), "noise changes the spike trains");
        var excited = Spikes(new WhiteNoise(new Gaussian(1, 0), scale: false));
        Assert.That(Total(excited), Is.GreaterThan(Total(quiet) + 50), "a positive mean current adds spikes");
    }

    [Test]
    public void PiecewiseNode_DrivesAnEnsemble()
    {
        var net = new Network("piecewise-ens", seed: 11);
        var input = net.Node(new Piecewise(new Dictionary<double, double> { [0] = 0, [0.5] = 0.8 }));
        var ens = net.Ensemble(100, 1);
        net.Connect(input, ens);
        var pin = net.Probe(input);
        var p = net.Probe(ens, synapse: 0.02);
        var sim = Sim(net);
        sim.RunSteps(1000);
        var x = sim.Data[p].ColumnArray();
        var u = sim.Data[pin].ColumnArray();
        Assert.That(u[498], Is.EqualTo(0.0));
        Assert.That(u[499], Is.EqualTo(0.8), "the key at 0.5 s is output from t = 0.5");
        Assert.That(x[300..499].Average(), Is.EqualTo(0.0).Within(Tol(0.1)), "before the step");
        Assert.That(x[800..1000].Average(), Is.EqualTo(0.8).Within(Tol(0.1)), "after the step");
    }

    [Test]
    public void TriangleSynapse_OnAConnection_IsItsImpulseResponseDelayedOneStep()
    {
        var tri = new Triangle(0.006);
        var w = tri.Weights(0.001);
        var net = new Network("triangle", seed: 1);
        var src = net.Node(t => Math.Abs(t - 0.001) < 1e-9 ? 1.0 : 0.0); // an impulse at the first step
        var dst = net.Node(sizeIn: 1);
        net.Connect(src, dst, synapse: tri);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(20);
        var y = sim.Data[p].ColumnArray();
        Assert.That(y[0], Is.EqualTo(0.0), "one step of delay");
        for (int k = 1; k < 20; k++)
            Assert.That(y[k], Is.EqualTo(k - 1 < w.Length ? w[k - 1] : 0.0).Within(Tol(1e-15)), $"step {k + 1}");
    }

    [Test]
    public void TriangleSynapse_OnAConnection_MatchesTheOfflineFilter()
    {
        var tri = new Triangle(0.01);
        Func<double, double> f = t => Math.Sin(2 * Math.PI * 6 * t) + 0.5;
        var net = new Network("triangle-sine", seed: 1);
        var src = net.Node(f);
        var dst = net.Node(sizeIn: 1);
        net.Connect(src, dst, synapse: tri);
        var p = net.Probe(dst);
        var sim = Sim(net);
        sim.RunSteps(Steps);
        var u = Ideal.OfTime(Steps, f);
        var x = new double[Steps, 1];
        for (int k = 0; k < Steps; k++) x[k, 0] = u[k];
        var filtered = tri.Filt(x);
        var expected = Ideal.Delay(Enumerable.Range(0, Steps).Select(k => filtered[k, 0]).ToArray(), 1);
        Signals.AssertAllclose(sim.Data[p].ColumnArray(), expected, atol: Tol(1e-12), what: "Triangle on a connection");
    }

    private static double MaxAbs(double[,] a) => a.Cast<double>().Max(Math.Abs);
}
