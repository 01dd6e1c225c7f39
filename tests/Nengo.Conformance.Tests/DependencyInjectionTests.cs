using Microsoft.Extensions.DependencyInjection;
using Nengo.Backends.Cpu.DependencyInjection;
using Nengo.DependencyInjection;
using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests;

/// <summary>Hosts create simulators through <see cref="ISimulatorFactory"/>, picking a registered backend by name.</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class DependencyInjectionTests(BackendCase backend) : BackendTestBase(backend)
{
    private static ServiceProvider Provider() => new ServiceCollection().AddNengo().AddCpuBackend().Services.BuildServiceProvider();

    [Test]
    public void Factory_CreatesCpuSimulator_ThatRuns()
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<ISimulatorFactory>();
        Assert.That(factory.BackendNames, Does.Contain("cpu"));
        var net = new Network("di", seed: 141);
        var u = net.Node(t => t);
        var p = net.Probe(u);
        using var sim = factory.Create(net, "cpu");
        sim.Step();
        Assert.That(sim.Steps, Is.EqualTo(1));
        Assert.That(sim.Data[p][0, 0], Is.EqualTo(0.001));
        Assert.That(sim.Backend.Name, Is.EqualTo(Backend.Create().Name).IgnoreCase.Or.EqualTo("cpu").IgnoreCase);
    }

    [Test]
    public void Factory_PassesDtAndSeed()
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<ISimulatorFactory>();
        var net = new Network("di-dt", seed: 142);
        using var sim = factory.Create(net, "CPU", dt: 0.002, seed: 9);
        Assert.That(sim.Dt, Is.EqualTo(0.002));
        Assert.That(sim.Seed, Is.EqualTo(9));
    }

    [Test]
    public void Factory_SameResultsAsDirectConstruction()
    {
        static (Network, Probe) Make()
        {
            var net = new Network("di-same", seed: 143);
            var u = net.Node(0.4);
            var ens = net.Ensemble(10, 1);
            net.Connect(u, ens);
            return (net, net.Probe(ens, synapse: 0.01));
        }
        using var provider = Provider();
        var (n1, p1) = Make();
        var (n2, p2) = Make();
        using var viaFactory = provider.GetRequiredService<ISimulatorFactory>().Create(n1);
        var direct = new Simulator(n2);
        viaFactory.Run(0.05);
        direct.Run(0.05);
        Assert.That(viaFactory.Data[p1].ToArray(), Is.EqualTo(direct.Data[p2].ToArray()));
        direct.Dispose();
    }

    [Test]
    public void UnknownBackend_IsValidationErrorListingCpu()
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<ISimulatorFactory>();
        var net = new Network("di-unknown", seed: 144);
        Assert.That(() => factory.Create(net, "quantum"),
            Throws.InstanceOf<ValidationError>().With.Message.Contains("cpu").And.Message.Contains("quantum"));
    }

    [Test]
    public void AddingCpuTwice_RegistersOnce()
    {
        using var provider = new ServiceCollection().AddNengo().AddCpuBackend().AddCpuBackend().Services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<ISimulatorFactory>().BackendNames.Count(n => n == "cpu"), Is.EqualTo(1));
    }
}
