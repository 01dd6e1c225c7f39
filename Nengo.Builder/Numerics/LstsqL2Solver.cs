using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="LstsqL2"/> (NEF.md §5): σ = reg·max(A), then the L2 core
/// (AᵀA + m·σ²·I)·X = AᵀY solved by Cholesky, or its dual form X = Aᵀ(AAᵀ + m·σ²·I)⁻¹Y when there are
/// fewer eval points than neurons. The L2 core itself is public for other solvers that reuse it.
/// </summary>
public sealed class LstsqL2Solver : IDecoderSolver, IFactoringSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="LstsqL2"/> or the shapes do not agree.</exception>
    /// <exception cref="ValidationError">When the regularisation is negative or not finite.</exception>
    /// <exception cref="BuildError">When the regularised system is not positive definite.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var factor = Prepare(solver, A);
        try { return Solve(factor, A, Y); }
        finally { ScratchArrays.Return(factor.L); }
    }

    object IFactoringSolver.Prepare(Solver solver, Matrix<double> A) => Prepare(solver, A);

    SolverResult IFactoringSolver.Solve(Solver solver, object prepared, Matrix<double> A, Matrix<double> Y) => Solve((L2Factor)prepared, A, Y);

    void IFactoringSolver.Release(object prepared) => ScratchArrays.Return(((L2Factor)prepared).L);

    private static L2Factor Prepare(Solver solver, Matrix<double> A)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(A);
        if (solver is not LstsqL2 l2)
            throw new ArgumentException($"{nameof(LstsqL2Solver)} solves {nameof(LstsqL2)}, got {solver.GetType().Name}.", nameof(solver));
        double reg = Check.NonNegative(l2.Reg, nameof(LstsqL2), nameof(l2.Reg));
        double sigma = reg * (A.RowCount * A.ColumnCount == 0 ? 0.0 : SolverHelpers.Max(A));
        return Factor(A, sigma);
    }

    private static SolverResult Solve(L2Factor factor, Matrix<double> A, Matrix<double> Y)
    {
        CheckShapes(A, Y);
        return SolverResult.FromSolution(A, SolveFactored(factor, A, Y), Y);
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
        var factor = Factor(a, sigma);
        try { return SolveFactored(factor, a, y); }
        finally { ScratchArrays.Return(factor.L); }
    }

    /// <summary>What the scalar-σ core needs of A alone: the Cholesky factor of AᵀA + mσ²I (primal, m ≥ n) or of AAᵀ + mσ²I (dual).</summary>
    /// <param name="M">Eval points.</param>
    /// <param name="N">Neurons.</param>
    /// <param name="Sigma">σ.</param>
    /// <param name="Dual">Whether the factor is of AAᵀ + mσ²I.</param>
    /// <param name="L">The factor, row-major; null when the system is not positive definite (or there are no neurons).</param>
    /// <param name="Order">Primal: the neurons in the order of the factor's rows (<see cref="GramMatrix.ComputeInTileOrder"/>); null for 0, 1, ….</param>
    private sealed record L2Factor(int M, int N, double Sigma, bool Dual, double[]? L, int[]? Order = null);

    private static L2Factor Factor(Matrix<double> a, double sigma)
    {
        int m = a.RowCount, n = a.ColumnCount;
        if (n == 0) return new L2Factor(m, n, sigma, false, null);
        bool dual = m < n;
        int size = dual ? m : n;
        // The Gram array is exactly symmetric (mirrored), so it is its own row-major copy: factored in place. The
        // primal one stays in the Gram's column order (the ridge is the same for every neuron); the solve permutes.
        int[]? order = null;
        var g = dual ? GramMatrix.Compute(Transposed(a), n, m) : GramMatrix.ComputeInTileOrder(ColumnMajor(a), m, n, out order);
        double ridge = m * sigma * sigma;
        for (int i = 0; i < size; i++) g[(long)i * size + i] += ridge;
        if (Cholesky.Factor(g, size)) return new L2Factor(m, n, sigma, dual, g, order);
        ScratchArrays.Return(g);
        return new L2Factor(m, n, sigma, dual, null);
    }

    // Primal: (AᵀA + mσ²I)·X = AᵀY. Dual: (AAᵀ + mσ²I)·Z = Y, X = Aᵀ·Z.
    private static Matrix<double> SolveFactored(L2Factor f, Matrix<double> a, Matrix<double> y)
    {
        if (f.N == 0) return Matrix<double>.Build.Dense(0, y.ColumnCount);
        if (f.L is null) throw NotPositiveDefinite(f.M, f.N, f.Sigma, null);
        if (f.Dual)
        {
            var z = DenseMath.CholeskySolveFactored(f.L, y);
            CheckFinite(z, f);
            return DenseMath.TransposeAndMultiply(a, z);
        }
        var rhs = DenseMath.TransposeAndMultiply(a, y);
        if (f.Order is not { } order)
        {
            var x = DenseMath.CholeskySolveFactored(f.L, rhs);
            CheckFinite(x, f);
            return x;
        }
        // G'·x' = Pᵀ·AᵀY with G' = PᵀGP, then x = P·x'.
        var permuted = DenseMath.CholeskySolveFactored(f.L, Matrix<double>.Build.Dense(f.N, rhs.ColumnCount, (i, j) => rhs[order[i], j]));
        CheckFinite(permuted, f);
        var solution = Matrix<double>.Build.Dense(f.N, rhs.ColumnCount);
        for (int i = 0; i < f.N; i++)
            for (int j = 0; j < rhs.ColumnCount; j++) solution[order[i], j] = permuted[i, j];
        return solution;
    }

    private static void CheckFinite(Matrix<double> x, L2Factor f)
    {
        foreach (double v in x.Enumerate())
            if (!double.IsFinite(v)) throw NotPositiveDefinite(f.M, f.N, f.Sigma, null);
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
    /// register-tiled 4×3 SIMD kernel, in parallel over column panels, then mirrored.
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
        return Matrix<double>.Build.Dense(cols, cols, GramMatrix.Compute(a, rows, cols));
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
