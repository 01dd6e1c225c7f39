using NUnit.Framework;
using static Nengo.Core.Tests.Processes.ProcessTestHelpers;

namespace Nengo.Core.Tests.Processes;

/// <summary>WhiteSignal: power, band limit, periodicity, y0 and validation (NEF.md §6).</summary>
[TestFixture]
public class WhiteSignalTests
{
    private const double Dt = 0.001;

    [Test]
    public void Rms_IsAsRequested()
    {
        // 10 s period, 50 Hz: 500 random bins per dimension, so one dimension's power has a relative
        // spread of ≈ 1/√500 ≈ 4.5 %; 8 dimensions bring it to ≈ 1.6 % (rms: half of that).
        const int d = 8, steps = 10000;
        foreach (double rms in new[] { 0.5, 2.0 })
        {
            var y = new WhiteSignal(10, 50, rms: rms).Run(steps, sizeOut: d, dt: Dt, seed: 3);
            double power = All(y).Sum(v => v * v) / (steps * d);
            Assert.That(Math.Sqrt(power), Is.EqualTo(rms).Within(0.04 * rms), $"rms {rms}");
            for (int j = 0; j < d; j++)
                Assert.That(Mean(Column(y, j)), Is.EqualTo(0).Within(1e-12), "the DC bin is zeroed");
        }
    }

    [Test]
    public void HasNoPowerAboveHigh()
    {
        const double period = 1, high = 20;
        int length = 1000; // 2·ceil(period/dt/2)
        var y = new WhiteSignal(period, high).Run(length, sizeOut: 2, dt: Dt, seed: 5);
        for (int j = 0; j < 2; j++)
        {
            var p = PowerSpectrum(Column(y, j));
            double max = p.Max();
            for (int k = 0; k < p.Length; k++)
            {
                double freq = k / (length * Dt);
                if (freq > high || k == 0)
                    Assert.That(p[k], Is.LessThan(1e-20 * max + 1e-20), $"bin {k} ({freq} Hz) must be empty");
            }
            // And the band below high is actually used.
            int used = Enumerable.Range(1, (int)high).Count(k => p[k] > 1e-6 * max);
            Assert.That(used, Is.GreaterThan(15));
        }
    }

    [Test]
    public void IsPeriodic()
    {
        // period 0.5 s at dt = 1 ms: 2N = 500 samples.
        var y = new WhiteSignal(0.5, 10).Run(1500, sizeOut: 3, dt: Dt, seed: 8);
        for (int i = 0; i + 500 < 1500; i++)
            for (int j = 0; j < 3; j++)
                Assert.That(y[i + 500, j], Is.EqualTo(y[i, j]), $"step {i}, dim {j}");
        Assert.That(Column(y).Take(500).Distinct().Count(), Is.GreaterThan(400), "not constant");
    }

    [Test]
    public void OddNumberOfStepsPerPeriod_RoundsUpToAnEvenLength()
    {
        // period 0.0105 s at 1 ms: N = ceil(5.25) = 6, so the signal repeats every 12 steps.
        var y = Column(new WhiteSignal(0.0105, 100).Run(36, dt: Dt, seed: 2));
        for (int i = 0; i + 12 < 36; i++) Assert.That(y[i + 12], Is.EqualTo(y[i]));
    }

    [Test]
    public void Y0_TheFirstOutputIsTheSampleClosestToY0([Values(0.0, 0.3, -0.7)] double y0)
    {
        const int length = 2000;
        var plain = new WhiteSignal(2, 5).Run(length, sizeOut: 3, dt: Dt, seed: 4);
        var shifted = new WhiteSignal(2, 5, y0: y0).Run(length, sizeOut: 3, dt: Dt, seed: 4);
        for (int j = 0; j < 3; j++)
        {
            var p = Column(plain, j);
            var s = Column(shifted, j);
            double best = p.Min(v => Math.Abs(v - y0));
            Assert.That(Math.Abs(s[0] - y0), Is.EqualTo(best), $"dim {j}: the first output is the closest sample");
            // Same period, rotated.
            int offset = Array.IndexOf(p, s[0]);
            for (int i = 0; i < length; i++) Assert.That(s[i], Is.EqualTo(p[(i + offset) % length]));
        }
    }

    [Test]
    public void IsDeterministicPerSeed()
    {
        var a = All(new WhiteSignal(1, 5).Run(100, seed: 1));
        Assert.That(All(new WhiteSignal(1, 5).Run(100, seed: 1)), Is.EqualTo(a));
        Assert.That(All(new WhiteSignal(1, 5).Run(100, seed: 2)), Is.Not.EqualTo(a));
    }

    [Test]
    public void Validation()
    {
        Expect.Validation(() => new WhiteSignal(1, 0.5), "WhiteSignal", "high", ">= 1/period", "got 0.5");
        Expect.Validation(() => new WhiteSignal(0, 5), "WhiteSignal", "period", "got 0");
        Expect.Validation(() => new WhiteSignal(1, 5, rms: -1), "WhiteSignal", "rms", "got -1");
        Expect.Validation(() => new WhiteSignal(1, 5, y0: double.NaN), "WhiteSignal", "y0");
        Expect.Validation(() => new WhiteSignal(1, 600).MakeStep(0, 1, Dt, new Random(0)),
            "WhiteSignal", "high", "Nyquist", "dt = 0.001", "got 600");
        Assert.DoesNotThrow(() => new WhiteSignal(1, 500).MakeStep(0, 1, Dt, new Random(0)), "high = 0.5/dt is allowed");
        Expect.Validation(() => new WhiteSignal(1, 5).MakeStep(1, 1, Dt, new Random(0)), "WhiteSignal", "sizeIn");
    }

    [Test]
    public void HighAtNyquist_KeepsEveryBin()
    {
        var y = Column(new WhiteSignal(0.2, 500).Run(200, dt: Dt, seed: 6));
        var p = PowerSpectrum(y);
        Assert.That(p[100], Is.GreaterThan(0), "the Nyquist bin (real part) is kept");
        Assert.That(p[0], Is.LessThan(1e-20));
    }
}
