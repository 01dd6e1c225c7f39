using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Builders;

/// <summary>
/// The order in which a decoder solve takes the eval points: sorted along the represented space where that keeps each
/// neuron's silent points together, so that the Gram matrix skips them (<see cref="Numerics.GramMatrix"/>). A LIF
/// neuron is silent on one side of a hyperplane e·x = intercept: along a line (one dimension, points sorted by x) its
/// active points are one run; around a circle (two dimensions, sorted by angle) those of a neuron with a positive
/// intercept are one arc. In three or more dimensions no order of the points keeps every such half-space together,
/// and the points stay as built. The least-squares problem does not depend on the order of its rows; only the order
/// of the additions, hence the rounding, does. <see cref="DecoderSolving"/> uses it for every solver, so that replacing an
/// implementation (a wrapper, a cache) does not change the rounding; a solver that draws noise per eval point draws the
/// same noise, for the points in this order.
/// </summary>
internal static class EvalPointOrder
{
    /// <summary>The permutation of the rows of <paramref name="points"/> that sorts them along the space, or null when none helps.</summary>
    /// <param name="points">The eval points, m × d.</param>
    /// <returns>Row indices in the new order, or null for d ≥ 3 or fewer than two points.</returns>
    public static int[]? Of(Matrix<double> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int m = points.RowCount, d = points.ColumnCount;
        if (m < 2 || d is < 1 or > 2) return null;
        var keys = new double[m];
        var p = points.AsColumnMajorArray() ?? points.ToColumnMajorArray();
        for (int i = 0; i < m; i++) keys[i] = d == 1 ? p[i] : Math.Atan2(p[m + i], p[i]);
        var order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Array.Sort(keys, order);   // deterministic: the same points give the same order
        return order;
    }

    /// <summary>The rows of <paramref name="matrix"/> in <paramref name="order"/>.</summary>
    /// <param name="matrix">An m × k matrix.</param>
    /// <param name="order">A permutation of its m rows.</param>
    /// <returns>A new m × k matrix whose row i is row order[i] of <paramref name="matrix"/>.</returns>
    public static Matrix<double> Rows(Matrix<double> matrix, int[] order)
    {
        int m = matrix.RowCount, k = matrix.ColumnCount;
        var src = matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
        var dst = new double[(long)m * k];
        for (int j = 0; j < k; j++)
            for (int i = 0; i < m; i++) dst[(long)j * m + i] = src[(long)j * m + order[i]];
        return Matrix<double>.Build.Dense(m, k, dst);
    }
}
