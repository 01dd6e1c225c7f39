using NUnit.Framework;
using static Nengo.Core.Tests.Processes.ProcessTestHelpers;

namespace Nengo.Core.Tests.Processes;

/// <summary>WhiteNoise, FilteredNoise and BrownNoise statistics and seeding (NEF.md §6).</summary>
[TestFixture]
public class NoiseTests
{
    private const double Dt = 0.001;

    [Test]
    public void WhiteNoise_Scaled_HasZeroMeanAndStdOneOverSqrtDt()
    {
        var y = All(new WhiteNoise().Run(20000, sizeOut: 5, dt: Dt, seed: 1));
        int n = y.Length;
        double expectedStd = 1 / Math.Sqrt(Dt);
        Assert.That(Mean(y), Is.EqualTo(0).Within(4 * expectedStd / Math.Sqrt(n)), "mean");
        // The sample std of n Gaussians has relative standard error ≈ 1/√(2n).
        Assert.That(Math.Sqrt(Variance(y)), Is.EqualTo(expectedStd).Within(4 * expectedStd / Math.Sqrt(2.0 * n)), "std");
    }

    [Test]
    public void WhiteNoise_Unscaled_FollowsTheDistribution()
    {
        var y = All(new WhiteNoise(new Gaussian(2, 3), scale: false).Run(20000, sizeOut: 2, dt: Dt, seed: 4));
        int n = y.Length;
        Assert.That(Mean(y), Is.EqualTo(2).Within(4 * 3 / Math.Sqrt(n)));
        Assert.That(Math.Sqrt(Variance(y)), Is.EqualTo(3).Within(4 * 3 / Math.Sqrt(2.0 * n)));

        var u = All(new WhiteNoise(new Uniform(-1, 3), scale: false).Run(5000, sizeOut: 2, dt: Dt, seed: 4));
        Assert.That(u.Min(), Is.GreaterThanOrEqualTo(-1));
        Assert.That(u.Max(), Is.LessThan(3));
        Assert.That(Mean(u), Is.EqualTo(1).Within(0.05));
    }

    [Test]
    public void WhiteNoise_DrawsWhatSampleOneByDWouldDraw([Values(0, 1, 2)] int which)
    {
        Distribution dist = which switch
        {
            0 => new Gaussian(0.5, 2),
            1 => new Uniform(-2, 1),
            _ => new Exponential(0.3),
        };
        const int steps = 50, d = 3;
        var y = new WhiteNoise(dist, scale: false).Run(steps, sizeOut: d, dt: Dt, seed: 11);
        var rng = new Random(11);
        for (int i = 0; i < steps; i++)
        {
            var s = dist.Sample(1, d, rng);
            for (int j = 0; j < d; j++) Assert.That(y[i, j], Is.EqualTo(s[0, j]), $"step {i}, dim {j}");
        }
    }

    [Test]
    public void WhiteNoise_Scale_MultipliesByOneOverSqrtDt()
    {
        var a = new WhiteNoise().Run(100, sizeOut: 2, dt: 0.004, seed: 2);
        var b = new WhiteNoise(scale: false).Run(100, sizeOut: 2, dt: 0.004, seed: 2);
        for (int i = 0; i < 100; i++)
            for (int j = 0; j < 2; j++)
                Assert.That(a[i, j], Is.EqualTo(b[i, j] / Math.Sqrt(0.004)).Within(1e-12));
    }

    [Test]
    public void Noise_IsDeterministicPerSeed()
    {
        Process[] processes = [new WhiteNoise(), new FilteredNoise(), new BrownNoise()];
        foreach (var p in processes)
        {
            var a = All(p.Run(200, sizeOut: 3, seed: 7));
            var b = All(p.Run(200, sizeOut: 3, seed: 7));
            var c = All(p.Run(200, sizeOut: 3, seed: 8));
            Assert.That(a, Is.EqualTo(b), $"{p}: same seed, same numbers");
            Assert.That(a, Is.Not.EqualTo(c), $"{p}: another seed, other numbers");
        }
        // An explicit Seed on the process is Run's default.
        var seeded = new WhiteNoise { Seed = 5 };
        Assert.That(All(seeded.Run(50)), Is.EqualTo(All(new WhiteNoise().Run(50, seed: 5))));
    }

