using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>SimNeurons kernels driven by a constant current (bias only), checked against the rate formulas.</summary>
[TestFixture]
public class NeuronKernelTests : KernelTestBase
{
    private static (Network Net, Ensemble Ens) ConstantCurrent(NeuronType type, params double[] currents)
    {
        var net = new Network("neurons", seed: 5);
        var ens = net.Ensemble(currents.Length, 1, neuronType: type,
            gain: Enumerable.Repeat(1.0, currents.Length).ToArray(), bias: currents, label: "e");
        return (net, ens);
    }

    [Test]
    public void RectifiedLinear_OutputsTheRectifiedCurrent()
    {
        var (net, ens) = ConstantCurrent(new RectifiedLinear(amplitude: 2), -1.0, 0.0, 3.5);
        var output = net.Probe(ens.Neurons);
        Assert.That(Row(Run(net, 2, output)[0], 1), Is.EqualTo(new[] { 0.0, 0.0, 7.0 }));
    }

    [Test]
    public void LifRate_OutputsTheRateFormula()
    {
        var type = new LIFRate(tauRc: 0.02, tauRef: 0.002);
        double[] j = [0.5, 1.0, 1.5, 3.0, 10.0];
        var (net, ens) = ConstantCurrent(type, j);
        var output = net.Probe(ens.Neurons);
        var got = Row(Run(net, 3, output)[0], 2);
        for (int i = 0; i < j.Length; i++)
        {
            double expected = j[i] > 1 ? 1 / (0.002 + 0.02 * Math.Log(1 + 1 / (j[i] - 1))) : 0;
            Assert.That(got[i], Is.EqualTo(expected).Within(1e-9), $"J = {j[i]}");
        }
    }

    [Test]
    public void LifRate_EqualsTheBuildersRateCurve_BitForBit()
    {
        // 37 neurons: passes of two vectors, one vector and a tail of one; currents below, at and far above threshold.
        var rng = new Random(4);
        var j = Enumerable.Range(0, 37).Select(i => i % 6 == 0 ? rng.NextDouble() : i % 6 == 1 ? 1.0 : 1 + Math.Exp(14 * rng.NextDouble() - 10)).ToArray();
        var type = new LIFRate(tauRc: 0.025, tauRef: 0.003, amplitude: 1.5);
        var (net, ens) = ConstantCurrent(type, j);
        var output = net.Probe(ens.Neurons);
        var got = Row(Run(net, 2, output)[0], 1);
        var expected = new double[j.Length];
        type.RatesFromCurrent(j, expected);
        Assert.That(got, Is.EqualTo(expected));
        Assert.That(expected.Count(r => r > 0), Is.GreaterThan(20));
    }

    [Test]
    public void Lif_SpikesAtTheRateOfTheFormula_WithAmplitudeOverDt()
    {
        double[] j = [0.8, 1.5, 3.0, 10.0];
        var (net, ens) = ConstantCurrent(new LIF(), j);
        var spikes = net.Probe(ens.Neurons);
        var voltage = net.Probe(ens.Neurons, "voltage");
        var data = Run(net, 2000, spikes, voltage);
        var rates = new double[j.Length];
        new LIFRate().RatesFromCurrent(j, rates);
        for (int i = 0; i < j.Length; i++)
        {
            var column = data[0].Column(i).ToArray();
            Assert.That(column.Distinct().Order(), Is.SubsetOf(new[] { 0.0, 1000.0 }), "a spike outputs amplitude/dt");
            double count = column.Count(v => v > 0);
            Assert.That(count, Is.EqualTo(2 * rates[i]).Within(1.5), $"J = {j[i]}: spikes in 2 s");
        }
        Assert.That(data[1].Enumerate(), Has.All.InRange(0.0, 1.0), "voltages stay between minVoltage and the threshold");
    }

    [Test]
    public void SpikingRectifiedLinear_SpikesAtTheCurrent()
    {
        double[] j = [-2.0, 50.0, 250.0];
        var (net, ens) = ConstantCurrent(new SpikingRectifiedLinear(), j);
        var spikes = net.Probe(ens.Neurons);
        var data = Run(net, 1000, spikes)[0];
        for (int i = 0; i < j.Length; i++)
        {
            double count = data.Column(i).Sum() * 0.001;
            Assert.That(count, Is.EqualTo(Math.Max(0, j[i])).Within(1.0), $"J = {j[i]}: spikes in 1 s");
        }
    }

    [Test]
    public void Lif_InitialVoltages_AreTheBuiltState_AndResetRestoresThem()
    {
        var (net, ens) = ConstantCurrent(new LIF(), 0.0, 0.0, 0.0);
        var voltage = net.Probe(ens.Neurons, "voltage");
        var sim = Sim(net);
        sim.RunSteps(5);
        var first = sim.Data[voltage].ToArray();
        sim.Reset();
        sim.RunSteps(5);
        Assert.That(sim.Data[voltage].ToArray(), Is.EqualTo(first), "a reset rerun is bit-identical");
        var initial = sim.Model.Sig[ens.Neurons]["voltage"].Initial.ToArray();
        for (int i = 0; i < 3; i++)
            Assert.That(first[0, i], Is.EqualTo(initial[i] * Math.Exp(-0.001 / 0.02)).Within(1e-12), "with J = 0 the voltage decays from its initial value");
    }
}
