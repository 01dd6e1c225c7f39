using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>Small shared pieces of the decoder solvers.</summary>
internal static class SolverHelpers
{
    /// <summary>The matrix in column-major order: its own storage when dense (do not modify), else a copy.</summary>
    public static double[] ColumnMajor(Matrix<double> a) => a.AsColumnMajorArray() ?? a.ToColumnMajorArray();

    /// <summary>AᵀA (n × n) with <see cref="LstsqL2Solver.Gram"/>.</summary>
    public static Matrix<double> GramOf(Matrix<double> a) => LstsqL2Solver.Gram(ColumnMajor(a), a.RowCount, a.ColumnCount);

    /// <summary>The largest entry of A (0 for an empty matrix; NaN if one is NaN), as Nengo's <c>A.max()</c>.</summary>
    public static double Max(Matrix<double> a)
    {
        if (a.RowCount == 0 || a.ColumnCount == 0) return 0;
        return System.Numerics.Tensors.TensorPrimitives.Max(ColumnMajor(a).AsSpan(0, a.RowCount * a.ColumnCount));
    }

    /// <summary>The largest |entry| of A (0 for an empty matrix).</summary>
    public static double MaxAbs(Matrix<double> a)
    {
        if (a.RowCount == 0 || a.ColumnCount == 0) return 0;
        return Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(ColumnMajor(a).AsSpan(0, a.RowCount * a.ColumnCount)));
    }

    /// <summary>The description as <typeparamref name="T"/>, or the ArgumentException every solver throws for a wrong one.</summary>
    public static T Expect<T>(Solver solver, string implementation) where T : Solver
    {
        ArgumentNullException.ThrowIfNull(solver);
        return solver as T
            ?? throw new ArgumentException($"{implementation} solves {typeof(T).Name}, got {solver.GetType().Name}.", nameof(solver));
    }

    /// <summary>Per-neuron σᵢ = reg·max|A|·sqrt(fraction of rows with Aᵢ &gt; 0), σᵢ = 0 replaced by <paramref name="zeroReplacement"/>.</summary>
    public static double[] ActiveFractionSigmas(Matrix<double> a, double reg, double zeroReplacement)
    {
        int m = a.RowCount, n = a.ColumnCount;
        var sigmas = new double[n];
        if (m == 0 || n == 0) return sigmas;
        var data = ColumnMajor(a);
        double scale = reg * MaxAbs(a);
        for (int j = 0; j < n; j++)
        {
            int active = CountPositive(data.AsSpan(j * m, m));
            sigmas[j] = scale * Math.Sqrt((double)active / m);
            if (sigmas[j] == 0) sigmas[j] = zeroReplacement;
        }
        return sigmas;
    }

    /// <summary>How many values are &gt; 0 (NaN is not), a vector at a time.</summary>
    public static int CountPositive(ReadOnlySpan<double> values)
    {
        int count = 0, i = 0, w = System.Runtime.Intrinsics.Vector256<double>.Count;
        ref double v = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
        for (; i + w <= values.Length; i += w)
        {
            var positive = System.Runtime.Intrinsics.Vector256.GreaterThan(System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref v, (nuint)i), System.Runtime.Intrinsics.Vector256<double>.Zero);
            count += System.Numerics.BitOperations.PopCount(System.Runtime.Intrinsics.Vector256.ExtractMostSignificantBits(positive));
        }
        for (; i < values.Length; i++)
            if (values[i] > 0) count++;
        return count;
    }
}
