using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SimdVector = System.Numerics.Vector;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The register-tiled inner kernel of the Gram matrix, the Cholesky update and Aᵀ·B: the 4 × 3 dot products
/// of four contiguous "x" vectors with three contiguous "y" vectors of the same length, in one pass over
/// memory with twelve SIMD accumulators (7 loads feed 12 fused multiply-adds).
/// </summary>
/// <remarks>
/// The order of the additions depends only on the length (lane-wise partial sums, then the lanes, then the
/// scalar tail), never on which thread calls the kernel, so every caller stays deterministic.
/// </remarks>
internal static class DotTile
{
    /// <summary>Number of x vectors per tile.</summary>
    public const int Rows = 4;

    /// <summary>Number of y vectors per tile.</summary>
    public const int Cols = 3;

    /// <summary>Rows per block of <see cref="Dots4x3(ref double, ref double, ref double, ref double, ref double, ref double, ref double, int, uint, Span{double})"/>'s block mask.</summary>
    public const int BlockRows = 16;

    /// <summary>The mask that selects every block (and lifts the limit on the length).</summary>
    public const uint AllBlocks = uint.MaxValue;

    /// <summary>
    /// s[3·i + j] = Σ_{r &lt; len} x[xOff + i·sx + r] · y[yOff + j·sy + r] for i &lt; 4, j &lt; 3. The caller guarantees
    /// that every index is inside the arrays.
    /// </summary>
    public static void Dots4x3(double[] x, long xOff, long sx, double[] y, long yOff, long sy, int len, Span<double> s)
    {
        ref double x0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), (nint)xOff);
        ref double x1 = ref Unsafe.Add(ref x0, (nint)sx);
        ref double x2 = ref Unsafe.Add(ref x1, (nint)sx);
        ref double y0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), (nint)yOff);
        ref double y1 = ref Unsafe.Add(ref y0, (nint)sy);
        Dots4x3(ref x0, ref x1, ref x2, ref Unsafe.Add(ref x2, (nint)sx), ref y0, ref y1, ref Unsafe.Add(ref y1, (nint)sy), len, AllBlocks, s);
    }

    /// <summary>
    /// s[3·i + j] = Σ_r x_i[r] · y_j[r] over the rows r &lt; len of the blocks selected by <paramref name="blocks"/> (bit b
    /// selects rows [16b, 16b + 16)). Skipping a block is exact when its rows are zero in every x or in every y: the
    /// products left out are zeros, and the order of the others is the one of the whole sum.
    /// </summary>
    /// <param name="x0">First x vector (x1…x3 the others).</param>
    /// <param name="x1">Second x vector.</param>
    /// <param name="x2">Third x vector.</param>
    /// <param name="x3">Fourth x vector.</param>
    /// <param name="y0">First y vector (y1, y2 the others).</param>
    /// <param name="y1">Second y vector.</param>
    /// <param name="y2">Third y vector.</param>
    /// <param name="len">The length of every vector; at most 32 · <see cref="BlockRows"/> unless <paramref name="blocks"/> is <see cref="AllBlocks"/>.</param>
    /// <param name="blocks">The blocks to sum over; <see cref="AllBlocks"/> for all of them.</param>
    /// <param name="s">The 12 sums, row-major (3 per x vector).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dots4x3(ref double x0, ref double x1, ref double x2, ref double x3, ref double y0, ref double y1, ref double y2,
        int len, uint blocks, Span<double> s)
    {
        var c00 = System.Numerics.Vector<double>.Zero; var c01 = c00; var c02 = c00;
        var c10 = c00; var c11 = c00; var c12 = c00;
        var c20 = c00; var c21 = c00; var c22 = c00;
        var c30 = c00; var c31 = c00; var c32 = c00;
        int w = System.Numerics.Vector<double>.Count, lenV = len - len % w;
        bool all = blocks == AllBlocks;
        uint rest = blocks;
        int start = 0, end = lenV;
        while (all || rest != 0)
        {
            if (!all)
            {
                // The next run of selected blocks [b0, b0 + run).
                int b0 = BitOperations.TrailingZeroCount(rest);
                int run = BitOperations.TrailingZeroCount(~(rest >> b0));
                start = b0 * BlockRows;
                end = Math.Min(lenV, (b0 + run) * BlockRows);
                rest = b0 + run >= 32 ? 0 : rest & (AllBlocks << (b0 + run));
            }
            for (int r = start; r < end; r += w)
            {
                nuint o = (nuint)r;
                var b0 = SimdVector.LoadUnsafe(ref y0, o);
                var b1 = SimdVector.LoadUnsafe(ref y1, o);
                var b2 = SimdVector.LoadUnsafe(ref y2, o);
                var a = SimdVector.LoadUnsafe(ref x0, o);
                c00 = SimdVector.FusedMultiplyAdd(a, b0, c00); c01 = SimdVector.FusedMultiplyAdd(a, b1, c01); c02 = SimdVector.FusedMultiplyAdd(a, b2, c02);
                a = SimdVector.LoadUnsafe(ref x1, o);
                c10 = SimdVector.FusedMultiplyAdd(a, b0, c10); c11 = SimdVector.FusedMultiplyAdd(a, b1, c11); c12 = SimdVector.FusedMultiplyAdd(a, b2, c12);
                a = SimdVector.LoadUnsafe(ref x2, o);
                c20 = SimdVector.FusedMultiplyAdd(a, b0, c20); c21 = SimdVector.FusedMultiplyAdd(a, b1, c21); c22 = SimdVector.FusedMultiplyAdd(a, b2, c22);
                a = SimdVector.LoadUnsafe(ref x3, o);
                c30 = SimdVector.FusedMultiplyAdd(a, b0, c30); c31 = SimdVector.FusedMultiplyAdd(a, b1, c31); c32 = SimdVector.FusedMultiplyAdd(a, b2, c32);
            }
            if (all) break;
        }
        s[0] = SimdVector.Sum(c00); s[1] = SimdVector.Sum(c01); s[2] = SimdVector.Sum(c02);
        s[3] = SimdVector.Sum(c10); s[4] = SimdVector.Sum(c11); s[5] = SimdVector.Sum(c12);
        s[6] = SimdVector.Sum(c20); s[7] = SimdVector.Sum(c21); s[8] = SimdVector.Sum(c22);
        s[9] = SimdVector.Sum(c30); s[10] = SimdVector.Sum(c31); s[11] = SimdVector.Sum(c32);
        // The scalar tail lies in the last block (BlockRows is a multiple of the vector width).
        if (lenV == len || (!all && (blocks >> ((len - 1) / BlockRows) & 1) == 0)) return;
        for (int r = lenV; r < len; r++)
        {
            double b0 = Unsafe.Add(ref y0, r), b1 = Unsafe.Add(ref y1, r), b2 = Unsafe.Add(ref y2, r);
            double a0 = Unsafe.Add(ref x0, r), a1 = Unsafe.Add(ref x1, r), a2 = Unsafe.Add(ref x2, r), a3 = Unsafe.Add(ref x3, r);
            s[0] += a0 * b0; s[1] += a0 * b1; s[2] += a0 * b2;
            s[3] += a1 * b0; s[4] += a1 * b1; s[5] += a1 * b2;
            s[6] += a2 * b0; s[7] += a2 * b1; s[8] += a2 * b2;
            s[9] += a3 * b0; s[10] += a3 * b1; s[11] += a3 * b2;
        }
    }

    /// <summary>Σ_{r &lt; len} x[xOff + r] · y[yOff + r], with the same kind of summation order as <see cref="Dots4x3(double[], long, long, double[], long, long, int, Span{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(double[] x, long xOff, double[] y, long yOff, int len)
    {
        ref double bx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), (nint)xOff);
        ref double by = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), (nint)yOff);
        int w = System.Numerics.Vector<double>.Count, r = 0;
        var acc0 = System.Numerics.Vector<double>.Zero;
        var acc1 = acc0;
        for (; r + 2 * w <= len; r += 2 * w)
        {
            acc0 = SimdVector.FusedMultiplyAdd(SimdVector.LoadUnsafe(ref bx, (nuint)r), SimdVector.LoadUnsafe(ref by, (nuint)r), acc0);
            acc1 = SimdVector.FusedMultiplyAdd(SimdVector.LoadUnsafe(ref bx, (nuint)(r + w)), SimdVector.LoadUnsafe(ref by, (nuint)(r + w)), acc1);
        }
        for (; r + w <= len; r += w)
            acc0 = SimdVector.FusedMultiplyAdd(SimdVector.LoadUnsafe(ref bx, (nuint)r), SimdVector.LoadUnsafe(ref by, (nuint)r), acc0);
        double s = SimdVector.Sum(acc0 + acc1);
        for (; r < len; r++) s += Unsafe.Add(ref bx, r) * Unsafe.Add(ref by, r);
        return s;
    }

    /// <summary>
    /// Every dot product of a block: s[i·nq + j] = Σ_r x[xOff + i·sx + r] · y[yOff + j·sy + r] for i &lt; np, j &lt; nq,
    /// using <see cref="Dots4x3(double[], long, long, double[], long, long, int, Span{double})"/> for whole tiles and <see cref="Dot"/> for the ragged edge (which kernel
    /// computes an entry depends only on np and nq).
    /// </summary>
    public static void Block(double[] x, long xOff, long sx, int np, double[] y, long yOff, long sy, int nq, int len, Span<double> s)
    {
        Span<double> t = stackalloc double[Rows * Cols];
        int p = 0;
        for (; p + Rows <= np; p += Rows)
        {
            int q = 0;
            for (; q + Cols <= nq; q += Cols)
            {
                Dots4x3(x, xOff + p * sx, sx, y, yOff + q * sy, sy, len, t);
                for (int i = 0; i < Rows; i++)
                    for (int j = 0; j < Cols; j++) s[(p + i) * nq + q + j] = t[Cols * i + j];
            }
            for (; q < nq; q++)
                for (int i = 0; i < Rows; i++) s[(p + i) * nq + q] = Dot(x, xOff + (p + i) * sx, y, yOff + q * sy, len);
        }
        for (; p < np; p++)
            for (int q = 0; q < nq; q++) s[p * nq + q] = Dot(x, xOff + p * sx, y, yOff + q * sy, len);
    }
}
