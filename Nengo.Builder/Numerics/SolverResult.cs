using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>The outcome of a decoder solve (NEF.md §5: the <c>X</c> and <c>info["rmses"]</c> of Nengo's solver call).</summary>
/// <param name="X">The solution, n_neurons × k (one column per target dimension). The builder stores its transpose as decoders.</param>
/// <param name="Rmses">Per-column root-mean-square of A·X − Y over the eval points, length k.</param>
public sealed record SolverResult(Matrix<double> X, double[] Rmses)
{
    /// <summary>Wraps a solution, computing <see cref="Rmses"/> from the activities and targets.</summary>
    /// <param name="a">The activities, m × n.</param>
    /// <param name="x">The solution, n × k.</param>
    /// <param name="y">The targets, m × k.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the shapes do not agree.</exception>
    public static SolverResult FromSolution(Matrix<double> a, Matrix<double> x, Matrix<double> y) =>
        new(x, ComputeRmses(a, x, y));

    /// <summary>The per-column root-mean-square of A·X − Y over the rows (eval points).</summary>
    /// <param name="a">The activities, m × n.</param>
    /// <param name="x">The solution, n × k.</param>
    /// <param name="y">The targets, m × k.</param>
    /// <returns>k RMS values; zeros when there are no rows.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the shapes do not agree.</exception>
    public static double[] ComputeRmses(Matrix<double> a, Matrix<double> x, Matrix<double> y)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (a.ColumnCount != x.RowCount || a.RowCount != y.RowCount || x.ColumnCount != y.ColumnCount)
            throw new ArgumentException(
                $"Shapes do not agree: A is {a.RowCount}x{a.ColumnCount}, X is {x.RowCount}x{x.ColumnCount}, Y is {y.RowCount}x{y.ColumnCount}.");
        int m = a.RowCount, k = y.ColumnCount;
        var rmses = new double[k];
        if (m == 0) return rmses;
        var residual = DenseMath.Multiply(a, x) - y;
        for (int j = 0; j < k; j++)
        {
            double sum = 0;
            for (int i = 0; i < m; i++)
            {
                double r = residual[i, j];
                sum += r * r;
            }
            rmses[j] = Math.Sqrt(sum / m);
        }
        return rmses;
    }
}
