using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Numerics;
using Nengo.Graph;

namespace Nengo.Builder.Builders;

/// <summary>
/// Decoder solves that one build asks for more than once: a probe on an ensemble and an identity connection
/// out of it (or two connections computing the same function) give the same deterministic solver the same
/// activities and the same targets, so the result is the same. Each distinct problem is solved once per build;
/// the others get its result. A problem is the pre ensemble and eval points (by reference), the solver (by
/// value) and the targets (by SHA-256 of their values, so an impure function that returns different targets
/// is solved again). Only solvers that never use their random generator are shared.
/// </summary>
internal sealed class SharedSolves
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(BuiltEnsemble Pre, Matrix<double> Points, Solver Solver, string Targets), SolverResult> _results
        = new(new ProblemComparer());

    /// <summary>Whether <paramref name="implementation"/> is one of the built-in solvers that ignore their random generator.</summary>
    public static bool IsDeterministic(IDecoderSolver implementation) =>
        implementation is LstsqL2Solver or LstsqL2nzSolver or LstsqSolver or NnlsSolver or NnlsL2Solver or NnlsL2nzSolver;

    /// <summary>The result of the problem, solved by <paramref name="solve"/> the first time it is asked for.</summary>
    public SolverResult GetOrSolve(BuiltEnsemble pre, Matrix<double> points, Solver solver, Matrix<double> targets, Func<SolverResult> solve)
    {
        var key = (pre, points, solver, Hash(targets));
        if (_results.TryGetValue(key, out var known)) return known;
        var result = solve();   // not under a lock: other problems solve in parallel (two equal ones at once both solve; the results are equal)
        _results.TryAdd(key, result);
        return result;
    }

    private static string Hash(Matrix<double> targets)
    {
        var values = targets.AsColumnMajorArray() ?? targets.ToColumnMajorArray();
        return $"{targets.RowCount}x{targets.ColumnCount}:{Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())))}";
    }

    /// <summary>Ensemble and eval points by reference (value equality of their matrices would cost more than a solve), solver and hash by value.</summary>
    private sealed class ProblemComparer : IEqualityComparer<(BuiltEnsemble Pre, Matrix<double> Points, Solver Solver, string Targets)>
    {
        public bool Equals((BuiltEnsemble Pre, Matrix<double> Points, Solver Solver, string Targets) a, (BuiltEnsemble Pre, Matrix<double> Points, Solver Solver, string Targets) b) =>
            ReferenceEquals(a.Pre, b.Pre) && ReferenceEquals(a.Points, b.Points) && a.Solver == b.Solver && a.Targets == b.Targets;

        public int GetHashCode((BuiltEnsemble Pre, Matrix<double> Points, Solver Solver, string Targets) k) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Pre), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Points), k.Solver, k.Targets);
    }
}
