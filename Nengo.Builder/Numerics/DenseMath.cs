using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The dense products and the Cholesky solve that dominate building, written over MathNet's
/// column-major storage with SIMD dot products and split over the cores. Results are identical for
/// any number of threads: each output element is one thread's dot product in a fixed order.
/// </summary>
public static class DenseMath
{
    /// <summary>Below this many multiply-adds a product runs on one thread.</summary>
    private const long ParallelWork = 1 << 18;

    /// <summary>Aᵀ·B for column-major A (m × n) and B (m × k): n × k, every entry a contiguous dot product.</summary>
    /// <param name="a">m × n.</param>
    /// <param name="b">m × k.</param>
    /// <returns>Aᵀ·B.</returns>
    /// <exception cref="ArgumentException">When the row counts differ.</exception>
    public static Matrix<double> TransposeAndMultiply(Matrix<double> a, Matrix<double> b)
    {
        if (a.RowCount != b.RowCount) throw new ArgumentException($"Aᵀ·B needs equal row counts, got {a.RowCount} and {b.RowCount}.");
        int m = a.RowCount, n = a.ColumnCount, k = b.ColumnCount;
        var av = ColumnMajor(a);
        var bv = ColumnMajor(b);
        var c = new double[n * k];
        For(n, (long)m * n * k, i =>
        {
            var ai = new ReadOnlySpan<double>(av, i * m, m);
            for (int j = 0; j < k; j++) c[j * n + i] = TensorPrimitives.Dot(ai, new ReadOnlySpan<double>(bv, j * m, m));
        });
        return Matrix<double>.Build.Dense(n, k, c);
    }

    /// <summary>A·Bᵀ for A (m × d) and B (n × d): m × n (e.g. eval points · encodersᵀ).</summary>
    /// <param name="a">m × d.</param>
    /// <param name="b">n × d.</param>
    /// <returns>A·Bᵀ.</returns>
    /// <exception cref="ArgumentException">When the column counts differ.</exception>
    public static Matrix<double> MultiplyTransposed(Matrix<double> a, Matrix<double> b)
    {
        if (a.ColumnCount != b.ColumnCount) throw new ArgumentException($"A·Bᵀ needs equal column counts, got {a.ColumnCount} and {b.ColumnCount}.");
        int m = a.RowCount, d = a.ColumnCount, n = b.RowCount;
        var ar = a.ToRowMajorArray();
        var br = b.ToRowMajorArray();
        var c = new double[m * n]; // column-major m × n: c[j*m + i]
        For(n, (long)m * n * d, j =>
        {
            var bj = new ReadOnlySpan<double>(br, j * d, d);
            for (int i = 0; i < m; i++) c[j * m + i] = TensorPrimitives.Dot(new ReadOnlySpan<double>(ar, i * d, d), bj);
        });
        return Matrix<double>.Build.Dense(m, n, c);
    }

    /// <summary>A·B for column-major A (m × p) and B (p × k): m × k, as axpys down the columns of A.</summary>
    /// <param name="a">m × p.</param>
    /// <param name="b">p × k.</param>
    /// <returns>A·B.</returns>
    /// <exception cref="ArgumentException">When the inner dimensions differ.</exception>
    public static Matrix<double> Multiply(Matrix<double> a, Matrix<double> b)
    {
        if (a.ColumnCount != b.RowCount) throw new ArgumentException($"A·B needs A's columns = B's rows, got {a.ColumnCount} and {b.RowCount}.");
        int m = a.RowCount, p = a.ColumnCount, k = b.ColumnCount;
        var av = ColumnMajor(a);
        var bv = ColumnMajor(b);
        var c = new double[m * k];
        For(k, (long)m * p * k, j =>
        {
            var cj = new Span<double>(c, j * m, m);
            for (int q = 0; q < p; q++)
            {
                double s = bv[j * p + q];
                if (s != 0) TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<double>(av, q * m, m), s, cj, cj);
            }
        });
        return Matrix<double>.Build.Dense(m, k, c);
    }

    /// <summary>
    /// Solves G·X = R for a symmetric positive definite G (n × n) by Cholesky (G = L·Lᵀ, row-oriented
    /// Cholesky–Banachiewicz with SIMD dot products, rows split over the cores).
    /// </summary>
    /// <param name="g">G (only its lower triangle is read).</param>
    /// <param name="rhs">R, n × k.</param>
    /// <returns>X, n × k; null when G is not positive definite.</returns>
    public static Matrix<double>? CholeskySolve(Matrix<double> g, Matrix<double> rhs)
    {
        int n = g.RowCount, k = rhs.ColumnCount;
        var l = g.ToRowMajorArray(); // symmetric: row-major lower triangle = the lower triangle of G
        bool ok = true;
        for (int j = 0; j < n && ok; j++)
        {
            var lj = new ReadOnlySpan<double>(l, j * n, j);
            double d = l[j * n + j] - TensorPrimitives.Dot(lj, lj);
            if (!(d > 0) || !double.IsFinite(d)) { ok = false; break; }
            double djj = Math.Sqrt(d);
            l[j * n + j] = djj;
            int rows = n - j - 1;
            int jj = j;
            For(rows, (long)rows * j, r =>
            {
                int i = jj + 1 + r;
                l[i * n + jj] = (l[i * n + jj] - TensorPrimitives.Dot(new ReadOnlySpan<double>(l, i * n, jj), new ReadOnlySpan<double>(l, jj * n, jj))) / djj;
            });
        }
        if (!ok) return null;
        var x = ColumnMajor(rhs).ToArray();
        For(k, (long)n * n * k, c =>
        {
            var col = new Span<double>(x, c * n, n);
            for (int i = 0; i < n; i++) col[i] = (col[i] - TensorPrimitives.Dot(new ReadOnlySpan<double>(l, i * n, i), col[..i])) / l[i * n + i];
            for (int i = n - 1; i >= 0; i--)
            {
                double s = col[i];
                for (int p = i + 1; p < n; p++) s -= l[p * n + i] * col[p];
                col[i] = s / l[i * n + i];
            }
        });
        return Matrix<double>.Build.Dense(n, k, x);
    }

    private static double[] ColumnMajor(Matrix<double> a) => a.AsColumnMajorArray() ?? a.ToColumnMajorArray();

    private static void For(int count, long work, Action<int> body)
    {
        if (work < ParallelWork || count < 2) { for (int i = 0; i < count; i++) body(i); return; }
        Parallel.For(0, count, body);
    }
}
