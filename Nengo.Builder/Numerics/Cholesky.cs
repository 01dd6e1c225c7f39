using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SimdVector = System.Numerics.Vector;

namespace Nengo.Builder.Numerics;

/// <summary>
/// Blocked Cholesky factorisation G = L·Lᵀ and the multi-right-hand-side solve, on row-major arrays.
/// </summary>
/// <remarks>
/// Left-looking by block columns of <see cref="Block"/>: each block column is first updated with the dot
/// products of the rows to its left (<see cref="DotTile"/>, in parallel over groups of rows), then its diagonal
/// block is factored and the rows below it are solved against that block. Every entry of L is computed by one
/// fixed sequence of operations, so the result does not depend on the number of threads.
/// </remarks>
internal static class Cholesky
{
    /// <summary>Columns per block column.</summary>
    public const int Block = 64;

    /// <summary>Rows per parallel task.</summary>
    private const int GroupRows = 32;

    /// <summary>Below this order the factorisation runs on one thread.</summary>
    private const int ParallelOrder = 256;

    /// <summary>
    /// Overwrites the lower triangle of the row-major n × n array <paramref name="l"/> (holding a symmetric G;
    /// only its lower triangle is read) with L, where G = L·Lᵀ. The strict upper triangle is left as it was.
    /// </summary>
    /// <param name="l">G in, L out (row-major).</param>
    /// <param name="n">The order.</param>
    /// <returns>False when G is not (numerically) positive definite; L is then incomplete.</returns>
    public static bool Factor(double[] l, int n)
    {
        var scratch = new double[Block * Block];
        for (int j0 = 0; j0 < n; j0 += Block)
        {
            int j1 = Math.Min(n, j0 + Block);
            UpdateRows(l, n, j0, j1, j0, j1, scratch);
            if (!FactorDiagonal(l, n, j0, j1)) return false;
            int below = n - j1;
            if (below <= 0) continue;
            int groups = (below + GroupRows - 1) / GroupRows;
            void Group(int gi, double[] s)
            {
                int i0 = j1 + gi * GroupRows, i1 = Math.Min(n, i0 + GroupRows);
                UpdateRows(l, n, j0, j1, i0, i1, s);
                SolveRows(l, n, j0, j1, i0, i1, s);   // the update's scratch, free again, holds the panel
            }
            if (n >= ParallelOrder && groups > 1 && BuildThreads.MayParallelize)
                Parallel.For(0, groups, () => new double[GroupRows * Block], (gi, _, s) => { Group(gi, s); return s; }, _ => { });
            else
                for (int gi = 0; gi < groups; gi++) Group(gi, scratch);
        }
        return true;
    }

    // L[i, j] −= Σ_{k < j0} L[i, k]·L[j, k] for rows i in [i0, i1) and columns j in [j0, min(j1, i + 1)).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateRows(double[] l, int n, int j0, int j1, int i0, int i1, double[] scratch)
    {
        if (j0 == 0) return;
        int np = i1 - i0, nq = j1 - j0;
        var s = scratch.AsSpan(0, np * nq);
        DotTile.Block(l, (long)i0 * n, n, np, l, (long)j0 * n, n, nq, j0, s);
        for (int i = 0; i < np; i++)
        {
            long row = (long)(i0 + i) * n;
            int jEnd = Math.Min(j1, i0 + i + 1);
            for (int j = j0; j < jEnd; j++) l[row + j] -= s[i * nq + j - j0];
        }
    }

    // Factors the diagonal block [j0, j1) in place (its rows already updated for the columns left of j0).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool FactorDiagonal(double[] l, int n, int j0, int j1)
    {
        for (int j = j0; j < j1; j++)
        {
            long rj = (long)j * n;
            double d = l[rj + j] - DotTile.Dot(l, rj + j0, l, rj + j0, j - j0);
            if (!(d > 0) || !double.IsFinite(d)) return false;
            double djj = Math.Sqrt(d);
            l[rj + j] = djj;
            for (int i = j + 1; i < j1; i++)
            {
                long ri = (long)i * n;
                l[ri + j] = (l[ri + j] - DotTile.Dot(l, ri + j0, l, rj + j0, j - j0)) / djj;
            }
        }
        return true;
    }

