using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>Product and its dot-product helper (NEF.md §11.4).</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class ProductTests(BackendCase backend) : BackendTestBase(backend)
{
    [Test]
    public void MultipliesElementwise_AndDotProductTransformSums()
    {
        var net = new Network("product", seed: 1);
        double[] a = [0.5, -0.3, 0.9], b = [-0.7, 0.8, 0.6];
        var na = net.Node(a);
        var nb = net.Node(b);
        var prod = net.Add(new Product(100, 3));
        net.Connect(na, prod.InputA);
        net.Connect(nb, prod.InputB);
        var dot = net.Node(sizeIn: 1);
        net.Connect(prod.Output, dot, transform: Product.DotProductTransform(3), synapse: null);
        var p = net.Probe(prod.Output, synapse: 0.03);
        var pd = net.Probe(dot, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(0.4);
        var mean = Util.MeanOver(sim.Data[p], 0.25, 0.4);
        var expected = a.Zip(b, (x, y) => x * y).ToArray();
        double d = Util.MeanOver(sim.Data[pd], 0.25, 0.4)[0];
        TestContext.Out.WriteLine($"product {string.Join(", ", mean.Select(v => v.ToString("F3")))} (expected {string.Join(", ", expected)}); dot {d:F3} (expected {expected.Sum()})");
        Assert.That(mean, Is.EqualTo(expected).Within(Tol(0.08)));
        Assert.That(d, Is.EqualTo(expected.Sum()).Within(Tol(0.1)));
    }

    [Test]
    public void TracksTimeVaryingInputs_WithInputMagnitude()
    {
        var net = new Network("product-sine", seed: 2);
        Func<double, double> fa = t => 2 * Math.Sin(2 * Math.PI * t), fb = t => 2 * Math.Cos(2 * Math.PI * t);
        var na = net.Node(fa);
        var nb = net.Node(fb);
        var prod = net.Add(new Product(200, 1, inputMagnitude: 2));
        net.Connect(na, prod.InputA, synapse: null);
        net.Connect(nb, prod.InputB, synapse: null);
        var p = net.Probe(prod.Output, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(1.0);
        var y = sim.Data[p].ColumnArray();
        var ideal = Signals.DelayedLowpass(Enumerable.Range(1, y.Length).Select(k => fa(k * 0.001) * fb(k * 0.001)).ToArray(), 0.01);
        double rmse = Signals.Rmse(y, ideal, from: 100);
        TestContext.Out.WriteLine($"rmse {rmse:F4} (output range ±2)");
        Assert.That(rmse, Is.LessThan(Tol(0.2)));
    }
}
