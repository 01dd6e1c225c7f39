using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
namespace Nengo.Builder.Numerics;

/// <summary>
/// The Gram matrix AᵀA of a column-major m × n matrix (a symmetric rank-m update): only the upper triangle is
/// computed, cache-blocked (row chunks of <see cref="ChunkRows"/> that keep a 4-column block in L1, column
/// panels of <see cref="PanelCols"/> that keep a panel in L2) and register-tiled by <see cref="DotTile"/>, with
/// one task per column panel; then it is mirrored. Each entry is one task's sum over the chunks in order, so
/// the result does not depend on the number of threads.
/// </summary>
/// <remarks>
/// Tuning curves have long runs of zeros when the eval points are sorted along the space (a neuron is silent on one
/// side of its intercept; <see cref="Builders.EvalPointOrder"/>), so each tile skips the 16-row blocks where its four
/// or its three columns are all zero (<see cref="DotTile.BlockRows"/>), which is exact (when a value is not finite,
/// 0 · NaN being NaN, nothing is skipped), and the columns are taken in
/// the order of where their nonzero blocks begin, so that the columns of a tile share their zero blocks. The result is
/// put back in the original order; the column order changes only which kernel sums an entry (the rounding).
/// </remarks>
internal static class GramMatrix
{
    /// <summary>Rows per pass: a 4-column block of 512 rows is 16 KiB and the three columns it meets 12 KiB, both inside a 32 KiB L1; the longer the chunk, the fewer per-tile reductions into G.</summary>
    public const int ChunkRows = 32 * DotTile.BlockRows;

    /// <summary>Columns per task: a panel of 48 columns × 512 rows is 192 KiB (L2 is 512 KiB).</summary>
    public const int PanelCols = 48;

    /// <summary>Below this many multiply-adds the Gram runs on one thread.</summary>
    private const double ParallelWork = 4e6;

    /// <summary>Below this many values the zero masks are found and the result is put in order on one thread.</summary>
    private const long ParallelCopy = 1 << 20;

    /// <summary>G = AᵀA, n × n column-major (symmetric), for A m × n column-major.</summary>
    /// <param name="a">A, column-major, at least m·n values.</param>
    /// <param name="m">Rows of A (the length of each dot product).</param>
    /// <param name="n">Columns of A.</param>
    /// <returns>The n·n entries of G, in an array from <see cref="ScratchArrays"/> (the caller may return it).</returns>
    public static double[] Compute(double[] a, int m, int n)
    {
        var g = ComputeInTileOrder(a, m, n, out var cols);
        if (cols is null) return g;
        var result = Unpermuted(g, n, cols);
        ScratchArrays.Return(g);
        return result;
    }

    /// <summary>
    /// The Gram matrix of A's columns taken in the order of the tiles: G' = PᵀGP with G'[i, j] = G[order[i], order[j]],
    /// n × n column-major (symmetric), for a caller that can work in that order (a solve permutes its right-hand sides).
    /// </summary>
    /// <param name="a">A, column-major, at least m·n values.</param>
    /// <param name="m">Rows of A.</param>
    /// <param name="n">Columns of A.</param>
    /// <param name="order">Receives the column order, or null when it is 0, 1, …, n − 1 (then G' = G).</param>
    /// <returns>The n·n entries of G', in an array from <see cref="ScratchArrays"/>.</returns>
    public static double[] ComputeInTileOrder(double[] a, int m, int n, out int[]? order)
    {
        int chunks = (m + ChunkRows - 1) / ChunkRows;
        var masks = new uint[(long)n * chunks];
        var finite = new bool[n];
        ForColumns(m, n, c => finite[c] = ZeroMasks(a, m, c, chunks, masks));
        // 0 · NaN is NaN: with a value that is not finite nothing may be skipped.
        if (Array.IndexOf(finite, false) >= 0) Array.Fill(masks, DotTile.AllBlocks);
        int[]? cols = ColumnOrder(masks, n, chunks, (m + DotTile.BlockRows - 1) / DotTile.BlockRows);
        if (cols is not null)
        {
            var sorted = new uint[masks.Length];
            for (int c = 0; c < n; c++) Array.Copy(masks, (long)cols[c] * chunks, sorted, (long)c * chunks, chunks);
            masks = sorted;
        }
        var g = ScratchArrays.Rent(checked(n * n));
        Array.Clear(g);
        var work = new Operands(a, m, n, cols ?? Identity(n), masks, chunks);
        int panels = (n + PanelCols - 1) / PanelCols;
        if ((double)m * n * n / 2 > ParallelWork && panels > 1 && BuildThreads.MayParallelize)
            Parallel.For(0, panels, i => Panel(work, panels - 1 - i, g)); // widest panels (most work) first
        else
            for (int panel = 0; panel < panels; panel++) Panel(work, panel, g);
        for (int q = 0; q < n; q++)
            for (int p = q + 1; p < n; p++)
                g[p + (long)q * n] = g[q + (long)p * n];
        order = cols;
        return g;
    }

