using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="LstsqDrop"/> (NEF.md §5): solve with <see cref="LstsqDrop.Solver1"/>; take the
/// threshold t = the entry at index round(drop·size) of the sorted |X| (over the whole matrix, round half to even
/// as numpy); zero every entry with |X| &lt; t; then re-solve each column with <see cref="LstsqDrop.Solver2"/> on the
/// neurons whose entry in that column survived (columns with none stay zero).
/// </summary>
/// <remarks>
/// The sub-solvers are looked up in the registry this implementation was created with, so replacing e.g. the
/// <see cref="LstsqL2"/> implementation there also changes the sub-solves. They are used as plain function-space
/// solvers: their own <see cref="Solver.Weights"/> flag plays no part. The build's rng is passed to both, in order.
/// </remarks>
public sealed class LstsqDropSolver : IDecoderSolver
{
    private readonly SolverRegistry _registry;

    /// <summary>Creates the implementation.</summary>
    /// <param name="registry">Where the sub-solvers' implementations are found (usually the registry this is registered in).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="registry"/> is null.</exception>
    public LstsqDropSolver(SolverRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="LstsqDrop"/> or the shapes do not agree.</exception>
    /// <exception cref="ValidationError">When drop is outside [0, 1).</exception>
    /// <exception cref="BuildError">When a sub-solver has no implementation or fails.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var desc = SolverHelpers.Expect<LstsqDrop>(solver, nameof(LstsqDropSolver));
        double drop = desc.Drop;
        Check.That(drop >= 0 && drop < 1, nameof(LstsqDrop), nameof(desc.Drop), "must be in [0, 1)", drop);
        LstsqL2Solver.CheckShapes(A, Y);
        int m = A.RowCount, n = A.ColumnCount, k = Y.ColumnCount;

        var x = _registry.Get(desc.Solver1).Solve(desc.Solver1, A, Y, rng).X;
        if (x.RowCount != n || x.ColumnCount != k)
            throw new BuildError($"{nameof(LstsqDrop)}: solver1 ({desc.Solver1.GetType().Name}) returned a {x.RowCount}x{x.ColumnCount} solution; expected {n}x{k}.");
        x = x.Clone();
        int size = n * k;
        if (size == 0) return SolverResult.FromSolution(A, x, Y);

        var sorted = SolverHelpers.ColumnMajor(x).Select(Math.Abs).ToArray();
        Array.Sort(sorted);
        int index = Math.Min((int)Math.Round(drop * size, MidpointRounding.ToEven), size - 1);
        double threshold = sorted[index];
        x.MapInplace(v => Math.Abs(v) < threshold ? 0.0 : v, Zeros.Include);

        var aData = SolverHelpers.ColumnMajor(A);
        var keep = new List<int>(n);
        for (int col = 0; col < k; col++)
        {
            keep.Clear();
            for (int i = 0; i < n; i++)
                if (x[i, col] != 0) keep.Add(i);
            if (keep.Count == 0) continue;
            var sub = SubColumns(aData, m, keep);
            var yCol = Y.SubMatrix(0, m, col, 1);
            var xs = _registry.Get(desc.Solver2).Solve(desc.Solver2, sub, yCol, rng).X;
            if (xs.RowCount != keep.Count || xs.ColumnCount != 1)
                throw new BuildError($"{nameof(LstsqDrop)}: solver2 ({desc.Solver2.GetType().Name}) returned a {xs.RowCount}x{xs.ColumnCount} solution; expected {keep.Count}x1.");
            for (int i = 0; i < n; i++) x[i, col] = 0;
            for (int c = 0; c < keep.Count; c++) x[keep[c], col] = xs[c, 0];
        }
        return SolverResult.FromSolution(A, x, Y);
    }

    // The columns `keep` of a column-major m-row matrix, as a new dense matrix.
    private static Matrix<double> SubColumns(double[] a, int m, List<int> keep)
    {
        var data = new double[(long)m * keep.Count];
        for (int c = 0; c < keep.Count; c++) Array.Copy(a, (long)keep[c] * m, data, (long)c * m, m);
        return Matrix<double>.Build.Dense(m, keep.Count, data);
    }
}
