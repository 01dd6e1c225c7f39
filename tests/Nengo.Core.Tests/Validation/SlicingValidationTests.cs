using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>Indexing ensembles, nodes and neurons rejects out-of-range and empty selections, naming the sliced object.</summary>
[TestFixture]
public class SlicingValidationTests
{
    private Network _net = null!;
    private Ensemble _ens = null!;

    [SetUp]
    public void MakeNetwork()
    {
        _net = new Network();
        _ens = _net.Ensemble(10, 2, label: "a");
    }

    [TestCase(2)]
    [TestCase(5)]
    [TestCase(-3)]
    public void Index_OutOfRange_IsRejected(int i)
    {
        Expect.Validation(() => _ = _ens[i], "Ensemble 'a'", "index", "[-2, 2)", $"got {i}.");
    }

    [Test]
    public void Index_Negative_CountsFromTheEnd()
    {
        Assert.That(_ens[-1].Indices, Is.EqualTo(new[] { 1 }));
        Assert.That(_ens[-2].Indices, Is.EqualTo(new[] { 0 }));
        Assert.That(_ens[^1].Indices, Is.EqualTo(new[] { 1 }));
        Assert.That(_ens[^2].Indices, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void FromEndIndex_PastTheEnd_IsRejected()
    {
        Expect.Validation(() => _ = _ens[^0], "Ensemble 'a'", "index");
    }

    [TestCase(3)]
    [TestCase(4)]
    public void FromEndIndex_BeforeTheStart_IsRejected(int fromEnd)
    {
        Expect.Validation(() => _ = _ens[^fromEnd], "Ensemble 'a'", "index");
    }

    [Test]
    public void FromEndIndex_Message_ShowsTheIndexAsGiven()
    {
        Expect.Validation(() => _ = _ens[^5], "Ensemble 'a'", "index", "^5");
    }

    [Test]
    public void Range_OutOfRange_IsRejected()
    {
        Expect.Validation(() => _ = _ens[1..5], "Ensemble 'a'", "range", "[0, 2]", "got 1..5.");
    }

    [Test]
    public void Range_Empty_IsRejected()
    {
        Expect.Validation(() => _ = _ens[1..1], "Ensemble 'a'", "range", "at least one element", "got 1..1.");
    }

    [Test]
    public void IndexList_OutOfRange_IsRejected()
    {
        Expect.Validation(() => _ = _ens[new[] { 0, 5 }], "Ensemble 'a'", "indices", "[-2, 2)", "got [0, 5].");
    }

    [Test]
    public void IndexList_Empty_IsRejected()
    {
        Expect.Validation(() => _ = _ens[Array.Empty<int>()], "Ensemble 'a'", "indices", "at least one element", "got [].");
    }

    [Test]
    public void IndexList_Negative_CountsFromTheEnd_AndKeepsOrderAndRepeats()
    {
        Assert.That(_ens[new[] { -1, 0, -1 }].Indices, Is.EqualTo(new[] { 1, 0, 1 }));
        Assert.That(_ens[new[] { -1, 0, -1 }].HasRepeats, Is.True);
    }

    [Test]
    public void Node_Slices_AreCheckedAgainstTheNodeSize()
    {
        var n = _net.Node(new[] { 1.0, 2.0, 3.0 }, label: "n");
        Expect.Validation(() => _ = n[3], "Node 'n'", "index", "[-3, 3)", "got 3.");
        Expect.Validation(() => _ = n[2..4], "Node 'n'", "range", "[0, 3]");
        Assert.That(n[..2].Indices, Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Neurons_Slices_AreCheckedAgainstTheNeuronCount()
    {
        Expect.Validation(() => _ = _ens.Neurons[10], "Ensemble 'a'.Neurons", "index", "[-10, 10)", "got 10.");
        Expect.Validation(() => _ = _ens.Neurons[new[] { 3, 12 }], "Ensemble 'a'.Neurons", "indices", "got [3, 12].");
        Assert.That(_ens.Neurons[8..].Indices, Is.EqualTo(new[] { 8, 9 }));
    }
}
