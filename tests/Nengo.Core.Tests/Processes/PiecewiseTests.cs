using NUnit.Framework;
using static Nengo.Core.Tests.Processes.ProcessTestHelpers;

namespace Nengo.Core.Tests.Processes;

/// <summary>Piecewise: zero-order hold, linear and nearest interpolation, functions, validation (NEF.md §6).</summary>
[TestFixture]
public class PiecewiseTests
{
    private const double Dt = 0.001;

    [Test]
    public void Zero_HoldsTheLargestKeyStrictlyBelowTPlusHalfDt()
    {
        var p = new Piecewise(new Dictionary<double, double> { [0] = 0, [0.5] = 1 });
        var y = Column(p.Run(1000, dt: Dt));
        // Step k (0-based) is t = (k + 1)·dt; the key 0.5 applies from t = 0.5 (k = 499).
        for (int k = 0; k < 1000; k++) Assert.That(y[k], Is.EqualTo(k >= 499 ? 1.0 : 0.0), $"t = {(k + 1) * Dt}");
    }

    [Test]
    public void Zero_IsZeroBeforeTheFirstKey_AndHoldsAfterTheLast()
    {
        var p = new Piecewise(new Dictionary<double, double> { [0.3] = 2, [0.1] = -1 });
        Assert.That(p.Times, Is.EqualTo(new[] { 0.1, 0.3 }), "keys sorted");
        var y = Column(p.Run(500, dt: Dt));
        Assert.That(y[98], Is.EqualTo(0.0), "t = 0.099");
        Assert.That(y[99], Is.EqualTo(-1.0), "t = 0.1");
        Assert.That(y[298], Is.EqualTo(-1.0), "t = 0.299");
        Assert.That(y[299], Is.EqualTo(2.0), "t = 0.3");
        Assert.That(y[499], Is.EqualTo(2.0), "t = 0.5 holds the last value");
    }

    [Test]
    public void Zero_Vector()
    {
        var p = new Piecewise(new Dictionary<double, double[]> { [0] = [1, 2], [0.002] = [3, 4] });
        Assert.That(p.DefaultSizeOut, Is.EqualTo(2));
        var y = p.Run(3, dt: Dt);
        Assert.That(Row(y, 0), Is.EqualTo(new[] { 1.0, 2.0 }));
        Assert.That(Row(y, 1), Is.EqualTo(new[] { 3.0, 4.0 }));
        Assert.That(Row(y, 2), Is.EqualTo(new[] { 3.0, 4.0 }));
    }

    [Test]
    public void Linear_InterpolatesInsideAndIsZeroOutside()
    {
        var p = new Piecewise(new Dictionary<double, double[]> { [0.1] = [0, 1], [0.3] = [2, -1], [0.4] = [2, 0] }, "linear");
        var y = p.Run(500, dt: Dt);
        double[] Expected(double t) =>
            t < 0.1 || t > 0.4 ? [0, 0]
            : t <= 0.3 ? [(t - 0.1) / 0.2 * 2, 1 - (t - 0.1) / 0.2 * 2]
            : [2, -1 + (t - 0.3) / 0.1];
        for (int k = 0; k < 500; k++)
        {
            double t = (k + 1) * Dt;
            Assert.That(Row(y, k), Is.EqualTo(Expected(t)).Within(1e-12), $"t = {t}");
        }
        Assert.That(y[99, 1], Is.EqualTo(1.0), "at the first key exactly");
        Assert.That(y[399, 0], Is.EqualTo(2.0), "at the last key exactly");
        Assert.That(Row(y, 400), Is.EqualTo(new[] { 0.0, 0.0 }), "after the last key");
        Assert.That(new Piecewise(new Dictionary<double, double> { [0] = 0, [1] = 1 }, "slinear").Interpolation, Is.EqualTo("linear"));
    }

    [Test]
    public void Nearest_TakesTheNearestKey()
    {
        var p = new Piecewise(new Dictionary<double, double> { [0.002] = 1, [0.006] = 2, [0.01] = 3 }, "nearest");
        var y = Column(p.Run(12, dt: Dt));
        // t = 1..12 ms: before 2 → 0; 2,3,4 → 1 (4 is the midpoint: the earlier key); 5..8 → 2; 9,10 → 3; after 10 → 0.
        Assert.That(y, Is.EqualTo(new double[] { 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 0, 0 }));
    }

    [Test]
    public void Functions_AreEvaluatedAtT()
    {
        var p = new Piecewise(new Dictionary<double, Func<double, double>> { [0] = t => 10 * t, [0.005] = _ => -1 });
        var y = Column(p.Run(8, dt: Dt));
        for (int k = 0; k < 4; k++) Assert.That(y[k], Is.EqualTo(10 * (k + 1) * Dt).Within(1e-15));
        Assert.That(y.Skip(4), Is.All.EqualTo(-1.0));
    }

    [Test]
    public void Validation()
    {
        var data = new Dictionary<double, double> { [0] = 0, [1] = 1 };
        Expect.Validation(() => new Piecewise(data, "cubic"), "Piecewise", "interpolation", "'zero'", "'linear'", "'nearest'", "got 'cubic'");
        Expect.Validation(() => new Piecewise(data, "bogus"), "Piecewise", "interpolation", "got 'bogus'");
        Expect.Validation(() => new Piecewise(new Dictionary<double, double>()), "Piecewise", "data", "at least one");
        Expect.Validation(() => new Piecewise(new Dictionary<double, double> { [0] = 1 }, "linear"), "Piecewise", "data", "two");
        Expect.Validation(() => new Piecewise(new Dictionary<double, double> { [double.NaN] = 1 }), "Piecewise", "data", "finite");
        Expect.Validation(() => new Piecewise(new Dictionary<double, double> { [0] = double.PositiveInfinity }), "Piecewise", "data", "finite");
        Expect.Validation(() => new Piecewise(new Dictionary<double, double[]> { [0] = [1], [1] = [1, 2] }), "Piecewise", "data", "same length");
        Expect.Validation(() => new Piecewise(new Dictionary<double, Func<double, double>> { [0] = t => t }, "linear"), "Piecewise", "interpolation", "functions");
        Expect.Validation(() => new Piecewise(data).MakeStep(0, 2, Dt, new Random(0)), "Piecewise", "sizeOut", "got 2");
        Expect.Validation(() => new Piecewise(data).MakeStep(1, 1, Dt, new Random(0)), "Piecewise", "sizeIn", "got 1");
    }
}
