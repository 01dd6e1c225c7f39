using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>net.Probe(...) rejects unknown attributes and bad sampling at the call.</summary>
[TestFixture]
public class ProbeValidationTests
{
    [Test]
    public void UnknownAttribute_OnAnEnsemble_ListsTheAllowedOnes()
    {
        var net = new Network();
        var a = net.Ensemble(10, 1, label: "a");
        Expect.Validation(() => net.Probe(a, "banana", label: "p"),
            "Probe 'p'", "attr", "'decoded_output', 'input', 'scaled_encoders'", "Ensemble 'a'", "got 'banana'");
        Assert.That(net.Probes, Is.Empty);
    }

    [Test]
    public void UnknownAttribute_OnANode_ListsTheAllowedOnes()
    {
        var net = new Network();
        var n = net.Node(0.5, label: "n");
        Expect.Validation(() => net.Probe(n, "spikes"), "Probe", "Node 'n'", "attr", "'output'", "got 'spikes'");
    }

    [Test]
    public void UnknownAttribute_OnNeurons_ListsTheStateVariables()
    {
        var net = new Network();
        var a = net.Ensemble(10, 1, label: "a");
        Expect.Validation(() => net.Probe(a.Neurons, "decoded_output"),
            "Ensemble 'a'.Neurons", "attr", "'output'", "'voltage'", "'refractory_time'", "'input'", "got 'decoded_output'");
    }

    [Test]
    public void UnknownAttribute_OnAConnection_ListsTheAllowedOnes()
    {
        var net = new Network();
        var a = net.Ensemble(10, 1, label: "a");
        var c = net.Connect(a, a, label: "rec");
        Expect.Validation(() => net.Probe(c, "voltage"), "Connection 'rec'", "attr", "'output', 'input', 'weights'", "got 'voltage'");
    }

    [Test]
    public void UnknownAttribute_OnASlice_ListsTheTargetsAttributes()
    {
        var net = new Network();
        var a = net.Ensemble(10, 2, label: "a");
        Expect.Validation(() => net.Probe(a[1], "banana"), "Ensemble 'a'[1]", "attr", "'decoded_output'", "got 'banana'");
    }

    [Test]
    public void DefaultAttribute_IsTheFirstProbeable()
    {
        var net = new Network();
        var a = net.Ensemble(10, 1, label: "a");
        Assert.That(net.Probe(a).Attr, Is.EqualTo("decoded_output"));
        Assert.That(net.Probe(a.Neurons).Attr, Is.EqualTo("output"));
        Assert.That(net.Probe(net.Node(1.0)).Attr, Is.EqualTo("output"));
    }

    [TestCase(0.0, "got 0.")]
    [TestCase(-0.01, "got -0.01.")]
    [TestCase(double.NaN, "got NaN.")]
    public void SampleEvery_NotPositive_IsRejected(double every, string got)
    {
        var net = new Network();
        var a = net.Ensemble(10, 1, label: "a");
        Expect.Validation(() => net.Probe(a, sampleEvery: every, label: "p"), "Probe 'p'", "sampleEvery", "positive", got);
        Assert.That(net.Probes, Is.Empty);
    }

    [Test]
    public void DirectNeurons_CannotBeProbed()
    {
        var net = new Network();
        var d = net.Ensemble(10, 1, neuronType: new Direct(), label: "d");
        Expect.Validation(() => net.Probe(d.Neurons, label: "p"), "Probe 'p'", "Ensemble 'd'.Neurons", "Direct");
    }

    [Test]
    public void RejectedProbe_LeavesTheNetworkUsable()
    {
        var net = new Network();
        var a = net.Ensemble(10, 1, label: "a");
        var good = net.Probe(a);
        Assert.Throws<ValidationError>(() => net.Probe(a, "banana"));
        Assert.Throws<ValidationError>(() => net.Probe(a, sampleEvery: 0));
        var again = net.Probe(a.Neurons, "voltage");
        Assert.That(net.Probes, Is.EqualTo(new[] { good, again }));
    }
}
