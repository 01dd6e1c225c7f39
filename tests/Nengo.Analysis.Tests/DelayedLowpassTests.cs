using NUnit.Framework;

namespace Nengo.AnalysisTests;

[TestFixture]
public class DelayedLowpassTests
{
    [Test]
    public void StepResponse_IsDelayedByOneStep()
    {
        double dt = 0.001, tau = 0.01, a = Math.Exp(-dt / tau);
        var y = Analysis.DelayedLowpass(Enumerable.Repeat(1.0, 50).ToArray(), tau, dt);
        Assert.That(y, Has.Length.EqualTo(50));
        Assert.That(y[0], Is.Zero);
        for (int k = 1; k < 50; k++) Assert.That(y[k], Is.EqualTo(1 - Math.Pow(a, k)).Within(1e-12));
    }

    [Test]
    public void ZeroTau_IsAPureDelay()
    {
        var y = Analysis.DelayedLowpass([1, 2, 3, 4], 0, 0.001);
        Assert.That(y, Is.EqualTo(new double[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void EmptySignal_GivesEmpty() =>
        Assert.That(Analysis.DelayedLowpass([], 0.005, 0.001), Is.Empty);

    [TestCase(-0.01, 0.001, "tau")]
    [TestCase(double.NaN, 0.001, "tau")]
    [TestCase(0.01, 0.0, "dt")]
    [TestCase(0.01, -0.001, "dt")]
    public void BadParameters_Throw(double tau, double dt, string parameter)
    {
        var e = Assert.Throws<ValidationError>(() => Analysis.DelayedLowpass([1.0], tau, dt))!;
        Assert.That(e.Message, Does.Contain("Analysis.DelayedLowpass").And.Contain(parameter));
    }
}
