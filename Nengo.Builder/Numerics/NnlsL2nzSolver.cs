using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="NnlsL2nz"/> (NEF.md §5): per-neuron σᵢ = reg·max|A|·sqrt(fraction of eval points
/// where neuron i is active, A &gt; 0), as <see cref="LstsqL2nz"/> but with σᵢ = 0 replaced by 1; then NNLS on the
/// regularised normal equations as <see cref="NnlsL2Solver.SolveRegularized"/>.
/// </summary>
/// <remarks>The default solver inside BasalGanglia.</remarks>
public sealed class NnlsL2nzSolver : IDecoderSolver, IFactoringSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="NnlsL2nz"/>, the shapes do not agree or a value is not finite.</exception>
    /// <exception cref="ValidationError">When reg is negative or not finite.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var prepared = Prepare(solver, A);
        try { return NnlsL2Solver.SolveWith(prepared, A, Y); }
        finally { prepared.Release(); }
    }

    /// <inheritdoc cref="IFactoringSolver.Prepare"/>
    object IFactoringSolver.Prepare(Solver solver, Matrix<double> A) => Prepare(solver, A);

    /// <inheritdoc cref="IFactoringSolver.Solve(Solver, object, Matrix{double}, Matrix{double})"/>
    SolverResult IFactoringSolver.Solve(Solver solver, object prepared, Matrix<double> A, Matrix<double> Y) =>
        NnlsL2Solver.SolveWith((NnlsL2Solver.Regularized)prepared, A, Y);

    /// <inheritdoc cref="IFactoringSolver.Release"/>
    void IFactoringSolver.Release(object prepared) => ((NnlsL2Solver.Regularized)prepared).Release();

    private static NnlsL2Solver.Regularized Prepare(Solver solver, Matrix<double> A)
    {
        var desc = SolverHelpers.Expect<NnlsL2nz>(solver, nameof(NnlsL2nzSolver));
        double reg = Check.NonNegative(desc.Reg, nameof(NnlsL2nz), nameof(desc.Reg));
        ArgumentNullException.ThrowIfNull(A);
        return NnlsL2Solver.PrepareRegularized(A, Sigmas(A, reg));
    }

    /// <summary>The per-neuron σᵢ = reg·max|A|·sqrt(fraction of rows with Aᵢ &gt; 0), zeros replaced by 1.</summary>
    /// <param name="a">Activities, m × n.</param>
    /// <param name="reg">The regularisation.</param>
    /// <returns>n values.</returns>
    public static double[] Sigmas(Matrix<double> a, double reg)
    {
        ArgumentNullException.ThrowIfNull(a);
        return SolverHelpers.ActiveFractionSigmas(a, reg, zeroReplacement: 1.0);
    }
}
