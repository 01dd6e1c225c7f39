using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics behind one kind of <see cref="Solver"/> description: solves A·X ≈ Y for X.
/// Implementations are stateless and registered in a <see cref="SolverRegistry"/>.
/// </summary>
public interface IDecoderSolver
{
    /// <summary>Solves for decoders (or weights) from activities and targets.</summary>
    /// <param name="solver">The solver description (its parameters, e.g. the regularisation).</param>
    /// <param name="A">The activities at the eval points, m × n (eval points × neurons).</param>
    /// <param name="Y">The targets at the eval points, m × k.</param>
    /// <param name="rng">Randomness for solvers that need it (noise-adding solvers); deterministic ones ignore it.</param>
    /// <returns>X (n × k) and the per-column RMS error.</returns>
    SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng);
}
