using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="LstsqL2nz"/> (NEF.md §5): per-neuron σᵢ = reg·max|A|·sqrt(fraction of eval
/// points where neuron i is active, A &gt; 0); σᵢ = 0 (silent neurons) is replaced by the largest σᵢ. Then
/// the L2 core (AᵀA + m·diag(σᵢ²))·X = AᵀY by Cholesky.
/// </summary>
public sealed class LstsqL2nzSolver : IDecoderSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="LstsqL2nz"/> or the shapes do not agree.</exception>
    /// <exception cref="ValidationError">When the regularisation is negative or not finite.</exception>
    /// <exception cref="BuildError">When the regularised system is not positive definite.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (solver is not LstsqL2nz l2nz)
            throw new ArgumentException($"{nameof(LstsqL2nzSolver)} solves {nameof(LstsqL2nz)}, got {solver.GetType().Name}.", nameof(solver));
        double reg = Check.NonNegative(l2nz.Reg, nameof(LstsqL2nz), nameof(l2nz.Reg));
        LstsqL2Solver.CheckShapes(A, Y);
        var sigmas = Sigmas(A, reg);
        var x = LstsqL2Solver.SolveL2(A, Y, sigmas);
        return SolverResult.FromSolution(A, x, Y);
    }

    /// <summary>The per-neuron σᵢ = reg·max|A|·sqrt(fraction of rows with Aᵢ &gt; 0), zeros replaced by the largest.</summary>
    /// <param name="a">Activities, m × n.</param>
    /// <param name="reg">The regularisation.</param>
    /// <returns>n values.</returns>
    public static double[] Sigmas(Matrix<double> a, double reg)
    {
        ArgumentNullException.ThrowIfNull(a);
        int m = a.RowCount, n = a.ColumnCount;
        var sigmas = new double[n];
        if (m == 0 || n == 0) return sigmas;
        double maxAbs = a.Enumerate().Max(Math.Abs);
        for (int j = 0; j < n; j++)
        {
            int active = 0;
            for (int i = 0; i < m; i++)
                if (a[i, j] > 0) active++;
            sigmas[j] = reg * maxAbs * Math.Sqrt((double)active / m);
        }
        double max = sigmas.Max();
        for (int j = 0; j < n; j++)
            if (sigmas[j] == 0) sigmas[j] = max;
        return sigmas;
    }
}
