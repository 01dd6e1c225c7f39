using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>The generalised bilinear discretisations of NEF.md §3 against their closed forms on a lowpass.</summary>
public sealed class DiscretizationMethodTests
{
    private const double Dt = 0.001, Tau = 0.005;

    private static double[] Step(string method, double alpha = 0.5, int n = 6)
    {
        var f = new LinearFilter([1.0], [Tau, 1.0], method: method, alpha: alpha);
        return FilterDiscretization.Filt(f.Discretize(Dt), Enumerable.Repeat(1.0, n).ToArray());
    }

    [Test]
    public void Euler_IsTheForwardRecursion()
    {
        // α = 0: x ← (1 − dt/τ)x + dt·u, y = x/τ, no feed-through: y[k] = (1 − dt/τ)·y[k−1] + (dt/τ)·u[k].
        var y = Step("euler");
        double prev = 0;
        foreach (double v in y)
        {
            double expected = (1 - Dt / Tau) * prev + Dt / Tau;
            Assert.That(v, Is.EqualTo(expected).Within(1e-12));
            prev = v;
        }
    }

    [Test]
    public void Bilinear_MatchesTustin()
    {
        // Tustin on 1/(τs + 1): y[k] = a·y[k−1] + b·(u[k] + u[k−1]), a = (2τ − dt)/(2τ + dt), b = dt/(2τ + dt).
        var y = Step("bilinear");
        double a = (2 * Tau - Dt) / (2 * Tau + Dt), b = Dt / (2 * Tau + Dt), prevY = 0, prevU = 0;
        foreach (double v in y)
        {
            double expected = a * prevY + b * (1.0 + prevU);
            Assert.That(v, Is.EqualTo(expected).Within(1e-12));
            prevY = v; prevU = 1.0;
        }
    }

    [Test]
    public void Gbt_WithAlphaHalf_IsBilinear_AndAlphaOne_IsBackwardDifference()
    {
        Assert.That(Step("gbt", 0.5), Is.EqualTo(Step("bilinear")).Within(1e-15));
        Assert.That(Step("gbt", 1.0), Is.EqualTo(Step("backward_diff")).Within(1e-15));
        // Backward difference: y[k] = (τ·y[k−1] + dt·u[k]) / (τ + dt).
        var y = Step("backward_diff");
        double prev = 0;
        foreach (double v in y) { double e = (Tau * prev + Dt) / (Tau + Dt); Assert.That(v, Is.EqualTo(e).Within(1e-12)); prev = v; }
    }

    [Test]
    public void EveryMethod_HasUnitDcGain()
    {
        foreach (var m in new[] { "zoh", "bilinear", "euler", "backward_diff" })
            Assert.That(Step(m, n: 5000)[^1], Is.EqualTo(1.0).Within(1e-9), m);
    }

    [Test]
    public void UnknownMethod_AndAlphaOutOfRange_AreRejected()
    {
        var e = Assert.Throws<ValidationError>(() => _ = new LinearFilter([1.0], [Tau, 1.0], method: "cubic"));
        Assert.That(e!.Message, Does.Contain("method").And.Contain("cubic").And.Contain("zoh"));
        var e2 = Assert.Throws<ValidationError>(() => _ = new LinearFilter([1.0], [Tau, 1.0], method: "gbt", alpha: 1.5));
        Assert.That(e2!.Message, Does.Contain("alpha").And.Contain("1.5"));
    }
}
