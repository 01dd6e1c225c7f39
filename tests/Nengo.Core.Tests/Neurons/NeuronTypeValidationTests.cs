using NUnit.Framework;

namespace Nengo.Core.Tests.Neurons;

/// <summary>The new neuron types validate their parameters when constructed, naming the type, the parameter and the value.</summary>
[TestFixture]
public class NeuronTypeValidationTests
{
    [Test]
    public void Adaptive_TauNAndIncN()
    {
        Expect.Validation(() => new AdaptiveLIF(tauN: -1), "AdaptiveLIF", "tauN", "positive", "got -1.");
        Expect.Validation(() => new AdaptiveLIFRate(tauN: 0), "AdaptiveLIFRate", "tauN", "positive", "got 0.");
        Expect.Validation(() => new AdaptiveLIF(incN: -0.5), "AdaptiveLIF", "incN", ">= 0", "got -0.5.");
        Expect.Validation(() => new AdaptiveLIFRate(incN: double.NaN), "AdaptiveLIFRate", "incN", "got NaN.");
        Expect.Validation(() => new AdaptiveLIF(tauRc: 0), "AdaptiveLIF", "tauRc", "positive");
        Expect.Validation(() => new AdaptiveLIF(minVoltage: 1), "AdaptiveLIF", "minVoltage", "below the threshold 1");
        Assert.That(() => new AdaptiveLIF(incN: 0, minVoltage: double.NegativeInfinity), Throws.Nothing);
    }

    [Test]
    public void SigmoidTanh_TauRef()
    {
        Expect.Validation(() => new Sigmoid(tauRef: 0), "Sigmoid", "tauRef", "positive", "got 0.");
        Expect.Validation(() => new Tanh(tauRef: -0.001), "Tanh", "tauRef", "positive", "got -0.001.");
    }

    [Test]
    public void Izhikevich_RejectsParametersThatMakeNoSense()
    {
        Expect.Validation(() => new Izhikevich(tauRecovery: 0), "Izhikevich", "tauRecovery", "positive", "got 0.");
        Expect.Validation(() => new Izhikevich(tauRecovery: double.PositiveInfinity), "Izhikevich", "tauRecovery", "got Infinity.");
        Expect.Validation(() => new Izhikevich(coupling: -0.1), "Izhikevich", "coupling", ">= 0", "got -0.1.");
        Expect.Validation(() => new Izhikevich(resetVoltage: 30), "Izhikevich", "resetVoltage", "below the spike peak 30", "got 30.");
        Expect.Validation(() => new Izhikevich(resetVoltage: double.NaN), "Izhikevich", "resetVoltage", "got NaN.");
        Expect.Validation(() => new Izhikevich(resetRecovery: double.NegativeInfinity), "Izhikevich", "resetRecovery", "finite");
        Assert.That(() => new Izhikevich(coupling: 0, resetRecovery: -2), Throws.Nothing);
    }

    [Test]
    public void Wrappers_RejectBadBaseTypesAndAmplitude()
    {
        Expect.Validation(() => new RegularSpiking(new LIFRate(), amplitude: 0), "RegularSpiking", "amplitude", "positive", "got 0.");
        Expect.Validation(() => new PoissonSpiking(new Direct()), "PoissonSpiking", "baseType", "Direct");
        Expect.Validation(() => new StochasticSpiking(new RegularSpiking(new LIFRate())), "StochasticSpiking", "baseType", "wrapper");
        Expect.Validation(() => new RegularSpiking(new LIF()), "RegularSpiking", "baseType", "'voltage'");
        Expect.Validation(() => new StochasticSpiking(null!), "StochasticSpiking", "baseType");
        // A spiking base is allowed (Nengo only warns) when names do not collide.
        Assert.That(() => new StochasticSpiking(new LIF()), Throws.Nothing);
        Assert.That(new RegularSpiking(new LIFRate()).BaseType, Is.EqualTo(new LIFRate()));
    }
}
