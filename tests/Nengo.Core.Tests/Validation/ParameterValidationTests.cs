using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>Neuron types, synapses and solvers validate their parameters when constructed.</summary>
[TestFixture]
public class ParameterValidationTests
{
    [TestCase(-0.02, "got -0.02.")]
    [TestCase(0.0, "got 0.")]
    [TestCase(double.NaN, "got NaN.")]
    public void Lif_TauRc_MustBePositive(double tauRc, string got)
    {
        Expect.Validation(() => new LIF(tauRc: tauRc), "LIF", "tauRc", "positive", got);
        Expect.Validation(() => new LIFRate(tauRc: tauRc), "LIFRate", "tauRc", "positive", got);
    }

    [Test]
    public void Lif_TauRef_MustNotBeNegative()
    {
        Expect.Validation(() => new LIF(tauRef: -0.001), "LIF", "tauRef", ">= 0", "got -0.001.");
        Assert.That(() => new LIF(tauRef: 0), Throws.Nothing);
    }

    [TestCase(1.0)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Lif_MinVoltage_MustBeBelowThreshold(double v)
    {
        Expect.Validation(() => new LIF(minVoltage: v), "LIF", "minVoltage", "below the threshold 1", "got ");
    }

    [Test]
    public void Lif_MinVoltage_NegativeInfinity_DisablesTheBound()
    {
        Assert.That(new LIF(minVoltage: double.NegativeInfinity).MinVoltage, Is.EqualTo(double.NegativeInfinity));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    public void Amplitude_MustBePositive(double amplitude)
    {
        Expect.Validation(() => new LIF(amplitude: amplitude), "LIF", "amplitude", "positive");
        Expect.Validation(() => new LIFRate(amplitude: amplitude), "LIFRate", "amplitude", "positive");
        Expect.Validation(() => new RectifiedLinear(amplitude: amplitude), "RectifiedLinear", "amplitude", "positive");
        Expect.Validation(() => new SpikingRectifiedLinear(amplitude: amplitude), "SpikingRectifiedLinear", "amplitude", "positive");
    }

    [TestCase(-1.0, "got -1.")]
    [TestCase(double.NaN, "got NaN.")]
    public void Lowpass_NegativeTau_IsRejected(double tau, string got)
    {
        Expect.Validation(() => new Lowpass(tau), "Lowpass", "tau", ">= 0", got);
    }

    [Test]
    public void Lowpass_ZeroTau_IsAllowed()
    {
        Assert.That(new Lowpass(0).Tau, Is.EqualTo(0));
    }

    [Test]
    public void SynapseArg_NegativeNumber_IsRejected()
    {
        Expect.Validation(() => _ = (SynapseArg)(-0.005), "Lowpass", "tau", "got -0.005.");
    }

    [Test]
    public void Alpha_NegativeTau_IsRejected()
    {
        Expect.Validation(() => new Alpha(-0.01), "Alpha", "tau", ">= 0", "got -0.01.");
    }

    [Test]
    public void LinearFilter_EmptyCoefficients_AreRejected()
    {
        Expect.Validation(() => new LinearFilter([], [1.0]), "LinearFilter", "num", "at least one coefficient", "got [].");
        Expect.Validation(() => new LinearFilter([1.0], []), "LinearFilter", "den", "at least one coefficient", "got [].");
    }

    [Test]
    public void LinearFilter_NullCoefficients_AreRejected()
    {
        Expect.Validation(() => new LinearFilter(null!, [1.0]), "LinearFilter", "num", "got null");
    }

    [Test]
    public void LinearFilter_NonFiniteCoefficients_AreRejected()
    {
        Expect.Validation(() => new LinearFilter([double.NaN], [1.0]), "LinearFilter", "num", "finite", "NaN");
        Expect.Validation(() => new LinearFilter([1.0], [1.0, double.PositiveInfinity]), "LinearFilter", "den", "finite");
    }

    [Test]
    public void LinearFilter_AllZeroDenominator_IsRejected()
    {
        Expect.Validation(() => new LinearFilter([1.0], [0.0, 0.0]), "LinearFilter", "den", "non-zero", "got [0, 0].");
    }

    [Test]
    public void LinearFilter_Improper_IsRejected()
    {
        Expect.Validation(() => new LinearFilter([1.0, 0.0, 0.0], [1.0, 1.0]), "LinearFilter", "num", "proper", "got [1, 0, 0].");
    }

    [Test]
    public void LinearFilter_LeadingZerosDoNotCountTowardsTheOrder()
    {
        Assert.That(() => new LinearFilter([0.0, 0.0, 1.0], [1.0, 1.0]), Throws.Nothing);
    }

    [TestCase(-0.1, "got -0.1.")]
    [TestCase(double.NaN, "got NaN.")]
    public void Solver_NegativeReg_IsRejected(double reg, string got)
    {
        Expect.Validation(() => new LstsqL2(reg: reg), "LstsqL2", "reg", ">= 0", got);
        Expect.Validation(() => new LstsqL2nz(reg: reg), "LstsqL2nz", "reg", ">= 0", got);
    }

    [Test]
    public void Solver_ZeroReg_IsAllowed()
    {
        Assert.That(new LstsqL2(reg: 0).Reg, Is.EqualTo(0));
    }
}
