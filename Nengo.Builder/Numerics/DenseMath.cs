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
        // Groups of A's columns, each against every column of B through the 4 × 3 register tile.
        const int group = 32;
        int groups = (n + group - 1) / group;
        For(groups, (long)m * n * k, gi =>
        {
            int i0 = gi * group, np = Math.Min(group, n - i0);
            var s = new double[np * k];
            DotTile.Block(av, (long)i0 * m, m, np, bv, 0, m, k, m, s);
            for (int i = 0; i < np; i++)
                for (int j = 0; j < k; j++) c[j * n + i0 + i] = s[i * k + j];
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
        // Row chunks of C stay in L1 while each chunk of a column of A is used for all k columns of C;
        // every entry is still the sum over q in order.
        const int chunk = 256;
        For((m + chunk - 1) / chunk, (long)m * p * k, ci =>
        {
            int r0 = ci * chunk, len = Math.Min(chunk, m - r0);
            for (int q = 0; q < p; q++)
            {
                var aq = new ReadOnlySpan<double>(av, q * m + r0, len);
                for (int j = 0; j < k; j++)
                {
                    double s = bv[j * p + q];
                    if (s != 0)
                    {
                        var cj = new Span<double>(c, j * m + r0, len);
                        TensorPrimitives.FusedMultiplyAdd(aq, s, cj, cj);
                    }
                }
            }
        });
        return Matrix<double>.Build.Dense(m, k, c);
    }

    /// <summary>
    /// Solves G·X = R for a symmetric positive definite G (n × n) by Cholesky (G = L·Lᵀ, blocked and
    /// register-tiled, rows split over the cores; then both triangular sweeps over all right-hand sides at once).
    /// </summary>
    /// <param name="g">G (only its lower triangle is read).</param>
    /// <param name="rhs">R, n × k.</param>
    /// <returns>X, n × k; null when G is not positive definite.</returns>
    /// <exception cref="ArgumentException">When G is not square or R has a different number of rows.</exception>
    public static Matrix<double>? CholeskySolve(Matrix<double> g, Matrix<double> rhs)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(rhs);
        int n = g.RowCount, k = rhs.ColumnCount;
        if (g.ColumnCount != n || rhs.RowCount != n)
            throw new ArgumentException($"Cholesky solve needs a square G and as many right-hand-side rows, got G {g.RowCount}x{g.ColumnCount} and R {rhs.RowCount}x{k}.");
        var l = CholeskyFactor(g);
        return l is null ? null : CholeskySolveFactored(l, rhs);
    }

    /// <summary>The Cholesky factor L of a symmetric positive definite G (row-major n × n), for <see cref="CholeskySolveFactored"/>.</summary>
    /// <param name="g">G, square (only its lower triangle is read).</param>
    /// <returns>L; null when G is not positive definite.</returns>
    internal static double[]? CholeskyFactor(Matrix<double> g)
    {
        var l = g.ToRowMajorArray();
        return Cholesky.Factor(l, g.RowCount) ? l : null;
    }

    /// <summary>X with L·Lᵀ·X = R, both triangular sweeps over all right-hand sides at once (the second half of <see cref="CholeskySolve"/>).</summary>
    /// <param name="l">The factor from <see cref="CholeskyFactor"/>.</param>
    /// <param name="rhs">R, n × k.</param>
    /// <returns>X, n × k.</returns>
    internal static Matrix<double> CholeskySolveFactored(double[] l, Matrix<double> rhs)
    {
        int n = rhs.RowCount, k = rhs.ColumnCount;
        var x = rhs.ToColumnMajorArray();
        Cholesky.Solve(l, n, x, k);
        return Matrix<double>.Build.Dense(n, k, x);
    }

    private static double[] ColumnMajor(Matrix<double> a) => a.AsColumnMajorArray() ?? a.ToColumnMajorArray();

    private static void For(int count, long work, Action<int> body)
    {
        if (work < ParallelWork || count < 2 || !BuildThreads.MayParallelize) { for (int i = 0; i < count; i++) body(i); return; }
        Parallel.For(0, count, body);
    }
}
