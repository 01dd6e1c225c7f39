using NUnit.Framework;

namespace Nengo.AnalysisTests;

[TestFixture]
public class TuningCurveTests
{
    private const double Tol = 1e-9;

    /// <summary>LIFRate's rate formula, written out independently of the library.</summary>
    private static double LifRate(double j, double tauRc = 0.02, double tauRef = 0.002) =>
        j > 1 ? 1.0 / (tauRef + tauRc * Math.Log(1 + 1 / (j - 1))) : 0;

    [TestCase(1.0)]
    [TestCase(2.5)]
    public void OneDimensional_ZeroBelowIntercept_MaxRateAtRadius(double radius)
    {
        var net = new Network(seed: 3);
        var ens = net.Ensemble(20, dimensions: 1, radius: radius, neuronType: new LIFRate());
        using var sim = new Simulator(net);
        var built = sim.Data[ens];
        var data = Analysis.TuningCurves(ens, sim, points: 51);

        Assert.That(data.Points, Is.EqualTo(51));
        Assert.That(data.Dimensions, Is.EqualTo(1));
        Assert.That(data.Neurons, Is.EqualTo(20));
        Assert.That(data.Inputs[0, 0], Is.EqualTo(-radius));
        Assert.That(data.Inputs[50, 0], Is.EqualTo(radius));
        for (int k = 0; k < 20; k++)
        {
            double sign = Math.Sign(built.Encoders[k, 0]);
            for (int i = 0; i < data.Points; i++)
            {
                double u = sign * data.Inputs[i, 0] / radius; // position along the encoder
                double expected = LifRate(built.Gain[k] * u + built.Bias[k]);
                Assert.That(data.Rates[i, k], Is.EqualTo(expected).Within(Tol), $"neuron {k}, x = {data.Inputs[i, 0]}");
                if (u < built.Intercepts[k]) Assert.That(data.Rates[i, k], Is.Zero, $"neuron {k} below its intercept");
            }
            int atEncoder = sign > 0 ? data.Points - 1 : 0; // x = radius · sign(e)
            Assert.That(data.Rates[atEncoder, k], Is.EqualTo(built.MaxRates[k]).Within(Tol), $"neuron {k} max rate");
        }
    }

    [Test]
    public void TwoDimensional_UsesTheBuiltEvalPoints()
    {
        var net = new Network(seed: 4);
        var ens = net.Ensemble(12, dimensions: 2, radius: 1.5, nEvalPoints: 300);
        using var sim = new Simulator(net);
        var built = sim.Data[ens];
        var data = Analysis.TuningCurves(ens, sim);

        Assert.That(data.Inputs.GetLength(0), Is.EqualTo(300));
        Assert.That(data.Inputs.GetLength(1), Is.EqualTo(2));
        Assert.That(data.Rates.GetLength(0), Is.EqualTo(300));
        Assert.That(data.Rates.GetLength(1), Is.EqualTo(12));
        for (int i = 0; i < 300; i++)
        {
            Assert.That(data.Inputs[i, 0], Is.EqualTo(built.EvalPoints[i, 0]));
            Assert.That(data.Inputs[i, 1], Is.EqualTo(built.EvalPoints[i, 1]));
            for (int k = 0; k < 12; k++)
            {
                double u = (data.Inputs[i, 0] * built.Encoders[k, 0] + data.Inputs[i, 1] * built.Encoders[k, 1]) / 1.5;
                Assert.That(data.Rates[i, k], Is.EqualTo(LifRate(built.Gain[k] * u + built.Bias[k])).Within(Tol));
            }
        }
    }

    [Test]
    public void ResponseCurves_RunAlongThePreferredDirection()
    {
        var net = new Network(seed: 5);
        var ens = net.Ensemble(10, dimensions: 3, radius: 2);
        using var sim = new Simulator(net);
        var built = sim.Data[ens];
        var data = Analysis.ResponseCurves(ens, sim, points: 41);

        Assert.That(data.Inputs.GetLength(0), Is.EqualTo(41));
        Assert.That(data.Inputs.GetLength(1), Is.EqualTo(1));
        Assert.That(data.Inputs[0, 0], Is.EqualTo(-1));
        Assert.That(data.Inputs[40, 0], Is.EqualTo(1));
        for (int k = 0; k < 10; k++)
        {
            Assert.That(data.Rates[40, k], Is.EqualTo(built.MaxRates[k]).Within(Tol));
            for (int i = 0; i < 41; i++)
                if (data.Inputs[i, 0] < built.Intercepts[k]) Assert.That(data.Rates[i, k], Is.Zero);
        }
    }

    [Test]
    public void RectifiedLinear_IsLinearAboveTheIntercept()
    {
        var net = new Network(seed: 6);
        var ens = net.Ensemble(5, dimensions: 1, neuronType: new RectifiedLinear(),
            encoders: new double[,] { { 1 }, { 1 }, { -1 }, { 1 }, { -1 } });
        using var sim = new Simulator(net);
        var built = sim.Data[ens];
        var data = Analysis.TuningCurves(ens, sim, points: 11);
        for (int k = 0; k < 5; k++)
            for (int i = 0; i < 11; i++)
            {
                double j = built.Gain[k] * built.Encoders[k, 0] * data.Inputs[i, 0] + built.Bias[k];
                Assert.That(data.Rates[i, k], Is.EqualTo(Math.Max(0, j)).Within(Tol));
            }
    }
}