    [Test]
    public void FilteredNoise_IsWhiteNoiseThroughTheSynapse()
    {
        var synapse = new Lowpass(0.01);
        var white = new WhiteNoise().Run(300, sizeOut: 2, dt: Dt, seed: 3);
        var filtered = new FilteredNoise(synapse).Run(300, sizeOut: 2, dt: Dt, seed: 3);
        var expected = synapse.Filt(white, Dt);
        Assert.That(All(filtered), Is.EqualTo(All(expected)).Within(1e-12));
    }

    [Test]
    public void FilteredNoise_Lowpass_StdMatchesTheory([Values(0.002, 0.005, 0.02)] double tau)
    {
        // u[k] i.i.d. with variance 1/dt; y[k] = a·y[k−1] + (1 − a)·u[k], a = e^(−dt/τ).
        // Stationary: Var y = a²·Var y + (1 − a)²/dt ⇒ Var y = (1 − a)²/((1 − a²)·dt) = (1 − a)/((1 + a)·dt).
        double a = Math.Exp(-Dt / tau);
        double expected = Math.Sqrt((1 - a) / ((1 + a) * Dt));
        int warmup = (int)(20 * tau / Dt), steps = 40000, d = 8;
        var y = new FilteredNoise(new Lowpass(tau)).Run(warmup + steps, sizeOut: d, dt: Dt, seed: 21);
        var samples = new List<double>();
        for (int i = warmup; i < warmup + steps; i++)
            for (int j = 0; j < d; j++) samples.Add(y[i, j]);
        // Correlated samples: ≈ n(1 − a)/(1 + a) effective ones; the relative error of the std is ≈ 1/√(2·n_eff).
        double nEff = samples.Count * (1 - a) / (1 + a);
        Assert.That(Math.Sqrt(Variance(samples)), Is.EqualTo(expected).Within(5 * expected / Math.Sqrt(2 * nEff)));
        Assert.That(Mean(samples), Is.EqualTo(0).Within(5 * expected / Math.Sqrt(nEff)));
    }

    [Test]
    public void BrownNoise_IsTheEulerIntegralOfWhiteNoise()
    {
        var white = new WhiteNoise().Run(200, sizeOut: 2, dt: Dt, seed: 9);
        var brown = new BrownNoise().Run(200, sizeOut: 2, dt: Dt, seed: 9);
        for (int j = 0; j < 2; j++)
        {
            double x = 0;
            for (int i = 0; i < 200; i++)
            {
                x += Dt * white[i, j];
                Assert.That(brown[i, j], Is.EqualTo(x).Within(1e-12), $"step {i}");
            }
        }
    }

    [Test]
    public void BrownNoise_VarianceGrowsLinearlyWithTime()
    {
        // 4000 independent dimensions: the variance across them at step k is ≈ σ²·t with t = k·dt.
        const int d = 4000;
        var y = new BrownNoise(new Gaussian(0, 2)).Run(1000, sizeOut: d, dt: Dt, seed: 13);
        foreach (int step in new[] { 99, 249, 499, 999 })
        {
            double t = (step + 1) * Dt;
            double v = Variance(Row(y, step));
            // Sample variance of d normals: relative standard error √(2/d) ≈ 2.2 %.
            Assert.That(v, Is.EqualTo(4 * t).Within(4 * 4 * t * Math.Sqrt(2.0 / d)), $"t = {t}");
        }
    }

    [Test]
    public void Noise_RejectsInputsAndBadSizes()
    {
        Expect.Validation(() => new WhiteNoise().MakeStep(1, 2, Dt, new Random(0)), "WhiteNoise", "sizeIn", "got 1");
        Expect.Validation(() => new WhiteNoise().MakeStep(0, 0, Dt, new Random(0)), "WhiteNoise", "sizeOut", "got 0");
        Expect.Validation(() => new FilteredNoise().MakeStep(0, 1, 0, new Random(0)), "FilteredNoise", "dt", "got 0");
        Expect.Validation(() => new BrownNoise().MakeStep(2, 1, Dt, new Random(0)), "BrownNoise", "sizeIn");
    }
}
