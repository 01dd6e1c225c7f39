using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Graph;

/// <summary>The parameters the builder chose for a connection (<c>sim.Data[connection]</c>).</summary>
/// <param name="Weights">The weights applied to the pre signal: decoders·transform (size_out × n_pre), full weights (n_post × n_pre), or the transform itself; null for an identity.</param>
/// <param name="EvalPoints">The eval points used to solve decoders (null when not decoded).</param>
/// <param name="SolverInfo">Solver diagnostics; <see cref="SolverInfo.Rmses"/> per decoded dimension.</param>
/// <remarks>Nengo equivalent: <c>BuiltConnection</c>.</remarks>
public sealed record BuiltConnection(Matrix<double>? Weights, Matrix<double>? EvalPoints, SolverInfo? SolverInfo);

/// <summary>What the solver reported.</summary>
/// <param name="Rmses">RMS error of A·X − Y over the eval points, per target column.</param>
/// <param name="Solver">The solver used.</param>
public sealed record SolverInfo(double[] Rmses, Solver Solver);
