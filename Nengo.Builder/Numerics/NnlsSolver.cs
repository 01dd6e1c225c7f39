using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="Nnls"/> (NEF.md §5): unregularised non-negative least squares, min ‖A·xⱼ − yⱼ‖
/// subject to xⱼ ≥ 0 for every target column, by Lawson–Hanson (<see cref="NonNegativeLeastSquares"/>).
/// </summary>
public sealed class NnlsSolver : IDecoderSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="Nnls"/>, the shapes do not agree or a value is not finite.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        SolverHelpers.Expect<Nnls>(solver, nameof(NnlsSolver));
        LstsqL2Solver.CheckShapes(A, Y);
        var x = NonNegativeLeastSquares.Solve(A, Y);
        return SolverResult.FromSolution(A, x, Y);
    }
}
