using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>net.Connect(...) rejects ends, functions and transforms that do not fit, at the call.</summary>
[TestFixture]
public class ConnectionValidationTests
{
    private Network _net = null!;

    [SetUp]
    public void MakeNetwork() => _net = new Network("n");

    private Ensemble Ens(int d, string label) => _net.Ensemble(20, d, label: label);

    [Test]
    public void Transform_MatrixOfTheWrongShape_IsRejected()
    {
        var a = Ens(2, "a");
        var b = _net.Node(sizeIn: 3, label: "b");
        Expect.Validation(() => _net.Connect(a, b, transform: new double[2, 3], label: "c"),
            "Connection 'c'", "transform", "(3, 2)", "got (2, 3)");
        Assert.That(_net.Connections, Is.Empty);
    }

    [Test]
    public void Transform_Unlabeled_NamesBothEnds()
    {
        var a = Ens(2, "a");
        var b = _net.Node(sizeIn: 3, label: "b");
        Expect.Validation(() => _net.Connect(a, b, transform: new double[2, 3]), "Ensemble 'a'", "Node 'b'", "transform");
    }

    [Test]
    public void Transform_DiagonalOfTheWrongLength_IsRejected()
    {
        var a = Ens(2, "a");
        var b = Ens(2, "b");
        Expect.Validation(() => _net.Connect(a, b, transform: new[] { 1.0, 2.0, 3.0 }, label: "c"),
            "Connection 'c'", "diagonal transform", "3", "2");
    }

    [Test]
    public void Transform_DiagonalWithUnequalSizes_IsRejected()
    {
        var a = Ens(2, "a");
        var b = Ens(3, "b");
        Expect.Validation(() => _net.Connect(a, b, transform: new[] { 1.0, 2.0 }, label: "c"),
            "Connection 'c'", "diagonal transform", "2", "3");
    }

    [Test]
    public void Transform_ScalarWithUnequalSizes_IsRejected()
    {
        var a = Ens(2, "a");
        var b = Ens(3, "b");
        Expect.Validation(() => _net.Connect(a, b, transform: 2.0, label: "c"),
            "Connection 'c'", "scalar transform", "equal sizes", "2", "3", "(3, 2)");
    }

    [Test]
    public void NoTransform_WithUnequalSizes_IsRejected()
    {
        var a = Ens(2, "a");
        var b = Ens(3, "b");
        Expect.Validation(() => _net.Connect(a, b, label: "c"), "Connection 'c'", "transform", "(2)", "(3)");
    }

    [Test]
    public void Transform_NotFinite_IsRejected()
    {
        // The conversion happens before Connect sees it, so the message can only name the transform type.
        Expect.Validation(() => _ = (Transform)double.NaN, "Dense", "scale", "finite", "NaN");
        Expect.Validation(() => _ = (Transform)new[] { 1.0, double.NaN }, "Dense", "diagonal", "finite");
        Expect.Validation(() => _ = (Transform)new double[,] { { double.PositiveInfinity } }, "Dense", "matrix", "finite");
    }

    [Test]
    public void RepeatedPostIndices_WithAMatrixTransform_AreRejected()
    {
        var pre = _net.Node(new[] { 1.0, 2.0 }, label: "pre");
        var post = _net.Node(sizeIn: 3, label: "post");
        Expect.Validation(() => _net.Connect(pre, post[new[] { 0, 0 }], transform: new double[,] { { 1, 0 }, { 0, 1 } }, label: "c"),
            "Connection 'c'", "repeated post indices", "[0, 0]", "matrix");
        Assert.That(_net.Connections, Is.Empty);
    }

    [Test]
    public void RepeatedPostIndices_WithoutAMatrixTransform_AreAccepted()
    {
        var pre = _net.Node(new[] { 1.0, 2.0 }, label: "pre");
        var post = _net.Node(sizeIn: 3, label: "post");
        Assert.That(() => _net.Connect(pre, post[new[] { 0, 0 }]), Throws.Nothing);
        Assert.That(() => _net.Connect(pre, post[new[] { 1, 1 }], transform: 2.0), Throws.Nothing);
        Assert.That(() => _net.Connect(pre, post[new[] { 2, 2 }], transform: new[] { 1.0, -1.0 }), Throws.Nothing);
        Assert.That(_net.Connections, Has.Count.EqualTo(3));
    }

