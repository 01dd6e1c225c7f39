using NUnit.Framework;

namespace Nengo.Core.Tests.Neurons;

/// <summary>The LIF rate curve a vector of currents at a time: the formula, zeros at and below threshold, and the same rate wherever a current sits.</summary>
public sealed class LifRateCurveTests
{
    private static double Formula(LIFRate t, double current) =>
        current > 1 ? t.Amplitude / (t.TauRef + t.TauRc * double.LogP1(1 / (current - 1))) : 0;

    [Test]
    public void Rates_FollowTheFormula_ForAnyLength([Values(1, 3, 4, 7, 9, 750)] int n)
    {
        var t = new LIFRate(tauRc: 0.03, tauRef: 0.004, amplitude: 2);
        var rng = new Random(n);
        var currents = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? 1 - rng.NextDouble() : 1 + Math.Exp(12 * rng.NextDouble() - 8)).ToArray();
        var rates = new double[n];
        t.RatesFromCurrent(currents, rates);
        for (int i = 0; i < n; i++)
        {
            if (currents[i] <= 1) Assert.That(rates[i], Is.EqualTo(0.0), $"current {currents[i]} is at or below threshold");
            else Assert.That(rates[i], Is.EqualTo(Formula(t, currents[i])).Within(1e-13).Percent, $"current {currents[i]}");
        }
    }

    [Test]
    public void ARate_DoesNotDependOnWhereItsCurrentSits()
    {
        var t = new LIFRate();
        // 19 currents: two passes of two vectors side by side, then a tail of three.
        double[] currents = [1.5, 3, 40, 1.000001, 0.2, 7, 2.5, 1e6, 1.1, 12, 0.99, 4, 1 + 1e-12, 300, 2, 5.5, 1.25, 9, 60];
        var together = new double[currents.Length];
        t.RatesFromCurrent(currents, together);
        for (int i = 0; i < currents.Length; i++)
        {
            var alone = new double[1];
            t.RatesFromCurrent(new[] { currents[i] }, alone);
            Assert.That(together[i], Is.EqualTo(alone[0]), $"current {currents[i]} at position {i}");
        }
    }

    [Test]
    public void NaNCurrents_GiveZero_AndShortOutputsAreRefused()
    {
        var t = new LIFRate();
        var rates = new double[2];
        t.RatesFromCurrent(new[] { double.NaN, 2.0 }, rates);
        Assert.That(rates[0], Is.EqualTo(0.0));
        Assert.Throws<ArgumentException>(() => t.RatesFromCurrent(new[] { 2.0, 3.0 }, new double[1]));
    }
}
