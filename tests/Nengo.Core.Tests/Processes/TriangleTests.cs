using NUnit.Framework;
using static Nengo.Core.Tests.Processes.ProcessTestHelpers;

namespace Nengo.Core.Tests.Processes;

/// <summary>Triangle: the FIR weights, its impulse and step responses, and long-run accuracy (NEF.md §3).</summary>
[TestFixture]
public class TriangleTests
{
    private const double Dt = 0.001;

    [Test]
    public void Weights_AreLinearlyDecreasing_AndSumToOne()
    {
        var tri = new Triangle(0.004);
        Assert.That(tri.Taps(Dt), Is.EqualTo(5));
        Assert.That(tri.Weights(Dt), Is.EqualTo(new[] { 5 / 15.0, 4 / 15.0, 3 / 15.0, 2 / 15.0, 1 / 15.0 }).Within(1e-16));
        Assert.That(new Triangle(0.01).Weights(Dt).Sum(), Is.EqualTo(1.0).Within(1e-14));
    }

    [Test]
    public void ImpulseResponse_IsTheWeights([Values(0.0, 0.001, 0.005, 0.03)] double t)
    {
        var tri = new Triangle(t);
        var w = tri.Weights(Dt);
        var u = new double[w.Length + 20];
        u[0] = 1;
        var y = Filt(tri, u);
        for (int k = 0; k < y.Length; k++)
            Assert.That(y[k], Is.EqualTo(k < w.Length ? w[k] : 0.0).Within(1e-15), $"k = {k}");
    }

    [Test]
    public void StepResponse_ReachesDcGainOneAfterNTaps()
    {
        var tri = new Triangle(0.01);
        int n = tri.Taps(Dt);
        var y = Filt(tri, Enumerable.Repeat(1.0, 5 * n).ToArray());
        var cum = tri.Weights(Dt).Select((_, k) => tri.Weights(Dt).Take(k + 1).Sum()).ToArray();
        for (int k = 0; k < n; k++) Assert.That(y[k], Is.EqualTo(cum[k]).Within(1e-14));
        for (int k = n - 1; k < y.Length; k++) Assert.That(y[k], Is.EqualTo(1.0).Within(1e-14), $"k = {k}");
    }

    [Test]
    public void LongRun_MatchesTheDirectConvolutionWithoutDrift()
    {
        // The O(1) incremental form re-synchronises every N steps, so even after 200 000 steps of large,
        // offset input it stays at rounding level of the direct sum.
        var tri = new Triangle(0.0125);
        var w = tri.Weights(Dt);
        int steps = 200000;
        var rng = new Random(3);
        var u = new double[steps];
        for (int k = 0; k < steps; k++) u[k] = 1000 + 50 * rng.NextGaussian();
        var y = Filt(tri, u);
        double worst = 0;
        for (int k = 0; k < steps; k++)
        {
            double direct = 0;
            for (int j = 0; j < w.Length && j <= k; j++) direct += w[j] * u[k - j];
            worst = Math.Max(worst, Math.Abs(y[k] - direct));
        }
        Assert.That(worst, Is.LessThan(1e-9), "worst |incremental − direct| over the run");
    }

    [Test]
    public void Dimensions_AreFilteredIndependently()
    {
        var tri = new Triangle(0.003);
        var x = new double[30, 2];
        var rng = new Random(1);
        for (int i = 0; i < 30; i++) { x[i, 0] = rng.NextDouble(); x[i, 1] = -3 * rng.NextDouble(); }
        var both = tri.Filt(x, Dt);
        for (int j = 0; j < 2; j++)
            Assert.That(Column(both, j), Is.EqualTo(Filt(tri, Column(x, j))).Within(1e-15));
    }

    [Test]
    public void Validation()
    {
        Expect.Validation(() => new Triangle(-0.1), "Triangle", "t", "got -0.1");
        Expect.Validation(() => new Triangle(double.NaN), "Triangle", "t");
        Expect.Validation(() => new Triangle(0.01).MakeStep(1, 2, Dt, new Random(0)), "Triangle(0.01)", "sizeIn", "got 1");
        Expect.Validation(() => new Triangle(0.01).MakeStep(1, 1, 0, new Random(0)), "Triangle(0.01)", "dt", "got 0");
    }
}