    // Rows below the diagonal block: L[i, j] = (L[i, j] − Σ_{j0 ≤ k < j} L[i, k]·L[j, k]) / L[j, j], a forward substitution
    // of each row against the diagonal block. The group's block-column entries are copied transposed into the panel, so
    // that column k is one contiguous vector over the rows and every step is a vector multiply-add over the rows (four
    // vectors of rows share each broadcast L[j, k]). Each entry is the same sequence of fused multiply-adds over k in
    // order, then one division, whichever vector of the panel holds it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SolveRows(double[] l, int n, int j0, int j1, int i0, int i1, double[] panel)
    {
        int rows = i1 - i0, cols = j1 - j0, lanes = Vector256<double>.Count;
        int stride = (rows + lanes - 1) / lanes * lanes;
        ref double p = ref MemoryMarshal.GetArrayDataReference(panel);
        for (int k = 0; k < cols; k++)
        {
            for (int r = 0; r < rows; r++) Unsafe.Add(ref p, k * stride + r) = l[(long)(i0 + r) * n + j0 + k];
            for (int r = rows; r < stride; r++) Unsafe.Add(ref p, k * stride + r) = 0;   // padding lanes stay 0
        }
        for (int j = 0; j < cols; j++)
        {
            long rj = (long)(j0 + j) * n + j0;
            var d = Vector256.Create(l[rj + j]);
            ref double xj = ref Unsafe.Add(ref p, j * stride);
            int r = 0;
            for (; r + 4 * lanes <= stride; r += 4 * lanes)
            {
                var a0 = Vector256.LoadUnsafe(ref xj, (nuint)r);
                var a1 = Vector256.LoadUnsafe(ref xj, (nuint)(r + lanes));
                var a2 = Vector256.LoadUnsafe(ref xj, (nuint)(r + 2 * lanes));
                var a3 = Vector256.LoadUnsafe(ref xj, (nuint)(r + 3 * lanes));
                for (int k = 0; k < j; k++)
                {
                    var c = Vector256.Create(-l[rj + k]);
                    ref double xk = ref Unsafe.Add(ref p, k * stride + r);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xk), c, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xk, (nuint)lanes), c, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xk, (nuint)(2 * lanes)), c, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xk, (nuint)(3 * lanes)), c, a3);
                }
                (a0 / d).StoreUnsafe(ref xj, (nuint)r);
                (a1 / d).StoreUnsafe(ref xj, (nuint)(r + lanes));
                (a2 / d).StoreUnsafe(ref xj, (nuint)(r + 2 * lanes));
                (a3 / d).StoreUnsafe(ref xj, (nuint)(r + 3 * lanes));
            }
            for (; r < stride; r += lanes)
            {
                var a = Vector256.LoadUnsafe(ref xj, (nuint)r);
                for (int k = 0; k < j; k++)
                    a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref p, k * stride + r)), Vector256.Create(-l[rj + k]), a);
                (a / d).StoreUnsafe(ref xj, (nuint)r);
            }
        }
        for (int r = 0; r < rows; r++)
        {
            long ri = (long)(i0 + r) * n + j0;
            for (int k = 0; k < cols; k++) l[ri + k] = Unsafe.Add(ref p, k * stride + r);
        }
    }

    /// <summary>
    /// Solves L·Lᵀ·X = B in place for the column-major n × k array <paramref name="x"/> (B in, X out), with L from
    /// <see cref="Factor"/>. Each sweep reads L once, row by row: the forward sweep takes the dot product of row i
    /// with every column of Y, the backward sweep subtracts row i times X[i] from every column (contiguous vector
    /// operations of length i; the k columns stay in cache while L streams).
    /// </summary>
    /// <param name="l">L (row-major, lower triangle).</param>
    /// <param name="n">The order.</param>
    /// <param name="x">B in, X out, column-major n × k.</param>
    /// <param name="k">The number of right-hand sides.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(double[] l, int n, double[] x, int k)
    {
        // Forward: Y[i] = (B[i] − L[i, :i]·Y[:i]) / L[i, i].
        for (int i = 0; i < n; i++)
        {
            long ri = (long)i * n;
            double lii = l[ri + i];
            for (int c = 0; c < k; c++)
            {
                long col = (long)c * n;
                x[col + i] = (x[col + i] - DotTile.Dot(l, ri, x, col, i)) / lii;
            }
        }
        // Backward: X[i] = Y[i] / L[i, i], then Y[:i] −= L[i, :i]ᵀ·X[i].
        for (int i = n - 1; i >= 0; i--)
        {
            long ri = (long)i * n;
            double lii = l[ri + i];
            var row = l.AsSpan((int)ri, i);
            for (int c = 0; c < k; c++)
            {
                int col = c * n;
                double xi = x[col + i] / lii;
                x[col + i] = xi;
                Axpy(-xi, row, x.AsSpan(col, i));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy(double a, ReadOnlySpan<double> src, Span<double> dst)
    {
        int w = System.Numerics.Vector<double>.Count, r = 0;
        if (SimdVector.IsHardwareAccelerated)
        {
            var va = new System.Numerics.Vector<double>(a);
            for (; r + w <= dst.Length; r += w)
                SimdVector.FusedMultiplyAdd(va, new System.Numerics.Vector<double>(src[r..]), new System.Numerics.Vector<double>(dst[r..])).CopyTo(dst[r..]);
        }
        for (; r < dst.Length; r++) dst[r] = Math.FusedMultiplyAdd(a, src[r], dst[r]);
    }
}
