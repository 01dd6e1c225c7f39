using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>net.Add(...) rejects a subnetwork that already has a parent or would make a cycle, and the network stays usable.</summary>
[TestFixture]
public class NetworkValidationTests
{
    [Test]
    public void Add_ReturnsItsArgument_AndSetsTheParent()
    {
        var root = new Network("root");
        var sub = new Network("sub");
        Assert.That(root.Add(sub), Is.SameAs(sub));
        Assert.That(sub.Network, Is.SameAs(root));
        Assert.That(root.Networks, Is.EqualTo(new[] { sub }));
    }

    [Test]
    public void Add_ANetworkThatAlreadyHasAParent_IsRejected()
    {
        var first = new Network("first");
        var second = new Network("second");
        var sub = first.Add(new Network("sub"));
        Expect.Validation(() => second.Add(sub), "Network 'second'", "subnetwork", "Network 'sub'", "belongs to", "Network 'first'");
        Assert.That(second.Networks, Is.Empty);
        Assert.That(sub.Network, Is.SameAs(first));
    }

    [Test]
    public void Add_TheSameNetworkTwice_IsRejected()
    {
        var root = new Network("root");
        var sub = root.Add(new Network("sub"));
        Expect.Validation(() => root.Add(sub), "subnetwork", "Network 'sub'", "belongs to", "Network 'root'");
        Assert.That(root.Networks, Has.Count.EqualTo(1));
    }

    [Test]
    public void Add_ItselfToItself_IsRejected()
    {
        var root = new Network("root");
        Expect.Validation(() => root.Add(root), "Network 'root'", "subnetwork", "contains it");
        Assert.That(root.Networks, Is.Empty);
        Assert.That(root.Network, Is.Null);
    }

    [Test]
    public void Add_AnAncestor_IsRejected()
    {
        var root = new Network("root");
        var child = root.Add(new Network("child"));
        var grandchild = child.Add(new Network("grandchild"));
        Expect.Validation(() => grandchild.Add(root), "Network 'grandchild'", "Network 'root'", "subnetwork", "contains it");
        Assert.That(grandchild.Networks, Is.Empty);
        Assert.That(root.Network, Is.Null);
        Assert.That(root.AllNetworks, Is.EqualTo(new[] { child, grandchild }));
    }

    [Test]
    public void RejectedAdd_LeavesTheNetworkUsable()
    {
        var root = new Network("root");
        var sub = root.Add(new Network("sub"));
        Assert.Throws<ValidationError>(() => root.Add(root));
        Assert.Throws<ValidationError>(() => new Network("other").Add(sub));
        var sub2 = root.Add(new Network("sub2"));
        var e = sub2.Ensemble(5, 1);
        Assert.That(root.Networks, Is.EqualTo(new[] { sub, sub2 }));
        Assert.That(root.AllEnsembles, Is.EqualTo(new[] { e }));
    }

    [Test]
    public void Add_Null_IsAnArgumentError()
    {
        Assert.That(() => new Network().Add<Network>(null!), Throws.ArgumentNullException);
    }
}
