using SimdVector = System.Numerics.Vector;
using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="LstsqL2"/> (NEF.md §5): σ = reg·max(A), then the L2 core
/// (AᵀA + m·σ²·I)·X = AᵀY solved by Cholesky, or its dual form X = Aᵀ(AAᵀ + m·σ²·I)⁻¹Y when there are
/// fewer eval points than neurons. The L2 core itself is public for other solvers that reuse it.
/// </summary>
public sealed class LstsqL2Solver : IDecoderSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="LstsqL2"/> or the shapes do not agree.</exception>
    /// <exception cref="ValidationError">When the regularisation is negative or not finite.</exception>
    /// <exception cref="BuildError">When the regularised system is not positive definite.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (solver is not LstsqL2 l2)
            throw new ArgumentException($"{nameof(LstsqL2Solver)} solves {nameof(LstsqL2)}, got {solver.GetType().Name}.", nameof(solver));
        double reg = Check.NonNegative(l2.Reg, nameof(LstsqL2), nameof(l2.Reg));
        CheckShapes(A, Y);
        double sigma = reg * (A.RowCount * A.ColumnCount == 0 ? 0.0 : A.Enumerate().Max());
        var x = SolveL2(A, Y, sigma);
        return SolverResult.FromSolution(A, x, Y);
    }

    /// <summary>
    /// The L2 core with a scalar σ: minimises ‖A·X − Y‖²_F + m·σ²·‖X‖²_F. Uses the primal normal equations
    /// (AᵀA + m·σ²·I)·X = AᵀY when m ≥ n and the dual X = Aᵀ·(AAᵀ + m·σ²·I)⁻¹·Y when m &lt; n; both by Cholesky.
    /// </summary>
    /// <param name="a">Activities, m × n.</param>
    /// <param name="y">Targets, m × k.</param>
    /// <param name="sigma">The noise standard deviation σ (σ = 0 is unregularised least squares).</param>
    /// <returns>X, n × k.</returns>
    /// <exception cref="ArgumentException">When the shapes do not agree or σ is not finite.</exception>
    /// <exception cref="BuildError">When the system is not positive definite (e.g. σ = 0 and A is rank deficient).</exception>
    public static Matrix<double> SolveL2(Matrix<double> a, Matrix<double> y, double sigma)
    {
        CheckShapes(a, y);
        if (!double.IsFinite(sigma)) throw new ArgumentException($"sigma must be finite, got {sigma}.", nameof(sigma));
        int m = a.RowCount, n = a.ColumnCount;
        if (n == 0) return Matrix<double>.Build.Dense(0, y.ColumnCount);
        double diag = m * sigma * sigma;
        if (m < n)
        {
            // Dual: (AAᵀ + mσ²I)·Z = Y, X = Aᵀ·Z.
            var g = Gram(Transposed(a), n, m);
            AddToDiagonal(g, diag);
            var z = CholeskySolve(g, y, m, n, sigma);
            return DenseMath.TransposeAndMultiply(a, z);
        }
        var gram = Gram(ColumnMajor(a), m, n);
        AddToDiagonal(gram, diag);
        return CholeskySolve(gram, DenseMath.TransposeAndMultiply(a, y), m, n, sigma);
    }

    /// <summary>
    /// The L2 core with a per-neuron σᵢ: (AᵀA + m·diag(σᵢ²))·X = AᵀY, solved by Cholesky in the primal form.
    /// </summary>
    /// <param name="a">Activities, m × n.</param>
    /// <param name="y">Targets, m × k.</param>
    /// <param name="sigmas">One σ per neuron (length n).</param>
    /// <returns>X, n × k.</returns>
    /// <exception cref="ArgumentException">When the shapes do not agree or a σ is not finite.</exception>
    /// <exception cref="BuildError">When the system is not positive definite.</exception>
    public static Matrix<double> SolveL2(Matrix<double> a, Matrix<double> y, double[] sigmas)
    {
        CheckShapes(a, y);
        ArgumentNullException.ThrowIfNull(sigmas);
        int m = a.RowCount, n = a.ColumnCount;
        if (sigmas.Length != n)
            throw new ArgumentException($"Expected {n} sigmas (one per neuron), got {sigmas.Length}.", nameof(sigmas));
        if (!sigmas.All(double.IsFinite)) throw new ArgumentException("sigmas must be finite.", nameof(sigmas));
        if (n == 0) return Matrix<double>.Build.Dense(0, y.ColumnCount);
        var gram = Gram(ColumnMajor(a), m, n);
        for (int i = 0; i < n; i++) gram[i, i] += m * sigmas[i] * sigmas[i];
        return CholeskySolve(gram, DenseMath.TransposeAndMultiply(a, y), m, n, sigmas.Max());
    }

    /// <summary>
    /// The Gram matrix of the columns of a column-major matrix: G[p, q] = (column p)·(column q), i.e. AᵀA
    /// for A (rows × cols) stored column by column. Symmetric; computed on the upper triangle with a cache-blocked,
    /// vectorised 4×2 kernel, in parallel over column panels, then mirrored.
    /// </summary>
    /// <param name="a">The matrix, column-major, length rows·cols.</param>
    /// <param name="rows">Its number of rows (the length of the dot products).</param>
    /// <param name="cols">Its number of columns (the size of the result).</param>
    /// <returns>The cols × cols Gram matrix.</returns>
    /// <exception cref="ArgumentException">When the array is too short.</exception>
    public static Matrix<double> Gram(double[] a, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (rows < 0 || cols < 0 || a.Length < (long)rows * cols)
            throw new ArgumentException($"Expected at least {rows}x{cols} values, got {a.Length}.", nameof(a));
        int n = cols, m = rows;
        var g = new double[(long)n * n];
        int panels = (n + GramPanel - 1) / GramPanel;
        bool parallel = (double)m * n * n > 4e6 && panels > 1;
        for (int r0 = 0; r0 < m; r0 += GramRowChunk)
        {
            int len = Math.Min(GramRowChunk, m - r0);
            if (parallel)
                Parallel.For(0, panels, panel => GramPanelUpdate(a, m, n, r0, len, panel, g));
            else
                for (int panel = 0; panel < panels; panel++) GramPanelUpdate(a, m, n, r0, len, panel, g);
        }
        // Mirror the upper triangle (p ≤ q) into the lower one.
        for (int q = 0; q < n; q++)
            for (int p = q + 1; p < n; p++)
                g[p + (long)q * n] = g[q + (long)p * n];
        return Matrix<double>.Build.Dense(n, n, g);
    }

    private const int GramRowChunk = 512; // rows per pass: one column chunk is 4 KiB
    private const int GramPanel = 32;     // columns q per task: a panel chunk is 128 KiB (L2)

    private static void GramPanelUpdate(double[] a, int m, int n, int r0, int len, int panel, double[] g)
    {
        int q0 = panel * GramPanel, q1 = Math.Min(n, q0 + GramPanel);
        for (int p = 0; p < q1; p += 4)
        {
            if (p + 4 > n)
            {
                // Fewer than 4 columns left: plain dot products for the entries with p' ≤ q.
                for (int pp = p; pp < n; pp++)
                    for (int qq = Math.Max(q0, pp); qq < q1; qq++)
                        g[pp + (long)qq * n] += Dot(a, (long)pp * m + r0, (long)qq * m + r0, len);
                continue;
            }
            int q = Math.Max(q0, p);
            for (; q + 1 < q1; q += 2) Kernel4x2(a, m, n, r0, len, p, q, g);
            if (q < q1)
                for (int pp = p; pp < p + 4; pp++)
                    g[pp + (long)q * n] += Dot(a, (long)pp * m + r0, (long)q * m + r0, len);
        }
    }

    private static double Dot(double[] a, long x, long y, int len)
    {
        ref double bx = ref a[x];
        ref double by = ref a[y];
        int w = System.Numerics.Vector<double>.Count, i = 0;
        var acc = System.Numerics.Vector<double>.Zero;
        for (; i + w <= len; i += w)
            acc = SimdVector.MultiplyAddEstimate(SimdVector.LoadUnsafe(ref bx, (nuint)i), SimdVector.LoadUnsafe(ref by, (nuint)i), acc);
        double s = SimdVector.Sum(acc);
        for (; i < len; i++) s += Unsafe.Add(ref bx, i) * Unsafe.Add(ref by, i);
        return s;
    }

    // Adds the dots of columns p..p+3 with columns q, q+1 over rows [r0, r0+len) into g.
    private static void Kernel4x2(double[] a, int m, int n, int r0, int len, int p, int q, double[] g)
    {
        ref double p0 = ref a[(long)p * m + r0];
        ref double p1 = ref Unsafe.Add(ref p0, m);
        ref double p2 = ref Unsafe.Add(ref p1, m);
        ref double p3 = ref Unsafe.Add(ref p2, m);
        ref double qa = ref a[(long)q * m + r0];
        ref double qb = ref Unsafe.Add(ref qa, m);
        var c0a = System.Numerics.Vector<double>.Zero; var c0b = System.Numerics.Vector<double>.Zero;
        var c1a = System.Numerics.Vector<double>.Zero; var c1b = System.Numerics.Vector<double>.Zero;
        var c2a = System.Numerics.Vector<double>.Zero; var c2b = System.Numerics.Vector<double>.Zero;
        var c3a = System.Numerics.Vector<double>.Zero; var c3b = System.Numerics.Vector<double>.Zero;
        int w = System.Numerics.Vector<double>.Count, i = 0;
        for (; i + w <= len; i += w)
        {
            nuint o = (nuint)i;
            var va = SimdVector.LoadUnsafe(ref qa, o);
            var vb = SimdVector.LoadUnsafe(ref qb, o);
            var v = SimdVector.LoadUnsafe(ref p0, o);
            c0a = SimdVector.MultiplyAddEstimate(v, va, c0a); c0b = SimdVector.MultiplyAddEstimate(v, vb, c0b);
            v = SimdVector.LoadUnsafe(ref p1, o);
            c1a = SimdVector.MultiplyAddEstimate(v, va, c1a); c1b = SimdVector.MultiplyAddEstimate(v, vb, c1b);
            v = SimdVector.LoadUnsafe(ref p2, o);
            c2a = SimdVector.MultiplyAddEstimate(v, va, c2a); c2b = SimdVector.MultiplyAddEstimate(v, vb, c2b);
            v = SimdVector.LoadUnsafe(ref p3, o);
            c3a = SimdVector.MultiplyAddEstimate(v, va, c3a); c3b = SimdVector.MultiplyAddEstimate(v, vb, c3b);
        }
        double s0a = SimdVector.Sum(c0a), s0b = SimdVector.Sum(c0b), s1a = SimdVector.Sum(c1a), s1b = SimdVector.Sum(c1b);
        double s2a = SimdVector.Sum(c2a), s2b = SimdVector.Sum(c2b), s3a = SimdVector.Sum(c3a), s3b = SimdVector.Sum(c3b);
        for (; i < len; i++)
        {
            double xa = Unsafe.Add(ref qa, i), xb = Unsafe.Add(ref qb, i);
            double y0 = Unsafe.Add(ref p0, i), y1 = Unsafe.Add(ref p1, i), y2 = Unsafe.Add(ref p2, i), y3 = Unsafe.Add(ref p3, i);
            s0a += y0 * xa; s0b += y0 * xb; s1a += y1 * xa; s1b += y1 * xb;
            s2a += y2 * xa; s2b += y2 * xb; s3a += y3 * xa; s3b += y3 * xb;
        }
        long ca = (long)q * n + p, cb = ca + n;
        g[ca] += s0a; g[ca + 1] += s1a; g[ca + 2] += s2a; g[ca + 3] += s3a;
        g[cb] += s0b; g[cb + 1] += s1b; g[cb + 2] += s2b; g[cb + 3] += s3b;
    }

    private static double[] ColumnMajor(Matrix<double> a) => a.AsColumnMajorArray() ?? a.ToColumnMajorArray();

    // Aᵀ in column-major order (= A in row-major order): the rows of A become contiguous columns.
    private static double[] Transposed(Matrix<double> a) => a.AsRowMajorArray() ?? a.ToRowMajorArray();

    internal static void CheckShapes(Matrix<double> a, Matrix<double> y)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(y);
        if (a.RowCount != y.RowCount)
            throw new ArgumentException(
                $"A ({a.RowCount}x{a.ColumnCount}) and Y ({y.RowCount}x{y.ColumnCount}) must have the same number of rows (eval points).");
    }

    private static void AddToDiagonal(Matrix<double> g, double value)
    {
        if (value == 0) return;
        for (int i = 0; i < g.RowCount; i++) g[i, i] += value;
    }

    private static Matrix<double> CholeskySolve(Matrix<double> g, Matrix<double> rhs, int m, int n, double sigma)
    {
        Matrix<double> x;
        try
        {
            x = DenseMath.CholeskySolve(g, rhs) ?? throw NotPositiveDefinite(m, n, sigma, null);
        }
        catch (ArgumentException ex)
        {
            throw NotPositiveDefinite(m, n, sigma, ex);
        }
        foreach (double v in x.Enumerate())
            if (!double.IsFinite(v)) throw NotPositiveDefinite(m, n, sigma, null);
        return x;
    }

    private static BuildError NotPositiveDefinite(int m, int n, double sigma, Exception? inner) =>
        new($"L2 decoder solve failed: the regularised system for {m} eval points and {n} neurons " +
            $"(sigma = {Check.Show(sigma)}) is not positive definite. The activities are probably rank deficient " +
            "(e.g. silent neurons or too few eval points); use a positive regularisation (reg > 0).", inner);
}
