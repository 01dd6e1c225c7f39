using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;

namespace Nengo.Builder.Builders;

/// <summary>
/// The activities of an ensemble's neurons at the eval points, rate(gain·(x·e)/radius + bias), written straight
/// into column-major storage (one column per neuron) without intermediate m × n copies.
/// </summary>
internal static class TuningCurves
{
    /// <summary>Neurons per parallel task.</summary>
    private const int Group = 16;

    /// <summary>The m × n activities of <paramref name="ensemble"/> at <paramref name="points"/> (m × d).</summary>
    /// <param name="points">Eval points, m × d.</param>
    /// <param name="ensemble">The built ensemble (encoders n × d, gains, biases, radius, neuron type).</param>
    /// <param name="anyActive">Receives whether some activity is not zero.</param>
    /// <returns>A dense m × n matrix over its own column-major array.</returns>
    public static Matrix<double> Compute(Matrix<double> points, BuiltEnsemble ensemble, out bool anyActive)
    {
        int m = points.RowCount, d = points.ColumnCount, n = ensemble.Encoders.RowCount;
        var p = points.AsColumnMajorArray() ?? points.ToColumnMajorArray();
        var e = ensemble.Encoders.ToRowMajorArray();
        var gain = ensemble.Gain.AsArray() ?? ensemble.Gain.ToArray();
        var bias = ensemble.Bias.AsArray() ?? ensemble.Bias.ToArray();
        double radius = ensemble.Radius;
        var type = ensemble.NeuronType;
        var a = new double[(long)m * n];
        int groups = (n + Group - 1) / Group;
        var active = new bool[groups];
        void Neurons(int gi, double[] current) =>
            active[gi] = Columns(p, m, d, e, gain, bias, radius, type, gi * Group, Math.Min(n, gi * Group + Group), current, a);
        if ((long)m * n * (d + 8) < 1 << 18)
        {
            var current = new double[m];
            for (int gi = 0; gi < groups; gi++) Neurons(gi, current);
        }
        else
            Parallel.For(0, groups, () => new double[m], (gi, _, current) => { Neurons(gi, current); return current; }, _ => { });
        anyActive = Array.IndexOf(active, true) >= 0;
        return Matrix<double>.Build.Dense(m, n, a);
    }

    // Activity columns [j0, j1) into a; true when one of them is not zero.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Columns(double[] p, int m, int d, double[] e, double[] gain, double[] bias, double radius, NeuronType type,
        int j0, int j1, double[] current, double[] a)
    {
        bool nonzero = false;
        for (int j = j0; j < j1; j++)
        {
            // Projection x·e as axpys over the dimensions in order (column-major points), then the current.
            Array.Clear(current);
            for (int k = 0; k < d; k++)
            {
                double ejk = e[j * d + k];
                var column = new ReadOnlySpan<double>(p, k * m, m);
                for (int i = 0; i < m; i++) current[i] = Math.FusedMultiplyAdd(column[i], ejk, current[i]);
            }
            double g = gain[j], b = bias[j];
            for (int i = 0; i < m; i++) current[i] = g * (current[i] / radius) + b;
            var rates = new Span<double>(a, j * m, m);
            type.RatesFromCurrent(current, rates);
            nonzero = nonzero || rates.ContainsAnyExcept(0.0);
        }
        return nonzero;
    }
}
