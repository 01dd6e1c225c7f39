using NUnit.Framework;

namespace Nengo.Core.Tests.Neurons;

/// <summary>The pure numerics of gain_bias, max_rates_intercepts and rates (NEF.md §2), with no simulator.</summary>
[TestFixture]
public class GainBiasTests
{
    /// <summary>A type that only has a rate function, so it uses the generic numeric gain_bias and inverse.</summary>
    private sealed record Generic(NeuronType Inner) : NeuronType
    {
        public override bool Spiking => false;
        public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates) => Inner.RatesFromCurrent(current, rates);
    }

    /// <summary>Never fires: the generic method finds a threshold but no current reaching the max rate.</summary>
    private sealed record Silent : NeuronType
    {
        public override bool Spiking => false;
        public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates) => rates.Clear();
    }

    /// <summary>Always fires: no threshold.</summary>
    private sealed record AlwaysOn : NeuronType
    {
        public override bool Spiking => false;
        public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates) => rates.Fill(100);
    }

    private static readonly double[] MaxRates = [210, 250, 300, 350, 399];
    private static readonly double[] Intercepts = [-0.9, -0.3, 0.0, 0.4, 0.85];

    private static double Rate(NeuronType t, double j)
    {
        var r = new double[1];
        t.RatesFromCurrent([j], r);
        return r[0];
    }

    [Test]
    public void Sigmoid_ClosedForm()
    {
        var t = new Sigmoid(tauRef: 0.0025);
        var (g, b) = t.GainBias(MaxRates, Intercepts);
        for (int i = 0; i < MaxRates.Length; i++)
        {
            double s = Math.Log(MaxRates[i] * 0.0025 / (1 - MaxRates[i] * 0.0025));
            Assert.That(g[i], Is.EqualTo(s / (1 - Intercepts[i])).Within(1e-12).Percent);
            Assert.That(Rate(t, g[i] + b[i]), Is.EqualTo(MaxRates[i]).Within(1e-9), "max rate at x = 1");
            Assert.That(Rate(t, g[i] * Intercepts[i] + b[i]), Is.EqualTo(200.0).Within(1e-9), "half of 1/tauRef at the intercept");
        }
        var (m, c) = t.MaxRatesIntercepts(g, b);
        Assert.That(m, Is.EqualTo(MaxRates).Within(1e-9));
        Assert.That(c, Is.EqualTo(Intercepts).Within(1e-12));
        Assert.Throws<BuildError>(() => t.GainBias([400], [0]));
        Assert.Throws<BuildError>(() => t.GainBias([0], [0]));
    }

    [Test]
    public void Tanh_ClosedForm()
    {
        var t = new Tanh(tauRef: 0.0025);
        var (g, b) = t.GainBias(MaxRates, Intercepts);
        for (int i = 0; i < MaxRates.Length; i++)
        {
            Assert.That(Rate(t, g[i] + b[i]), Is.EqualTo(MaxRates[i]).Within(1e-9), "max rate at x = 1");
            Assert.That(Rate(t, g[i] * Intercepts[i] + b[i]), Is.EqualTo(0.0).Within(1e-9), "zero at the intercept");
            Assert.That(Rate(t, g[i] * (Intercepts[i] - 0.1) + b[i]), Is.LessThan(0), "negative below it");
        }
        var (m, c) = t.MaxRatesIntercepts(g, b);
        Assert.That(m, Is.EqualTo(MaxRates).Within(1e-9));
        Assert.That(c, Is.EqualTo(Intercepts).Within(1e-12));
        Assert.Throws<BuildError>(() => t.GainBias([400], [0]));
        Assert.That(t.Negative, Is.True);
    }

    [Test]
    public void Generic_OnRectifiedLinear_MatchesClosedForm()
    {
        var relu = new RectifiedLinear();
        var generic = new Generic(relu);
        var (g, b) = generic.GainBias(MaxRates, Intercepts);
        var (ge, be) = relu.GainBias(MaxRates, Intercepts);
        Assert.That(g, Is.EqualTo(ge).Within(1e-9).Percent);
        Assert.That(b, Is.EqualTo(be).Within(1e-9 * 1000));
    }

    [Test]
    public void Generic_OnLifRate_CloseToClosedForm_RateZeroAtInterceptAndMaxAtOne()
    {
        var lif = new LIFRate();
        var generic = new Generic(lif);
        var (g, b) = generic.GainBias(MaxRates, Intercepts);
        var (ge, be) = lif.GainBias(MaxRates, Intercepts);
        for (int i = 0; i < MaxRates.Length; i++)
        {
            // J_threshold is the grid point J = 1 exactly, so the intercept is exact; J_top is interpolated.
            Assert.That(g[i] * Intercepts[i] + b[i], Is.EqualTo(1.0).Within(1e-9), "J(c) = threshold");
            Assert.That(Rate(lif, g[i] + b[i]), Is.EqualTo(MaxRates[i]).Within(0.01 * MaxRates[i]), "rate at x = 1 ≈ max rate");
            Assert.That(g[i], Is.EqualTo(ge[i]).Within(5).Percent);
        }
        // The inverse: the max rate is rates(1); the intercept the grid point before the first positive rate.
        var (m, c) = generic.MaxRatesIntercepts(ge, be);
        for (int i = 0; i < MaxRates.Length; i++)
        {
            Assert.That(m[i], Is.EqualTo(MaxRates[i]).Within(1e-9));
            Assert.That(c[i], Is.InRange(Intercepts[i] - 0.02 - 1e-9, Intercepts[i] + 1e-9), "within one grid step (0.02) below the true intercept");
        }
    }

    [Test]
    public void Generic_Inverse_NeverFiring_HasInterceptOne_AlwaysFiring_MinusOne()
    {
        var generic = new Generic(new RectifiedLinear());
        var (m, c) = generic.MaxRatesIntercepts([1.0, 1.0, 1.0], [-2.0, 5.0, 0.0]);
        Assert.That(m, Is.EqualTo(new[] { 0.0, 6.0, 1.0 }).Within(1e-12));
        Assert.That(c[0], Is.EqualTo(1.0), "never fires in [-1, 1]");
        Assert.That(c[1], Is.EqualTo(-1.0), "already fires at -1");
        Assert.That(c[2], Is.EqualTo(0.0).Within(1e-12), "the grid point just before the first positive rate (x = 0 gives J = 0, not positive; x = 0.02 fires)");
    }

    [Test]
    public void Generic_FailsWithABuildErrorNamingTheType()
    {
        var e = Assert.Throws<BuildError>(() => new Silent().GainBias([100], [0]))!;
        Assert.That(e.Message, Does.Contain("Silent").And.Contain("max rate 100"));
        var e2 = Assert.Throws<BuildError>(() => new AlwaysOn().GainBias([50], [0]))!;
        Assert.That(e2.Message, Does.Contain("AlwaysOn").And.Contain("threshold"));
        Assert.That(new Silent().GainBias([], []).Gain, Is.Empty);
    }

    [Test]
    public void Izhikevich_Rates_AreSpikeCountsOverOneSecond_AndIncreasing()
    {
        var t = new Izhikevich();
        double[] j = [-30, -5, 0, 3, 5, 10, 20, 50, 100];
        var r = new double[j.Length];
        t.RatesFromCurrent(j, r);
        foreach (double x in r) Assert.That(x, Is.EqualTo(Math.Round(x)), "a count per second");
        Assert.That(r[0], Is.EqualTo(0));
        Assert.That(r[2], Is.EqualTo(0), "RS is silent at J = 0");
        for (int k = 4; k < j.Length; k++) Assert.That(r[k], Is.GreaterThan(r[k - 1]), $"rate increases at J = {j[k]}");
        // Vectorised: the same currents one at a time give the same rates.
        for (int k = 0; k < j.Length; k++) Assert.That(Rate(t, j[k]), Is.EqualTo(r[k]));
        // Below −30 the current is clipped.
        Assert.That(Rate(t, -1000), Is.EqualTo(Rate(t, -30)));
    }

    [Test]
    public void Izhikevich_GenericGainBias_RateZeroAtInterceptAndMaxAtOne()
    {
        var t = new Izhikevich();
        double[] maxRates = [10, 25, 40, 80];
        double[] intercepts = [-0.5, 0, 0.3, 0.7];
        var (g, b) = t.GainBias(maxRates, intercepts);
        for (int i = 0; i < maxRates.Length; i++)
        {
            Assert.That(g[i], Is.GreaterThan(0));
            Assert.That(Rate(t, g[i] * intercepts[i] + b[i]), Is.EqualTo(0), "silent at the intercept");
            Assert.That(Rate(t, g[i] + b[i]), Is.EqualTo(maxRates[i]).Within(2), "about the max rate at x = 1");
        }
    }

    [Test]
    public void Wrappers_DelegateToTheBaseType()
    {
        var lif = new LIFRate(tauRc: 0.03);
        NeuronType[] wrappers = [new RegularSpiking(lif), new StochasticSpiking(lif), new PoissonSpiking(lif)];
        var (ge, be) = lif.GainBias(MaxRates, Intercepts);
        foreach (var w in wrappers)
        {
            var (g, b) = w.GainBias(MaxRates, Intercepts);
            Assert.That(g, Is.EqualTo(ge));
            Assert.That(b, Is.EqualTo(be));
            Assert.That(w.MaxRatesIntercepts(g, b).MaxRates, Is.EqualTo(lif.MaxRatesIntercepts(g, b).MaxRates));
            Assert.That(Rate(w, 5), Is.EqualTo(Rate(lif, 5)));
            Assert.That(w.Spiking, Is.True);
            Assert.That(w.Negative, Is.False);
        }
        Assert.That(new PoissonSpiking(new Tanh()).Negative, Is.True);
    }

    [Test]
    public void AdaptiveTypes_RatesAndGainBias_ArePlainLifRate()
    {
        var lif = new LIFRate(tauRc: 0.02, tauRef: 0.002);
        foreach (var t in new NeuronType[] { new AdaptiveLIF(), new AdaptiveLIFRate() })
        {
            Assert.That(t.GainBias(MaxRates, Intercepts).Gain, Is.EqualTo(lif.GainBias(MaxRates, Intercepts).Gain));
            Assert.That(Rate(t, 3), Is.EqualTo(Rate(lif, 3)));
        }
        Assert.That(new AdaptiveLIF().Spiking, Is.True);
        Assert.That(new AdaptiveLIFRate().Spiking, Is.False);
        Assert.That(new AdaptiveLIF().State.Select(s => s.Name), Is.EqualTo(new[] { "voltage", "refractory_time", "adaptation" }));
        Assert.That(new AdaptiveLIFRate().State.Select(s => s.Name), Is.EqualTo(new[] { "adaptation" }));
        Assert.That(new Izhikevich().State.Select(s => s.Name), Is.EqualTo(new[] { "voltage", "recovery" }));
        Assert.That(new AdaptiveLIF(), Is.Not.EqualTo(new AdaptiveLIFRate()));
        Assert.That(new AdaptiveLIF(tauN: 2), Is.EqualTo(new AdaptiveLIF(tauN: 2)));
    }
}
