using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Builders;
using Nengo.Graph;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>The fused activities against <see cref="NeuronType.Rates"/> on the projected eval points.</summary>
[TestFixture]
public class TuningCurveTests
{
    [TestCase(300, 40, 1, 1.0)]
    [TestCase(2500, 200, 16, 2.5)]
    public void MatchTheRatesOfTheProjectedPoints(int m, int n, int d, double radius)
    {
        var rng = new Random(d);
        var type = new LIF();
        var points = Matrix<double>.Build.DenseOfArray(new ScatteredHypersphere().Sample(m, d, rng)) * radius;
        var encoders = Matrix<double>.Build.DenseOfArray(new ScatteredHypersphere(surface: true).Sample(n, d, rng));
        var (gain, bias) = type.GainBias(new Uniform(200, 400).Sample(n, rng), new Uniform(-1, 0.9).Sample(n, rng));
        var v = Vector<double>.Build;
        var built = new BuiltEnsemble(encoders, encoders, points, v.DenseOfArray(gain), v.DenseOfArray(bias),
            v.Dense(n), v.Dense(n), radius, type);
        var got = TuningCurves.Compute(points, built, out bool anyActive);
        var want = type.Rates((points * encoders.Transpose() / radius).ToArray(), gain, bias);
        Assert.That(anyActive, Is.True);
        double worst = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) worst = Math.Max(worst, Math.Abs(got[i, j] - want[i, j]));
        Assert.That(worst / 400, Is.LessThan(1e-10), "largest difference relative to the max rate");
    }
}
