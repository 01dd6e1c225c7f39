using Nengo.Builder.Builders;
using Nengo.Builder.Registry;
using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>The typed builder registry: explicit registration, Replace, base-type fallback, a clear error for unknown types.</summary>
[TestFixture]
public class BuilderRegistryTests
{
    private sealed class MyThing;

    private class ThingBase;

    private sealed class DerivedThing : ThingBase;

    /// <summary>A prebuilt network: a subclass of Network with no builder of its own.</summary>
    private sealed class Prebuilt : Network
    {
        public Prebuilt() : base("prebuilt")
        {
            Input = Node(sizeIn: 1, label: "in");
            Ens = Ensemble(20, 1, label: "inner");
            Connect(Input, Ens);
        }

        public Node Input { get; }

        public Ensemble Ens { get; }
    }

    [Test]
    public void Register_TheSameTypeTwice_Throws_AndPointsToReplace()
    {
        var registry = new BuilderRegistry();
        registry.Register<Node>(NodeBuilder.Build);
        Assert.That(() => registry.Register<Node>(NodeBuilder.Build),
            Throws.InvalidOperationException.With.Message.Contains("Node").And.Message.Contains("Replace"));
    }

    [Test]
    public void Register_ATypeTheDefaultsAlreadyHave_Throws()
    {
        var registry = BuilderRegistry.CreateDefault();
        Assert.That(() => registry.Register<Ensemble>(EnsembleBuilder.Build), Throws.InvalidOperationException);
    }

    [Test]
    public void Replace_OverridesTheBuilder()
    {
        var registry = BuilderRegistry.CreateDefault();
        var seen = new List<Node>();
        registry.Replace<Node>((ctx, node) => { seen.Add(node); NodeBuilder.Build(ctx, node); });
        var net = TestNetworks.Squaring();
        var model = ModelBuilder.Build(net, builders: registry);
        Assert.That(seen, Is.EqualTo(net.Nodes));
        Assert.That(model.StepOrder.OfType<SimNodeFunc>(), Is.Not.Empty);
    }

    [Test]
    public void Replace_WorksForATypeNotYetRegistered()
    {
        var registry = new BuilderRegistry();
        int calls = 0;
        registry.Replace<Network>((ctx, n) => calls++);
        ModelBuilder.Build(new Network(seed: 1), builders: registry);
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void ARegistry_IsPerBuild_NotGlobal()
    {
        var custom = BuilderRegistry.CreateDefault();
        custom.Replace<Ensemble>((ctx, e) => throw new BuildError("custom ensemble builder"));
        Assert.That(() => ModelBuilder.Build(TestNetworks.Squaring(), builders: custom), Throws.TypeOf<BuildError>());
        Assert.That(() => ModelBuilder.Build(TestNetworks.Squaring()), Throws.Nothing);
        Assert.That(() => new Simulator(TestNetworks.Squaring()).Dispose(), Throws.Nothing);
    }

    [Test]
    public void UnknownType_IsABuildError_SayingCannotBuild()
    {
        var registry = BuilderRegistry.CreateDefault();
        registry.Replace<Network>((ctx, n) => { NetworkBuilder.Build(ctx, n); ctx.Build(new MyThing()); });
        Expect.Throws<BuildError>(() => ModelBuilder.Build(new Network(seed: 1), builders: registry), "MyThing", "no builder");
        Assert.That(() => ModelBuilder.Build(new Network(seed: 1), builders: registry),
            Throws.TypeOf<BuildError>().With.Message.Contains("cannot build 'MyThing'").IgnoreCase);
    }

    [Test]
    public void EmptyRegistry_CannotBuildANetwork()
    {
        Assert.That(() => ModelBuilder.Build(new Network(seed: 1), builders: new BuilderRegistry()),
            Throws.TypeOf<BuildError>().With.Message.Contains("cannot build 'Network'").IgnoreCase);
    }

    [Test]
    public void Lookup_WalksBaseTypes()
    {
        var registry = BuilderRegistry.CreateDefault();
        var built = new List<object>();
        registry.Register<ThingBase>((ctx, t) => built.Add(t));
        var thing = new DerivedThing();
        registry.Replace<Network>((ctx, n) => { NetworkBuilder.Build(ctx, n); ctx.Build(thing); });
        ModelBuilder.Build(new Network(seed: 1), builders: registry);
        Assert.That(built, Is.EqualTo(new object[] { thing }));
    }

    [Test]
    public void NetworkSubclass_IsBuiltByTheNetworkBuilder()
    {
        var net = new Network("root", seed: 1);
        var pre = net.Add(new Prebuilt());
        var stim = net.Node(0.3, label: "stim");
        net.Connect(stim, pre.Input, synapse: null);
        var model = ModelBuilder.Build(net);
        Assert.That(model.Ensembles.Keys, Does.Contain(pre.Ens));
        Assert.That(model.Sig.Keys, Does.Contain(pre.Input));
    }

    [Test]
    public void NetworkSubclass_AtTheTop_IsBuiltByTheNetworkBuilder()
    {
        var top = new Prebuilt { Seed = 4 };
        var model = ModelBuilder.Build(top);
        Assert.That(model.Ensembles.Keys, Is.EqualTo(new[] { top.Ens }));
    }

    [Test]
    public void NetworkSubclass_WithItsOwnBuilder_UsesIt()
    {
        var registry = BuilderRegistry.CreateDefault();
        int own = 0;
        registry.Register<Prebuilt>((ctx, p) => { own++; NetworkBuilder.Build(ctx, p); });
        var net = new Network(seed: 1);
        net.Add(new Prebuilt());
        ModelBuilder.Build(net, builders: registry);
        Assert.That(own, Is.EqualTo(1));
    }
}