    /// <summary>A, its column order for the tiles, and the zero masks of the columns in that order (chunks per column).</summary>
    private sealed record Operands(double[] A, int M, int N, int[] Cols, uint[] Masks, int Chunks);

    private static int[] Identity(int n)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    private static void ForColumns(int m, int n, Action<int> body)
    {
        if ((long)m * n > ParallelCopy && BuildThreads.MayParallelize) Parallel.For(0, n, body);
        else for (int c = 0; c < n; c++) body(c);
    }

    // masks[c·chunks + k] bit b: column c has a nonzero in rows [16b, 16b + 16) of chunk k (−0 is zero). Returns
    // whether every value of the column is finite.
    private static bool ZeroMasks(double[] a, int m, int c, int chunks, uint[] masks)
    {
        ref double column = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), (nint)((long)c * m));
        var magnitude = Vector256.Create(long.MaxValue).AsDouble();
        var exponent = Vector256.Create(0x7FF0000000000000UL);
        var notFinite = Vector256<ulong>.Zero;
        int wholeBlocks = m / DotTile.BlockRows;
        for (int k = 0; k < chunks; k++)
        {
            uint mask = 0;
            int b0 = k * 32, b1 = Math.Min(wholeBlocks, b0 + 32);
            for (int b = b0; b < b1; b++)
            {
                nuint r = (nuint)(b * DotTile.BlockRows);
                Vector256<double> v0 = Vector256.LoadUnsafe(ref column, r), v1 = Vector256.LoadUnsafe(ref column, r + 4),
                    v2 = Vector256.LoadUnsafe(ref column, r + 8), v3 = Vector256.LoadUnsafe(ref column, r + 12);
                if (((v0 | v1 | v2 | v3) & magnitude) != Vector256<double>.Zero) mask |= 1u << (b - b0);
                notFinite |= Vector256.Equals(v0.AsUInt64() & exponent, exponent) | Vector256.Equals(v1.AsUInt64() & exponent, exponent)
                    | Vector256.Equals(v2.AsUInt64() & exponent, exponent) | Vector256.Equals(v3.AsUInt64() & exponent, exponent);
            }
            // The partial last block, in the chunk that holds it.
            if (b1 == wholeBlocks && b1 < b0 + 32)
                for (int r = wholeBlocks * DotTile.BlockRows; r < m; r++)
                {
                    double v = Unsafe.Add(ref column, r);
                    if (!double.IsFinite(v)) return false;
                    if (v != 0) mask |= 1u << (b1 - b0);
                }
            masks[(long)c * chunks + k] = mask;
        }
        return notFinite == Vector256<ulong>.Zero;
    }

    // The columns by where their nonzero blocks begin: first those with no zero block, then the others by the start
    // of their nonzero run (the blocks after their longest circular run of zero blocks), shorter runs first; silent ones
    // last. Null when that is the order they are in.
    private static int[]? ColumnOrder(uint[] masks, int n, int chunks, int blocks)
    {
        var keys = new (int Group, int Start, int Length, int Column)[n];
        for (int c = 0; c < n; c++)
        {
            // The longest run of zero blocks between two nonzero ones, or round the end.
            int first = -1, previous = -1, gap = 0, gapStart = 0;
            for (int k = 0; k < chunks; k++)
                for (uint bits = masks[(long)c * chunks + k]; bits != 0; bits &= bits - 1)
                {
                    int b = k * 32 + BitOperations.TrailingZeroCount(bits);
                    if (first < 0) first = b;
                    else if (b - previous - 1 > gap) { gap = b - previous - 1; gapStart = previous + 1; }
                    previous = b;
                }
            if (first >= 0 && blocks - 1 - previous + first > gap) { gap = blocks - 1 - previous + first; gapStart = previous + 1; }
            keys[c] = first < 0 ? (2, 0, 0, c) : gap == 0 ? (0, 0, blocks, c) : (1, (gapStart + gap) % blocks, blocks - gap, c);
        }
        Array.Sort(keys);
        var order = new int[n];
        bool same = true;
        for (int i = 0; i < n; i++) { order[i] = keys[i].Column; same &= order[i] == i; }
        return same ? null : order;
    }

    // G in the original column order, from the Gram of the reordered columns (both symmetric).
    private static double[] Unpermuted(double[] sorted, int n, int[] cols)
    {
        var inverse = new int[n];
        for (int i = 0; i < n; i++) inverse[cols[i]] = i;
        var g = ScratchArrays.Rent(n * n);
        ForColumns(n, n, q =>
        {
            long src = (long)inverse[q] * n, dst = (long)q * n;
            for (int p = 0; p < n; p++) g[dst + p] = sorted[src + inverse[p]];
        });
        return g;
    }

    // Accumulates G[p, q] (in the tile order) for p ≤ q, q in the panel, over all row chunks.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panel(Operands w, int panel, double[] g)
    {
        int m = w.M, n = w.N, chunks = w.Chunks;
        int[] cols = w.Cols;
        uint[] masks = w.Masks;
        double[] a = w.A;
        ref double Column(int c, int r0) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), (nint)((long)cols[c] * m + r0));
        uint Mask(int c, int k) => masks[(long)c * chunks + k];
        int q0 = panel * PanelCols, q1 = Math.Min(n, q0 + PanelCols);
        Span<double> t = stackalloc double[DotTile.Rows * DotTile.Cols];
        for (int k = 0, r0 = 0; r0 < m; k++, r0 += ChunkRows)
        {
            int len = Math.Min(ChunkRows, m - r0);
            uint full = len == ChunkRows ? DotTile.AllBlocks : (1u << ((len + DotTile.BlockRows - 1) / DotTile.BlockRows)) - 1;
            for (int p = 0; p < q1; p += DotTile.Rows)
            {
                if (p + DotTile.Rows > n)
                {
                    for (int pp = p; pp < n; pp++)
                        for (int qq = Math.Max(q0, pp); qq < q1; qq++) g[pp + (long)qq * n] += Dot(w, pp, qq, r0, k, len);
                    continue;
                }
                uint pMask = Mask(p, k) | Mask(p + 1, k) | Mask(p + 2, k) | Mask(p + 3, k);
                if (pMask == 0) continue;
                // Skip the q-tiles left of the diagonal: a tile [q, q+3) holds an entry p' ≤ q' iff p ≤ q + 2.
                int qStart = q0 + Math.Max(0, (p - q0) / DotTile.Cols * DotTile.Cols);
                int q = qStart;
                for (; q + DotTile.Cols <= q1; q += DotTile.Cols)
                {
                    if (p > q + DotTile.Cols - 1) continue;
                    uint both = pMask & (Mask(q, k) | Mask(q + 1, k) | Mask(q + 2, k));
                    if (both == 0) continue;
                    DotTile.Dots4x3(ref Column(p, r0), ref Column(p + 1, r0), ref Column(p + 2, r0), ref Column(p + 3, r0),
                        ref Column(q, r0), ref Column(q + 1, r0), ref Column(q + 2, r0), len, both == full ? DotTile.AllBlocks : both, t);
                    for (int i = 0; i < DotTile.Rows; i++)
                        for (int j = 0; j < DotTile.Cols; j++)
                            if (p + i <= q + j) g[p + i + (long)(q + j) * n] += t[DotTile.Cols * i + j];
                }
                for (; q < q1; q++)
                    for (int pp = p; pp < p + DotTile.Rows && pp <= q; pp++)
                        g[pp + (long)q * n] += Dot(w, pp, q, r0, k, len);
            }
        }
    }

    // One entry's sum over one chunk; exactly 0 when the two columns have no nonzero block in common.
    private static double Dot(Operands w, int p, int q, int r0, int k, int len) =>
        (w.Masks[(long)p * w.Chunks + k] & w.Masks[(long)q * w.Chunks + k]) == 0 ? 0.0
            : DotTile.Dot(w.A, (long)w.Cols[p] * w.M + r0, w.A, (long)w.Cols[q] * w.M + r0, len);
}
