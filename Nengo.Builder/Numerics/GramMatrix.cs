using System.Runtime.CompilerServices;
namespace Nengo.Builder.Numerics;

/// <summary>
/// The Gram matrix AᵀA of a column-major m × n matrix (a symmetric rank-m update): only the upper triangle is
/// computed, cache-blocked (row chunks of <see cref="ChunkRows"/> that keep a 4-column block in L1, column
/// panels of <see cref="PanelCols"/> that keep a panel in L2) and register-tiled by <see cref="DotTile"/>, with
/// one task per column panel; then it is mirrored. Each entry is one task's sum over the chunks in order, so
/// the result does not depend on the number of threads.
/// </summary>
internal static class GramMatrix
{
    /// <summary>Rows per pass: a 4-column block of 512 rows is 16 KiB and the three columns it meets 12 KiB, both inside a 32 KiB L1; the longer the chunk, the fewer per-tile reductions into G.</summary>
    public const int ChunkRows = 512;

    /// <summary>Columns per task: a panel of 48 columns × 512 rows is 192 KiB (L2 is 512 KiB).</summary>
    public const int PanelCols = 48;

    /// <summary>Below this many multiply-adds the Gram runs on one thread.</summary>
    private const double ParallelWork = 4e6;

    /// <summary>G = AᵀA, n × n column-major (symmetric), for A m × n column-major.</summary>
    /// <param name="a">A, column-major, at least m·n values.</param>
    /// <param name="m">Rows of A (the length of each dot product).</param>
    /// <param name="n">Columns of A.</param>
    /// <returns>The n·n entries of G.</returns>
    public static double[] Compute(double[] a, int m, int n)
    {
        var g = new double[(long)n * n];
        int panels = (n + PanelCols - 1) / PanelCols;
        if ((double)m * n * n / 2 > ParallelWork && panels > 1)
            Parallel.For(0, panels, i => Panel(a, m, n, panels - 1 - i, g)); // widest panels (most work) first
        else
            for (int panel = 0; panel < panels; panel++) Panel(a, m, n, panel, g);
        for (int q = 0; q < n; q++)
            for (int p = q + 1; p < n; p++)
                g[p + (long)q * n] = g[q + (long)p * n];
        return g;
    }

    // Accumulates G[p, q] for p ≤ q, q in the panel, over all row chunks.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Panel(double[] a, int m, int n, int panel, double[] g)
    {
        int q0 = panel * PanelCols, q1 = Math.Min(n, q0 + PanelCols);
        Span<double> t = stackalloc double[DotTile.Rows * DotTile.Cols];
        for (int r0 = 0; r0 < m; r0 += ChunkRows)
        {
            int len = Math.Min(ChunkRows, m - r0);
            for (int p = 0; p < q1; p += DotTile.Rows)
            {
                if (p + DotTile.Rows > n)
                {
                    for (int pp = p; pp < n; pp++)
                        for (int qq = Math.Max(q0, pp); qq < q1; qq++) g[pp + (long)qq * n] += DotTile.Dot(a, (long)pp * m + r0, a, (long)qq * m + r0, len);
                    continue;
                }
                // Skip the q-tiles left of the diagonal: a tile [q, q+3) holds an entry p' ≤ q' iff p ≤ q + 2.
                int qStart = q0 + Math.Max(0, (p - q0) / DotTile.Cols * DotTile.Cols);
                int q = qStart;
                for (; q + DotTile.Cols <= q1; q += DotTile.Cols)
                {
                    if (p > q + DotTile.Cols - 1) continue;
                    DotTile.Dots4x3(a, (long)p * m + r0, m, a, (long)q * m + r0, m, len, t);
                    for (int i = 0; i < DotTile.Rows; i++)
                        for (int j = 0; j < DotTile.Cols; j++)
                            if (p + i <= q + j) g[p + i + (long)(q + j) * n] += t[DotTile.Cols * i + j];
                }
                for (; q < q1; q++)
                    for (int pp = p; pp < p + DotTile.Rows && pp <= q; pp++)
                        g[pp + (long)q * n] += DotTile.Dot(a, (long)pp * m + r0, a, (long)q * m + r0, len);
            }
        }
    }
}
