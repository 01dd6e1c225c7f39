using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// <returns>A dense m × n matrix over its own column-major array (from <see cref="Numerics.ScratchArrays"/>: the caller may return it).</returns>
    public static Matrix<double> Compute(Matrix<double> points, BuiltEnsemble ensemble, out bool anyActive)
    {
        int m = points.RowCount, d = points.ColumnCount, n = ensemble.Encoders.RowCount;
        var p = points.AsColumnMajorArray() ?? points.ToColumnMajorArray();
        var e = ensemble.Encoders.ToRowMajorArray();
        var gain = ensemble.Gain.AsArray() ?? ensemble.Gain.ToArray();
        var bias = ensemble.Bias.AsArray() ?? ensemble.Bias.ToArray();
        double radius = ensemble.Radius;
        var type = ensemble.NeuronType;
        var a = Numerics.ScratchArrays.Rent(checked(m * n));
        int groups = (n + Group - 1) / Group;
        var active = new bool[groups];
        void Neurons(int gi, double[] current) =>
            active[gi] = Columns(p, m, d, e, gain, bias, radius, type, gi * Group, Math.Min(n, gi * Group + Group), current, a);
        if (!Numerics.BuildThreads.MayParallelize || (long)m * n * (d + 8) < 1 << 18)
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
        bool clearRates = type.GetType().Assembly != typeof(LIFRate).Assembly;   // Nengo's types write every rate
        bool nonzero = false;
        for (int j = j0; j < j1; j++)
        {
            // Projection x·e as axpys over the dimensions in order (column-major points), then the current; a vector
            // of points at a time, each lane the same fused multiply-adds, division, product and sum as one point alone
            // (the first one onto +0, without clearing the array first).
            ref double c = ref MemoryMarshal.GetArrayDataReference(current);
            int lanes = Vector256<double>.Count, full = m - m % lanes;
            for (int k = 0; k < d; k++)
            {
                double ejk = e[j * d + k];
                ref double column = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(p), k * m);
                var ev = Vector256.Create(ejk);
                if (k == 0)
                {
                    for (int i = 0; i < full; i += lanes)
                        Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, (nuint)i), ev, Vector256<double>.Zero).StoreUnsafe(ref c, (nuint)i);
                    for (int i = full; i < m; i++) Unsafe.Add(ref c, i) = Math.FusedMultiplyAdd(Unsafe.Add(ref column, i), ejk, 0.0);
                    continue;
                }
                for (int i = 0; i < full; i += lanes)
                    Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, (nuint)i), ev, Vector256.LoadUnsafe(ref c, (nuint)i)).StoreUnsafe(ref c, (nuint)i);
                for (int i = full; i < m; i++) Unsafe.Add(ref c, i) = Math.FusedMultiplyAdd(Unsafe.Add(ref column, i), ejk, Unsafe.Add(ref c, i));
            }
            if (d == 0) Array.Clear(current);
            double g = gain[j], b = bias[j];
            var gv = Vector256.Create(g);
            var bv = Vector256.Create(b);
            var rv = Vector256.Create(radius);
            for (int i = 0; i < full; i += lanes)
                (gv * (Vector256.LoadUnsafe(ref c, (nuint)i) / rv) + bv).StoreUnsafe(ref c, (nuint)i);
            for (int i = full; i < m; i++) current[i] = g * (current[i] / radius) + b;
            var rates = new Span<double>(a, j * m, m);
            if (clearRates) rates.Clear();   // a reused array: a neuron type of another assembly need not write the zeros
            type.RatesFromCurrent(current, rates);
            nonzero = nonzero || rates.ContainsAnyExcept(0.0);
        }
        return nonzero;
    }
}
