using MathNet.Numerics.LinearAlgebra;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Single neurons driven by constant currents through <c>Node → Neurons</c> with gain 1 and bias 0, so the
/// current is exactly J (NEF.md §2). LIF spike counts match the rate formula to within one spike at every step
/// (the sub-step refractory period makes this exact), and the reference counts for 1 s from v = 0 are
/// 0/0/7/41/63/155/243/455.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class LifSpikeCountTests(BackendCase backend) : BackendTestBase(backend)
{
    private static readonly double[] Currents = [0.5, 1.0, 1.001, 1.5, 2, 5, 10, 100];
    private static readonly int[] ReferenceCounts = [0, 0, 7, 41, 63, 155, 243, 455];

    /// <summary>One neuron per current, gain 1, bias 0, Node → Neurons with synapse null.</summary>
    private (Simulator Sim, Probe Output, Ensemble Ens) Drive(NeuronType type, double[] currents, int seed = 71, double dt = 0.001, int? ensSeed = null)
    {
        int n = currents.Length;
        var net = new Network("single-neurons", seed: seed);
        var j = net.Node(currents);
        var ens = net.Ensemble(n, 1, neuronType: type, gain: Ideal.Ones(n), bias: new double[n], seed: ensSeed);
        net.Connect(j, ens.Neurons, synapse: null);
        var p = net.Probe(ens.Neurons);
        var sim = Sim(net, dt: dt);
        return (sim, p, ens);
    }

    /// <summary>Cumulative spike counts after each step (rows = steps).</summary>
    private static int[,] Cumulative(Matrix<double> spikes, double dt, double amplitude = 1.0)
    {
        var c = new int[spikes.RowCount, spikes.ColumnCount];
        for (int j = 0; j < spikes.ColumnCount; j++)
        {
            int total = 0;
            for (int i = 0; i < spikes.RowCount; i++)
            {
                double k = spikes[i, j] * dt / amplitude;
                Assert.That(k, Is.EqualTo(Math.Round(k)).Within(1e-9), $"step {i + 1}, neuron {j}: output must be a whole number of spikes × amplitude/dt");
                total += (int)Math.Round(k);
                c[i, j] = total;
            }
        }
        return c;
    }

    /// <summary>
    /// |count(t) − rate·t| ≤ 1 at every step. From any initial voltage in [0, 1) the first spike comes no later
    /// than the regular inter-spike interval minus τ_ref, so count(t) ∈ (rate·t − 1, rate·t + 1].
    /// </summary>
    private static void AssertWithinOneSpikeEveryStep(int[,] counts, double[] rates, double dt)
    {
        for (int j = 0; j < rates.Length; j++)
            for (int i = 0; i < counts.GetLength(0); i++)
            {
                double expected = rates[j] * (i + 1) * dt;
                Assert.That(counts[i, j], Is.GreaterThan(expected - 1 - 1e-6).And.LessThanOrEqualTo(expected + 1 + 1e-6),
                    $"neuron {j} (rate {rates[j]:F3} Hz) after step {i + 1}");
            }
    }

    [Test]
    public void Lif_ReferenceCountsOver1s([Values(0.001, 0.0001)] double dt)
    {
        var (sim, p, _) = Drive(new LIF(), Currents, dt: dt);
        sim.Run(1.0);
        var counts = Cumulative(sim.Data[p], dt);
        int last = counts.GetLength(0) - 1;
        for (int j = 0; j < Currents.Length; j++)
        {
            // The initial voltage is U(0, 1), not 0: it can add (never remove) one spike.
            Assert.That(counts[last, j], Is.InRange(ReferenceCounts[j], ReferenceCounts[j] + 1), $"J = {Currents[j]}");
        }
        AssertWithinOneSpikeEveryStep(counts, Currents.Select(c => Ideal.LifRate(c)).ToArray(), dt);
    }

    [Test]
    public void Lif_AnalyticRates_MatchNefReference()
    {
        double[] reference = [0, 0, 7.134, 41.715, 63.040, 154.730, 243.474, 454.338];
        for (int j = 0; j < Currents.Length; j++)
            Assert.That(Ideal.LifRate(Currents[j]), Is.EqualTo(reference[j]).Within(1e-3));
    }

    [Test]
    public void Lif_ViaBias_SameAsViaInput()
    {
        // J through the bias instead of an input: the current is the same number, and with the same ensemble
        // seed the initial voltages are the same, so the spike trains are identical.
        var (simIn, pIn, _) = Drive(new LIF(), Currents, ensSeed: 5);
        var net = new Network("single-neurons-bias", seed: 71);
        var ens = net.Ensemble(Currents.Length, 1, gain: Ideal.Ones(Currents.Length), bias: Currents, seed: 5);
        var p = net.Probe(ens.Neurons);
        var simBias = Sim(net);
        simIn.Run(0.5);
        simBias.Run(0.5);
        Assert.That(simBias.Data[p].ToArray(), Is.EqualTo(simIn.Data[pIn].ToArray()));
        AssertWithinOneSpikeEveryStep(Cumulative(simBias.Data[p], 0.001), Currents.Select(c => Ideal.LifRate(c)).ToArray(), 0.001);
    }

    [Test]
    public void Lif_TauParameters_ChangeCountsAsFormula()
    {
        double[] currents = [1.2, 2, 5, 20];
        var type = new LIF(tauRc: 0.05, tauRef: 0.005);
        var (sim, p, _) = Drive(type, currents);
        sim.Run(1.0);
        var counts = Cumulative(sim.Data[p], 0.001);
        var rates = currents.Select(c => Ideal.LifRate(c, tauRc: 0.05, tauRef: 0.005)).ToArray();
        AssertWithinOneSpikeEveryStep(counts, rates, 0.001);
        // The slower membrane and the longer refractory period lower every rate.
        for (int j = 0; j < currents.Length; j++)
            Assert.That(rates[j], Is.LessThan(Ideal.LifRate(currents[j]) - 5));
    }

    [Test]
    public void Lif_Amplitude_ScalesSpikes()
    {
        var (sim, p, _) = Drive(new LIF(amplitude: 0.5), [5.0]);
        sim.Run(0.5);
        var counts = Cumulative(sim.Data[p], 0.001, amplitude: 0.5);
        Assert.That(sim.Data[p].Enumerate().Max(), Is.EqualTo(0.5 / 0.001).Within(1e-9));
        AssertWithinOneSpikeEveryStep(counts, [Ideal.LifRate(5.0)], 0.001);
    }

    [Test]
    public void Lif_Voltage_InRangeAndRectified()
    {
        var net = new Network("voltage", seed: 72);
        var j = net.Node([-0.5, 0.8, 3.0]);
        var ens = net.Ensemble(3, 1, gain: Ideal.Ones(3), bias: new double[3]);
        var free = net.Ensemble(3, 1, neuronType: new LIF(minVoltage: -1), gain: Ideal.Ones(3), bias: new double[3]);
        net.Connect(j, ens.Neurons, synapse: null);
        net.Connect(j, free.Neurons, synapse: null);
        var v = net.Probe(ens.Neurons, "voltage");
        var vFree = net.Probe(free.Neurons, "voltage");
        var sim = Sim(net);
        sim.Run(0.3);
        foreach (double x in sim.Data[v].Enumerate()) Assert.That(x, Is.InRange(0.0, 1.0));
        // J = −0.5: clamped at 0 by default; with minVoltage −1 it decays to −0.5.
        Assert.That(sim.Data[v][299, 0], Is.EqualTo(0.0));
        Assert.That(sim.Data[vFree][299, 0], Is.EqualTo(-0.5).Within(1e-6));
        // J = 0.8 (sub-threshold): v → 0.8, no spikes.
        Assert.That(sim.Data[v][299, 1], Is.EqualTo(0.8).Within(1e-6));
        foreach (double x in sim.Data[vFree].Enumerate()) Assert.That(x, Is.InRange(-1.0, 1.0));
    }

    [Test]
    public void LifRate_OutputEqualsFormula()
    {
        var (sim, p, _) = Drive(new LIFRate(), Currents);
        sim.RunSteps(3);
        for (int j = 0; j < Currents.Length; j++)
            Assert.That(sim.Data[p][2, j], Is.EqualTo(Ideal.LifRate(Currents[j])).Within(Tol(1e-9)), $"J = {Currents[j]}");
    }

    [Test]
    public void LifRate_Parameters_OutputEqualsFormula()
    {
        var type = new LIFRate(tauRc: 0.03, tauRef: 0.001, amplitude: 2);
        var (sim, p, _) = Drive(type, Currents);
        sim.RunSteps(2);
        for (int j = 0; j < Currents.Length; j++)
            Assert.That(sim.Data[p][1, j], Is.EqualTo(Ideal.LifRate(Currents[j], 0.03, 0.001, 2)).Within(Tol(1e-9)), $"J = {Currents[j]}");
    }

    [Test]
    public void LifRate_RatesMethod_EqualsFormula()
    {
        var type = new LIFRate();
        var x = new double[1, Currents.Length];
        for (int j = 0; j < Currents.Length; j++) x[0, j] = Currents[j];
        var r = type.Rates(x, Ideal.Ones(Currents.Length), new double[Currents.Length]);
        for (int j = 0; j < Currents.Length; j++)
            Assert.That(r[0, j], Is.EqualTo(Ideal.LifRate(Currents[j])).Within(1e-9));
    }

    [Test]
    public void RectifiedLinear_OutputEqualsCurrent()
    {
        double[] currents = [-3, 0, 0.5, 17, 250];
        var (sim, p, _) = Drive(new RectifiedLinear(), currents);
        sim.RunSteps(2);
        Assert.That(sim.Data[p].Row(1).ToArray(), Is.EqualTo(currents.Select(c => Math.Max(0, c)).ToArray()).Within(Tol(1e-12)));
        var (sim2, p2, _) = Drive(new RectifiedLinear(amplitude: 0.25), currents);
        sim2.RunSteps(1);
        Assert.That(sim2.Data[p2].Row(0).ToArray(), Is.EqualTo(currents.Select(c => 0.25 * Math.Max(0, c)).ToArray()).Within(Tol(1e-12)));
    }

    [Test]
    public void SpikingRectifiedLinear_CountsFollowCurrent()
    {
        // v += J·dt each step; count(t) = ⌊v0 + J·t⌋, so |count(t) − J·t| < 1 at every step. J·dt > 1 gives
        // several spikes in one step.
        double[] currents = [-5, 0.5, 3, 10.5, 100, 1500];
        var (sim, p, _) = Drive(new SpikingRectifiedLinear(), currents);
        sim.Run(1.0);
        var counts = Cumulative(sim.Data[p], 0.001);
        for (int j = 0; j < currents.Length; j++)
        {
            double rate = Math.Max(0, currents[j]);
            for (int i = 0; i < 1000; i++)
            {
                double expected = rate * (i + 1) * 0.001;
                Assert.That(counts[i, j], Is.GreaterThanOrEqualTo(Math.Floor(expected + 1e-9)).And.LessThanOrEqualTo(Math.Floor(expected + 1e-9) + 1),
                    $"J = {currents[j]}, step {i + 1}");
            }
        }
        Assert.That(counts[999, 0], Is.EqualTo(0), "negative current never spikes");
        Assert.That(sim.Data[p].Column(5).Max(), Is.GreaterThanOrEqualTo(2 / 0.001), "J·dt = 1.5: two spikes in some steps");
    }

    [Test]
    public void SpikingRectifiedLinear_MeanRateMatchesRectifiedLinear()
    {
        double[] currents = [20, 80, 200];
        var (simS, pS, _) = Drive(new SpikingRectifiedLinear(), currents);
        var (simR, pR, _) = Drive(new RectifiedLinear(), currents);
        simS.Run(1.0);
        simR.Run(1.0);
        for (int j = 0; j < currents.Length; j++)
        {
            double mean = simS.Data[pS].Column(j).Average();
            Assert.That(mean, Is.EqualTo(simR.Data[pR][999, j]).Within(1.0 + 1e-9), $"J = {currents[j]}");
        }
    }
}
