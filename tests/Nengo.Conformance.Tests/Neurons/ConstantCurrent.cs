using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Conformance.Tests.Neurons;

/// <summary>
/// Networks whose neurons see a constant, known current: an ensemble with gain 1 and bias J and no input,
/// so J is exactly the bias for every step.
/// </summary>
internal static class ConstantCurrent
{
    /// <summary>An ensemble of <paramref name="currents"/>.Length neurons of <paramref name="type"/> driven by those currents.</summary>
    public static (Network Net, Ensemble Ens) Network(NeuronType type, double[] currents, int seed = 1)
    {
        var net = new Network("constant-current", seed: seed);
        var ens = net.Ensemble(currents.Length, 1, neuronType: type,
            gain: Enumerable.Repeat(1.0, currents.Length).ToArray(), bias: currents);
        return (net, ens);
    }

    /// <summary>n copies of <paramref name="value"/>.</summary>
    public static double[] Repeat(double value, int n) => Enumerable.Repeat(value, n).ToArray();

    /// <summary>The number of spikes in column <paramref name="j"/> over rows [from, to): Σ out·dt/amplitude.</summary>
    public static double Count(Matrix<double> spikes, int j, int from, int to, double dt = 0.001, double amplitude = 1.0)
    {
        double s = 0;
        for (int i = from; i < to; i++) s += spikes[i, j];
        return Math.Round(s * dt / amplitude, 9);
    }

    /// <summary>The total number of spikes over all columns and rows.</summary>
    public static double Total(Matrix<double> spikes, double dt = 0.001, double amplitude = 1.0)
    {
        double s = 0;
        for (int j = 0; j < spikes.ColumnCount; j++) s += Count(spikes, j, 0, spikes.RowCount, dt, amplitude);
        return s;
    }

    /// <summary>LIFRate's rate at <paramref name="j"/> (NEF.md §2), written out independently of the library.</summary>
    public static double LifRate(double j, double tauRc = 0.02, double tauRef = 0.002, double amplitude = 1.0) =>
        j > 1 ? amplitude / (tauRef + tauRc * Math.Log(1 + 1 / (j - 1))) : 0.0;
}