    [Test]
    public void Function_OfTheWrongSize_IsRejected()
    {
        var a = Ens(1, "a");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(a, b, (double[] x) => new[] { x[0], x[0] }, label: "c"),
            "Connection 'c'", "function", "(2)", "post size (1)");
    }

    [Test]
    public void Function_ReturningNothing_IsRejected()
    {
        var a = Ens(1, "a");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(a, b, (double[] x) => Array.Empty<double>(), label: "c"),
            "Connection 'c'", "function", "at least one value", "got []");
    }

    [Test]
    public void Function_ReturningNaN_AtConstruction_IsRejected()
    {
        var a = Ens(1, "a");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(a, b, (double v) => double.NaN, label: "c"), "Connection 'c'", "function", "finite", "NaN");
        Expect.Validation(() => _net.Connect(a, b, (double[] x) => new[] { 1 / x[0] }, label: "d"), "Connection 'd'", "function", "finite");
        Assert.That(_net.Connections, Is.Empty);
    }

    [Test]
    public void Function_Throwing_AtConstruction_IsRejected_WithTheCause()
    {
        var a = Ens(1, "a");
        var b = Ens(1, "b");
        var e = Expect.Validation(() => _net.Connect(a, b, (double v) => throw new ArithmeticException("bad"), label: "c"),
            "Connection 'c'", "function", "ArithmeticException", "bad");
        Assert.That(e.InnerException, Is.TypeOf<ArithmeticException>());
    }

    [Test]
    public void Function_IsFirstCalledOnTheFirstExplicitEvalPoint()
    {
        var a = Ens(1, "a");
        var b = Ens(1, "b");
        double[]? seen = null;
        _net.Connect(a, b, (double[] x) => { seen ??= (double[])x.Clone(); return x; }, evalPoints: new double[,] { { 0.7 }, { -0.2 } });
        Assert.That(seen, Is.EqualTo(new[] { 0.7 }));
    }

    [Test]
    public void ScalarFunction_OnATwoDimensionalPre_IsRejected()
    {
        var a = Ens(2, "a");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(a, b, (double v) => v * v, label: "c"),
            "Connection 'c'", "scalar function", "1-dimensional", "got 2");
    }

    [Test]
    public void Function_FromNeurons_IsRejected()
    {
        var a = Ens(1, "a");
        var b = _net.Node(sizeIn: 20, label: "b");
        Expect.Validation(() => _net.Connect(a.Neurons, b, (double[] x) => x, label: "c"),
            "Connection 'c'", "function", "not allowed", "Ensemble 'a'.Neurons");
    }

    [Test]
    public void Function_FromAPassthroughNode_IsRejected()
    {
        var p = _net.Node(sizeIn: 1, label: "p");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(p, b, (double v) => v, label: "c"), "Connection 'c'", "function", "passthrough", "Node 'p'");
    }

    [Test]
    public void Function_FromAFunctionNode_IsAccepted()
    {
        var n = _net.Node(t => t, label: "n");
        var b = Ens(1, "b");
        Assert.That(() => _net.Connect(n, b, v => v * v), Throws.Nothing);
    }

    [Test]
    public void Post_ConstantNode_IsRejected()
    {
        var a = Ens(1, "a");
        var c = _net.Node(0.5, label: "k");
        Expect.Validation(() => _net.Connect(a, c, label: "c"), "Connection 'c'", "post", "Node 'k'", "takes no input");
    }

    [Test]
    public void Post_FunctionOfTimeNode_IsRejected()
    {
        var a = Ens(1, "a");
        var c = _net.Node(t => t, label: "k");
        Expect.Validation(() => _net.Connect(a, c, label: "c"), "Connection 'c'", "post", "Node 'k'", "takes no input");
    }

    [Test]
    public void Pre_WithNoOutput_IsRejected()
    {
        var empty = _net.Node(t => Array.Empty<double>(), label: "e");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(empty, b, label: "c"), "Connection 'c'", "pre", "Node 'e'", "no output");
    }

    [Test]
    public void DirectNeurons_CannotBeConnected()
    {
        var d = _net.Ensemble(10, 1, neuronType: new Direct(), label: "d");
        var b = Ens(1, "b");
        var p = _net.Node(sizeIn: 10, label: "p");
        Expect.Validation(() => _net.Connect(d.Neurons, p, label: "c"), "Connection 'c'", "pre", "Ensemble 'd'.Neurons", "no output");
        Expect.Validation(() => _net.Connect(b.Neurons, d.Neurons, label: "e"), "Connection 'e'", "post", "Ensemble 'd'.Neurons", "no input");
    }

    [Test]
    public void EvalPoints_FromANodePre_AreRejected()
    {
        var n = _net.Node(0.5, label: "n");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(n, b, evalPoints: new double[,] { { 0.1 } }, label: "c"), "Connection 'c'", "evalPoints", "Ensemble pre", "Node 'n'");
    }

    [Test]
    public void WeightsSolver_FromANodePre_IsRejected()
    {
        var n = _net.Node(0.5, label: "n");
        var b = Ens(1, "b");
        Expect.Validation(() => _net.Connect(n, b, solver: new LstsqL2(weights: true), label: "c"), "Connection 'c'", "solver", "weights", "Node 'n'");
    }

    [Test]
    public void RejectedConnect_LeavesTheNetworkUsable()
    {
        var a = Ens(2, "a");
        var b = Ens(3, "b");
        var good = _net.Connect(a, b, transform: new double[3, 2], label: "good");
        int before = _net.Connections.Count;
        Assert.Throws<ValidationError>(() => _net.Connect(a, b, transform: new double[2, 3], label: "bad"));
        Assert.Throws<ValidationError>(() => _net.Connect(a, b, (double v) => v, label: "bad2"));
        Assert.That(_net.Connections, Has.Count.EqualTo(before));
        Assert.That(_net.AllConnections.Select(c => c.Label), Has.None.StartsWith("bad"));
        var again = _net.Connect(a, b[new[] { 0, 2 }], label: "again");
        Assert.That(_net.Connections, Is.EqualTo(new[] { good, again }));
        Assert.That(again.Network, Is.SameAs(_net));
    }
}
