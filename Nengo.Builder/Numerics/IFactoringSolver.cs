using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// A deterministic solver whose work splits into a part that depends on the activities only (a factorisation of
/// their regularised Gram matrix) and a part per set of targets. Connections out of one ensemble that compute
/// different functions with the same eval points and solver share the first part (<see cref="Builders.DecoderSolving"/>);
/// <see cref="IDecoderSolver.Solve"/> is <see cref="Prepare"/> followed by <see cref="Solve(Solver, object, Matrix{double}, Matrix{double})"/>,
/// so a shared solve gives bit for bit what a separate one gives.
/// </summary>
internal interface IFactoringSolver : IDecoderSolver
{
    /// <summary>Validates the description and does the work that depends on <paramref name="A"/> only.</summary>
    /// <param name="solver">The solver description.</param>
    /// <param name="A">The activities, m × n.</param>
    /// <returns>The prepared state (immutable: it may be used from several threads at once).</returns>
    object Prepare(Solver solver, Matrix<double> A);

    /// <summary>Solves for one set of targets with the state <see cref="Prepare"/> returned for the same description and activities.</summary>
    /// <param name="solver">The solver description.</param>
    /// <param name="prepared">What <see cref="Prepare"/> returned.</param>
    /// <param name="A">The activities it was prepared from.</param>
    /// <param name="Y">The targets, m × k.</param>
    /// <returns>X (n × k) and the per-column RMS error.</returns>
    SolverResult Solve(Solver solver, object prepared, Matrix<double> A, Matrix<double> Y);

    /// <summary>The prepared state will not be used again: its arrays go back to <see cref="ScratchArrays"/>.</summary>
    /// <param name="prepared">What <see cref="Prepare"/> returned.</param>
    void Release(object prepared);
}
