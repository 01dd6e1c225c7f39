using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="NnlsL2"/> (NEF.md §5): σ = reg·max(A), then non-negative least squares on the
/// regularised normal equations G·x = cⱼ with G = AᵀA + m·σ²·I and c = Aᵀ·max(Y, 0) (targets clipped at 0),
/// per target column.
/// </summary>
/// <remarks>
/// As Nengo, the normal equations are treated as a least-squares system in their own right: each column solves
/// min ‖G·x − cⱼ‖ subject to x ≥ 0 (NNLS with G as the matrix and cⱼ as the right-hand side), i.e.
/// <see cref="NonNegativeLeastSquares.SolveGram(Matrix{double}, Matrix{double}, int?)"/> on GᵀG = G² and Gᵀc = G·c.
/// Where no constraint is active this is the regularised least-squares solution; where some are, it is not the
/// minimiser of ‖A·x − y‖² + m·σ²‖x‖² over x ≥ 0, but it is what Nengo computes.
/// </remarks>
public sealed class NnlsL2Solver : IDecoderSolver, IFactoringSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="NnlsL2"/>, the shapes do not agree or a value is not finite.</exception>
    /// <exception cref="ValidationError">When reg is negative or not finite.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var prepared = Prepare(solver, A);
        try { return SolveWith(prepared, A, Y); }
        finally { prepared.Release(); }
    }

    /// <inheritdoc cref="IFactoringSolver.Prepare"/>
    object IFactoringSolver.Prepare(Solver solver, Matrix<double> A) => Prepare(solver, A);

    /// <inheritdoc cref="IFactoringSolver.Solve(Solver, object, Matrix{double}, Matrix{double})"/>
    SolverResult IFactoringSolver.Solve(Solver solver, object prepared, Matrix<double> A, Matrix<double> Y) => SolveWith((Regularized)prepared, A, Y);

    /// <inheritdoc cref="IFactoringSolver.Release"/>
    void IFactoringSolver.Release(object prepared) => ((Regularized)prepared).Release();

    private static Regularized Prepare(Solver solver, Matrix<double> A)
    {
        var desc = SolverHelpers.Expect<NnlsL2>(solver, nameof(NnlsL2Solver));
        double reg = Check.NonNegative(desc.Reg, nameof(NnlsL2), nameof(desc.Reg));
        ArgumentNullException.ThrowIfNull(A);
        double sigma = reg * SolverHelpers.Max(A);
        return PrepareRegularized(A, Enumerable.Repeat(sigma, A.ColumnCount).ToArray());
    }

    /// <summary>
    /// NNLS on the regularised normal equations: per column j, min ‖G·x − cⱼ‖ over x ≥ 0 with
    /// G = AᵀA + m·diag(σᵢ²) and c = Aᵀ·max(Y, 0).
    /// </summary>
    /// <param name="a">Activities, m × n.</param>
    /// <param name="y">Targets, m × k (clipped at 0 here).</param>
    /// <param name="sigmas">One σ per neuron (length n).</param>
    /// <returns>X, n × k, all entries ≥ 0.</returns>
    /// <exception cref="ArgumentException">When the shapes do not agree or a value is not finite.</exception>
    public static Matrix<double> SolveRegularized(Matrix<double> a, Matrix<double> y, double[] sigmas)
    {
        LstsqL2Solver.CheckShapes(a, y);
        var prepared = PrepareRegularized(a, sigmas);
        try { return Finish(prepared, a, y); }
        finally { prepared.Release(); }
    }

    /// <summary>What the regularised NNLS needs of A alone: G = AᵀA + m·diag(σᵢ²) and its own Gram matrix GᵀG = G².</summary>
    /// <param name="G">G (null when there are no neurons).</param>
    /// <param name="GG">G² (null when there are no neurons).</param>
    internal sealed record Regularized(Matrix<double>? G, Matrix<double>? GG)
    {
        /// <summary>G and G² will not be used again (both are over arrays from <see cref="GramMatrix"/>).</summary>
        public void Release()
        {
            ScratchArrays.Return(G?.AsColumnMajorArray());
            ScratchArrays.Return(GG?.AsColumnMajorArray());
        }
    }

    /// <summary>G and G² of <see cref="SolveRegularized"/> for activities <paramref name="a"/>.</summary>
    internal static Regularized PrepareRegularized(Matrix<double> a, double[] sigmas)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(sigmas);
        int m = a.RowCount, n = a.ColumnCount;
        if (sigmas.Length != n)
            throw new ArgumentException($"Expected {n} sigmas (one per neuron), got {sigmas.Length}.", nameof(sigmas));
        if (!sigmas.All(double.IsFinite)) throw new ArgumentException("sigmas must be finite.", nameof(sigmas));
        if (n == 0) return new Regularized(null, null);
        var g = SolverHelpers.GramOf(a);
        for (int i = 0; i < n; i++) g[i, i] += m * sigmas[i] * sigmas[i];
        // min ‖G·x − c‖ in normal-equation form: (GᵀG)·x = Gᵀc, G symmetric (GᵀG is G's own Gram matrix: the
        // blocked kernel of the least-squares solvers, not a general matrix product).
        return new Regularized(g, SolverHelpers.GramOf(g));
    }

    /// <summary>The solution for targets <paramref name="y"/> from <see cref="PrepareRegularized"/>'s state.</summary>
    internal static Matrix<double> Finish(Regularized r, Matrix<double> a, Matrix<double> y)
    {
        if (r.G is null) return Matrix<double>.Build.Dense(0, y.ColumnCount);
        var c = DenseMath.TransposeAndMultiply(a, y.PointwiseMaximum(0.0));
        return NonNegativeLeastSquares.SolveGram(r.GG!, DenseMath.Multiply(r.G, c));
    }

    /// <summary>Checks the shapes, then <see cref="Finish"/> and the RMS errors.</summary>
    internal static SolverResult SolveWith(Regularized r, Matrix<double> A, Matrix<double> Y)
    {
        LstsqL2Solver.CheckShapes(A, Y);
        return SolverResult.FromSolution(A, Finish(r, A, Y), Y);
    }
}
