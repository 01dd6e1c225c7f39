using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Conformance.Tests.Transforms;

/// <summary>
/// What Sparse, Convolution and ConvolutionTranspose reject (NEF.md §8), at the call that is wrong: decoded pres
/// and sizes at <c>Connect</c>, parameters at construction.
/// </summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class TransformValidationTests(BackendCase backend) : BackendTestBase(backend)
{
    private static ValidationError Rejects(TestDelegate code, params string[] fragments)
    {
        var e = Assert.Throws<ValidationError>(code)!;
        foreach (var f in fragments) Assert.That(e.Message, Does.Contain(f));
        return e;
    }

    private static IEnumerable<TestCaseData> NonDense()
    {
        yield return new TestCaseData(new Sparse(2, 4, new[,] { { 0, 1 }, { 1, 3 } })).SetArgDisplayNames("Sparse");
        yield return new TestCaseData(new Convolution(1, [4, 1], [3])).SetArgDisplayNames("Convolution");
        yield return new TestCaseData(new ConvolutionTranspose(1, [2, 2], kernelSize: [1])).SetArgDisplayNames("ConvolutionTranspose");
    }

    [TestCaseSource(nameof(NonDense))]
    public void DecodedPreIsRejectedAtConnect(Transform t)
    {
        var net = new Network("decoded", seed: 1);
        var ens = net.Ensemble(20, 4);
        var dst = net.Node(sizeIn: t.SizeOut!.Value);
        Rejects(() => net.Connect(ens, dst, transform: t), "not allowed on a decoded connection", ens.Describe);
        Assert.That(net.Connections, Is.Empty, "nothing half-made");

        // The same transform from the ensemble's neurons (4 of them), a node or a Direct-mode ensemble is fine.
        var small = net.Ensemble(4, 1);
        var direct = net.Ensemble(1, 4, neuronType: new Direct());
        net.Connect(small.Neurons, dst, transform: t);
        net.Connect(net.Node(new double[4]), dst, transform: t);
        net.Connect(direct, dst, transform: t);
        Sim(net).RunSteps(3);
    }

    [TestCaseSource(nameof(NonDense))]
    public void WrongSizesAreRejectedAtConnect(Transform t)
    {
        var net = new Network("sizes", seed: 1);
        int nIn = t.SizeIn!.Value, nOut = t.SizeOut!.Value;
        Rejects(() => net.Connect(net.Node(new double[nIn + 1]), net.Node(sizeIn: nOut), transform: t), $"takes {nIn} inputs", $"is {nIn + 1}");
        Rejects(() => net.Connect(net.Node(new double[nIn]), net.Node(sizeIn: nOut + 2), transform: t), $"gives {nOut} outputs", $"is {nOut + 2}");
        // A function changes the size the transform sees.
        Rejects(() => net.Connect(net.Node(new double[nIn]), net.Node(sizeIn: nOut), (double[] x) => x.Concat(x).ToArray(), transform: t), $"takes {nIn} inputs");
        Assert.That(net.Connections, Is.Empty);
    }

    [TestCaseSource(nameof(NonDense))]
    public void LearningIsRejected(Transform t)
    {
        var net = new Network("learn", seed: 1);
        var ens = net.Ensemble(t.SizeIn!.Value, 1);
        Rejects(() => net.Connect(ens.Neurons, net.Node(sizeIn: t.SizeOut!.Value), transform: t, learningRule: new PES()), "Dense");
    }

    [Test]
    public void MoreThanTwoSpatialDimensionsAreRejected()
    {
        Rejects(() => _ = new Convolution(2, [4, 4, 4, 1]), "Convolution", "inputShape", "more than 2 spatial dimensions", "[4, 4, 4, 1]");
        Rejects(() => _ = new ConvolutionTranspose(2, [4, 4, 4, 1]), "ConvolutionTranspose", "inputShape", "more than 2 spatial dimensions");
        Rejects(() => _ = new Convolution(2, [4]), "inputShape");
    }

    [Test]
    public void ConvolutionParametersAreChecked()
    {
        Rejects(() => _ = new Convolution(0, [4, 1]), "nFilters", "positive");
        Rejects(() => _ = new Convolution(2, [4, 0, 1]), "inputShape", "positive");
        Rejects(() => _ = new Convolution(2, [4, 4, 1], kernelSize: [3]), "kernelSize", "one entry per spatial dimension (2)");
        Rejects(() => _ = new Convolution(2, [4, 4, 1], strides: [1, 0]), "strides", "positive");
        Rejects(() => _ = new Convolution(2, [4, 4, 1], padding: "full"), "padding", "\"valid\" or \"same\"", "'full'");
        Rejects(() => _ = new Convolution(2, [4, 4, 3], groups: 2), "groups", "input channels (3)");
        Rejects(() => _ = new Convolution(3, [4, 4, 2], groups: 2), "groups", "nFilters (3)");
        Rejects(() => _ = new Convolution(2, [4, 2, 1]), "kernelSize", "fit inside the input", "(4, 2)");
        Assert.That(new Convolution(2, [4, 2, 1], padding: "same").OutputShape, Is.EqualTo(new[] { 4, 2, 2 }), "same padding always fits");
        Rejects(() => _ = new Convolution(2, [4, 1], [3], init: new double[5]), "init", "6 values or a (3, 2) matrix");
        Rejects(() => _ = new Convolution(2, [4, 1], [3], init: new double[2, 3]), "init", "(3, 2)");
        Rejects(() => _ = new Convolution(1, [4, 1], [2], init: new[] { 1.0, double.NaN }), "init", "finite");
        Assert.That(new Convolution(2, [4, 1], [3], init: new double[3, 2]).KernelShape, Is.EqualTo(new[] { 3, 1, 2 }));
    }

    [Test]
    public void SparseParametersAreChecked()
    {
        Rejects(() => _ = new Sparse(0, 3, new int[0, 2]), "rows", "positive");
        Rejects(() => _ = new Sparse(2, 3, new int[2, 3]), "indices", "(k, 2)");
        Rejects(() => _ = new Sparse(2, 3, new[,] { { 0, 0 }, { 2, 1 } }), "indices", "rows in [0, 2)", "(2, 1) at entry 1");
        Rejects(() => _ = new Sparse(2, 3, new[,] { { 0, -1 } }), "indices", "columns in [0, 3)");
        Rejects(() => _ = new Sparse(2, 3, new[,] { { 0, 0 }, { 1, 1 } }, new[] { 1.0 }), "init", "one value per index (2)");
        Rejects(() => _ = new Sparse(2, 3, new[,] { { 0, 0 } }, double.PositiveInfinity), "init", "finite");
        Rejects(() => _ = new Sparse(new double[,] { { 1, double.NaN } }), "matrix", "finite");
    }
}
