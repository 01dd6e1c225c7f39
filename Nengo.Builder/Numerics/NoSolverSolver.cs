using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="NoSolver"/> (NEF.md §5): returns the given values (n_neurons × size_mid) as the
/// solution, or zeros of that shape when none are given. Nothing is solved.
/// </summary>
public sealed class NoSolverSolver : IDecoderSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not a <see cref="NoSolver"/> or the shapes of A and Y do not agree.</exception>
    /// <exception cref="BuildError">When the given values are not n_neurons × size_mid.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var desc = SolverHelpers.Expect<NoSolver>(solver, nameof(NoSolverSolver));
        LstsqL2Solver.CheckShapes(A, Y);
        int n = A.ColumnCount, k = Y.ColumnCount;
        var values = desc.Values;
        Matrix<double> x;
        if (values is null)
            x = Matrix<double>.Build.Dense(n, k);
        else
        {
            int rows = values.GetLength(0), cols = values.GetLength(1);
            if (rows != n || cols != k)
                throw new BuildError(
                    $"{nameof(NoSolver)} values have shape ({rows}, {cols}); expected ({n}, {k}) " +
                    $"(n_neurons × size_mid: {n} pre neurons, {k} decoded dimensions).");
            x = Matrix<double>.Build.DenseOfArray(values);
        }
        return SolverResult.FromSolution(A, x, Y);
    }
}
