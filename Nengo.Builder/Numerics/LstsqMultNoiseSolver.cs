using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="LstsqMultNoise"/> (NEF.md §5): multiplicative Gaussian noise,
/// A ← A + A ⊙ N(0, noise²) (drawn from the build's rng, row by row), then the L2 core with σ = 0
/// (<see cref="LstsqL2Solver.SolveL2(Matrix{double}, Matrix{double}, double)"/>) solves on the noisy activities.
/// </summary>
/// <remarks><see cref="SolverResult.Rmses"/> measures the decoders on the noise-free activities.</remarks>
public sealed class LstsqMultNoiseSolver : IDecoderSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="LstsqMultNoise"/> or the shapes do not agree.</exception>
    /// <exception cref="ValidationError">When noise is negative or not finite.</exception>
    /// <exception cref="BuildError">When the noisy system is not positive definite (e.g. silent neurons, which stay silent).</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var desc = SolverHelpers.Expect<LstsqMultNoise>(solver, nameof(LstsqMultNoiseSolver));
        ArgumentNullException.ThrowIfNull(rng);
        double noise = Check.NonNegative(desc.Noise, nameof(LstsqMultNoise), nameof(desc.Noise));
        LstsqL2Solver.CheckShapes(A, Y);
        int m = A.RowCount, n = A.ColumnCount;
        var noisy = A.Clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                noisy[i, j] *= 1.0 + noise * rng.NextGaussian();
        var x = LstsqL2Solver.SolveL2(noisy, Y, 0.0);
        return SolverResult.FromSolution(A, x, Y);
    }
}
