using Nengo.Graph;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>Neuron types' <c>InitialState</c> overrides (Nengo's <c>initial_state</c>).</summary>
public sealed class InitialStateTests
{
    [Test]
    public void Override_ReplacesTheDefaultDistribution_OnlyForTheNamedState()
    {
        var net = new Network(seed: 3);
        var lif = new LIF() with { InitialState = new Dictionary<string, Distribution> { ["voltage"] = new Uniform(0.25, 0.25) } };
        var ens = net.Ensemble(50, 1, neuronType: lif);
        var plain = net.Ensemble(50, 1);
        var model = ModelBuilder.Build(net);

        Assert.That(model.Sig[ens.Neurons]["voltage"].Initial.ToArray(), Is.All.EqualTo(0.25));
        Assert.That(model.Sig[ens.Neurons]["refractory_time"].Initial.ToArray(), Is.All.EqualTo(0.0));
        var defaults = model.Sig[plain.Neurons]["voltage"].Initial.ToArray();
        Assert.That(defaults.Distinct().Count(), Is.GreaterThan(40), "the default U(0, 1) voltages stay random");
        Assert.That(defaults, Is.All.InRange(0.0, 1.0));
    }

    [Test]
    public void ZeroInitialVoltage_GivesTheAnalyticFirstSpikeTime()
    {
        // From v = 0 under constant J = 1.5 the membrane reaches 1 at t = τ_rc·ln(J/(J − 1)) = 21.97 ms.
        var net = new Network(seed: 1);
        var lif = new LIF() with { InitialState = new Dictionary<string, Distribution> { ["voltage"] = new Uniform(0, 0) } };
        var ens = net.Ensemble(1, 1, neuronType: lif, gain: new[] { 1.0 }, bias: new[] { 1.5 });
        var p = net.Probe(ens.Neurons);
        using var sim = new Simulator(net);
        sim.RunSteps(30);
        var spikes = sim.Data[p].Column(0).ToArray();
        int first = Array.FindIndex(spikes, s => s > 0);
        Assert.That(first + 1, Is.EqualTo((int)Math.Ceiling(0.02 * Math.Log(3.0) / 0.001)), "first spike step");
    }

    [Test]
    public void UnknownStateName_IsABuildErrorNamingIt()
    {
        var net = new Network(seed: 1);
        var lif = new LIF() with { InitialState = new Dictionary<string, Distribution> { ["adaptation"] = new Uniform(0, 0) } };
        net.Ensemble(5, 1, neuronType: lif, label: "a");
        var e = Assert.Throws<BuildError>(() => ModelBuilder.Build(net));
        Assert.That(e!.Message, Does.Contain("Ensemble 'a'").And.Contain("initialState").And.Contain("'adaptation'").And.Contain("'voltage'"));
    }
}
