using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>net.Node(...) rejects bad outputs and sizes at the call.</summary>
[TestFixture]
public class NodeValidationTests
{
    [Test]
    public void Passthrough_WithoutSizeIn_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Node(label: "p"), "Node 'p'", "sizeIn", "required", "passthrough", "got null");
        Assert.That(net.Nodes, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(-2)]
    public void Passthrough_SizeInNotPositive_IsRejected(int n)
    {
        var net = new Network();
        Expect.Validation(() => net.Node(label: "p", sizeIn: n), "Node 'p'", "sizeIn", "must be positive", $"got {n}.");
        Assert.That(net.Nodes, Is.Empty);
    }

    [Test]
    public void Passthrough_WithSizeIn_IsAccepted()
    {
        var net = new Network();
        var p = net.Node(sizeIn: 3);
        Assert.That(p.IsPassthrough, Is.True);
        Assert.That(p.SizeIn, Is.EqualTo(3));
        Assert.That(p.SizeOut, Is.EqualTo(3));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void FunctionOfInput_SizeInNotPositive_IsRejected(int n)
    {
        var net = new Network();
        Expect.Validation(() => net.Node((t, x) => x, sizeIn: n, label: "f"), "Node 'f'", "sizeIn", "must be positive", $"got {n}.");
        Expect.Validation(() => net.Node((t, x) => 1.0, sizeIn: n, label: "g"), "Node 'g'", "sizeIn", "must be positive", $"got {n}.");
        Assert.That(net.Nodes, Is.Empty);
    }

    [Test]
    public void Constant_NotFinite_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Node(double.NaN, label: "c"), "Node 'c'", "output", "finite", "NaN");
        Expect.Validation(() => net.Node(new[] { 1.0, double.PositiveInfinity }, label: "v"), "Node 'v'", "output", "finite");
        Assert.That(net.Nodes, Is.Empty);
    }

    [Test]
    public void Constant_Empty_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Node(Array.Empty<double>(), label: "c"), "Node 'c'", "output", "at least one value");
    }

    [Test]
    public void Function_NotFiniteAtTimeZero_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Node(t => double.NaN, label: "f"), "Node 'f'", "output", "finite", "NaN");
        Expect.Validation(() => net.Node(t => new[] { 0.0, 1.0 / t }, label: "g"), "Node 'g'", "output", "finite");
        Assert.That(net.Nodes, Is.Empty);
    }

    [Test]
    public void Function_ThrowingAtTimeZero_IsRejected_WithTheCause()
    {
        var net = new Network();
        Func<double, double> f = _ => throw new InvalidOperationException("boom");
        var e = Expect.Validation(() => net.Node(f, label: "f"),
            "Node 'f'", "t = 0", "InvalidOperationException", "boom");
        Assert.That(e.InnerException, Is.TypeOf<InvalidOperationException>());
    }

    [Test]
    public void Function_ReturningNull_IsRejected()
    {
        var net = new Network();
        Expect.Validation(() => net.Node(t => (double[])null!, label: "f"), "Node 'f'", "null");
    }

    [Test]
    public void Function_OutputSize_IsInferredFromTheCallAtTimeZero()
    {
        var net = new Network();
        double seen = double.NaN;
        var n = net.Node(t => { seen = t; return new[] { 1.0, 2.0, 3.0 }; });
        Assert.That(n.SizeOut, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(0.0));
    }
}
