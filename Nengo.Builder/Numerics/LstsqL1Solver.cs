using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="LstsqL1"/> (NEF.md §5): the elastic net without intercept, per output column,
/// minimising scikit-learn's objective (1/2m)·‖y − A·x‖² + α·r·‖x‖₁ + ½·α·(1 − r)·‖x‖² with
/// α = l1·max(A) + l2·max(A)² and r = l1·max(A)/α, by cyclic coordinate descent.
/// </summary>
/// <remarks>
/// <para>
/// AᵀA and Aᵀy are formed once, and the descent keeps q = AᵀA·x up to date, so a sweep over the n coordinates
/// costs O(n²) whatever the number of eval points. Coordinate j is set to
/// S(cⱼ − qⱼ + Gⱼⱼ·xⱼ, m·α·r) / (Gⱼⱼ + m·α·(1 − r)) with S the soft threshold.
/// </para>
/// <para>
/// At most <see cref="LstsqL1.MaxIter"/> sweeps. As scikit-learn (tol = 1e-4), when the largest coordinate change of a sweep
/// is below 1e-4 of the largest coefficient, the elastic-net duality gap is evaluated and the descent stops once
/// it is below 1e-4·‖y‖². Not converging within MaxIter sweeps is not an error (scikit-learn only warns).
/// </para>
/// </remarks>
public sealed class LstsqL1Solver : IDecoderSolver
{
    private const double Tol = 1e-4;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="LstsqL1"/> or the shapes do not agree.</exception>
    /// <exception cref="ValidationError">When l1 or l2 is negative or not finite, or MaxIter is not positive.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var desc = SolverHelpers.Expect<LstsqL1>(solver, nameof(LstsqL1Solver));
        double l1 = Check.NonNegative(desc.L1, nameof(LstsqL1), nameof(desc.L1));
        double l2 = Check.NonNegative(desc.L2, nameof(LstsqL1), nameof(desc.L2));
        int maxIter = Check.Positive(desc.MaxIter, nameof(LstsqL1), nameof(desc.MaxIter));
        LstsqL2Solver.CheckShapes(A, Y);
        double aMax = SolverHelpers.Max(A);
        double alpha = l1 * aMax + l2 * aMax * aMax;
        double ratio = alpha == 0 ? 0 : l1 * aMax / alpha;
        var x = SolveElasticNet(A, Y, alpha, ratio, maxIter);
        return SolverResult.FromSolution(A, x, Y);
    }

    /// <summary>
    /// Elastic net without intercept, column by column: minimises (1/2m)·‖yⱼ − A·xⱼ‖² + α·r·‖xⱼ‖₁ + ½·α·(1 − r)·‖xⱼ‖².
    /// </summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="y">Y, m × k.</param>
    /// <param name="alpha">α ≥ 0.</param>
    /// <param name="l1Ratio">r in [0, 1].</param>
    /// <param name="maxIter">The sweep limit, &gt; 0.</param>
    /// <returns>X, n × k.</returns>
    /// <exception cref="ArgumentException">When the shapes do not agree or a parameter is out of range.</exception>
    public static Matrix<double> SolveElasticNet(Matrix<double> a, Matrix<double> y, double alpha, double l1Ratio, int maxIter)
    {
        LstsqL2Solver.CheckShapes(a, y);
        if (!(alpha >= 0) || !double.IsFinite(alpha)) throw new ArgumentException($"alpha must be finite and non-negative, got {alpha}.", nameof(alpha));
        if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new ArgumentException($"l1Ratio must be in [0, 1], got {l1Ratio}.", nameof(l1Ratio));
        if (maxIter <= 0) throw new ArgumentException($"maxIter must be positive, got {maxIter}.", nameof(maxIter));
        int m = a.RowCount, n = a.ColumnCount, k = y.ColumnCount;
        var x = new double[(long)n * k];
        if (n == 0 || k == 0 || m == 0) return Matrix<double>.Build.Dense(n, k, x);

        var g = SolverHelpers.ColumnMajor(SolverHelpers.GramOf(a)); // symmetric: column j = row j
        var c = SolverHelpers.ColumnMajor(a.TransposeThisAndMultiply(y));
        var yData = SolverHelpers.ColumnMajor(y);
        double l1Reg = alpha * l1Ratio * m, l2Reg = alpha * (1 - l1Ratio) * m;

        void Column(int col, double[] q)
        {
            double yy = 0;
            for (int i = 0, o = col * m; i < m; i++) yy += yData[o + i] * yData[o + i];
            Descend(g, n, new ReadOnlySpan<double>(c, col * n, n), yy, l1Reg, l2Reg, maxIter, new Span<double>(x, col * n, n), q);
        }

        if (k > 1 && (double)n * n * k > 2e5 && BuildThreads.MayParallelize)
            Parallel.For(0, k, () => new double[n], (col, _, q) => { Column(col, q); return q; }, _ => { });
        else
        {
            var q = new double[n];
            for (int col = 0; col < k; col++) Column(col, q);
        }
        return Matrix<double>.Build.Dense(n, k, x);
    }

    // Coordinate descent for one column on the unscaled problem ½‖y − Ax‖² + l1Reg‖x‖₁ + ½l2Reg‖x‖².
    private static void Descend(double[] g, int n, ReadOnlySpan<double> c, double yy, double l1Reg, double l2Reg,
        int maxIter, Span<double> x, double[] q)
    {
        x.Clear();
        Array.Clear(q); // q = G·x
        double gapTol = Tol * yy;
        for (int sweep = 0; sweep < maxIter; sweep++)
        {
            double wMax = 0, dwMax = 0;
            for (int j = 0; j < n; j++)
            {
                long col = (long)j * n;
                double gjj = g[col + j], xj = x[j];
                double denom = gjj + l2Reg;
                double xNew = 0;
                if (denom > 0)
                {
                    double rho = c[j] - q[j] + gjj * xj;
                    xNew = rho > l1Reg ? (rho - l1Reg) / denom : rho < -l1Reg ? (rho + l1Reg) / denom : 0;
                }
                double d = xNew - xj;
                if (d != 0)
                {
                    x[j] = xNew;
                    for (int i = 0; i < n; i++) q[i] += d * g[col + i];
                }
                dwMax = Math.Max(dwMax, Math.Abs(d));
                wMax = Math.Max(wMax, Math.Abs(xNew));
            }
            if (wMax == 0 || dwMax / wMax < Tol || sweep == maxIter - 1)
            {
                if (l1Reg == 0) { if (dwMax <= Tol * wMax) break; else continue; }
                if (DualityGap(x, c, q, yy, l1Reg, l2Reg) < gapTol) break;
            }
        }
    }

    // The elastic-net duality gap at x, from the Gram quantities (q = G·x, c = Aᵀy, yy = ‖y‖²).
    private static double DualityGap(ReadOnlySpan<double> x, ReadOnlySpan<double> c, double[] q, double yy, double l1Reg, double l2Reg)
    {
        double xc = 0, xq = 0, xx = 0, x1 = 0, dualNorm = 0;
        for (int j = 0; j < x.Length; j++)
        {
            xc += x[j] * c[j];
            xq += x[j] * q[j];
            xx += x[j] * x[j];
            x1 += Math.Abs(x[j]);
            dualNorm = Math.Max(dualNorm, Math.Abs(c[j] - q[j] - l2Reg * x[j])); // |Aᵀr − l2·x|
        }
        double rr = Math.Max(yy - 2 * xc + xq, 0); // ‖y − Ax‖²
        double scale, gap;
        if (dualNorm > l1Reg)
        {
            scale = l1Reg / dualNorm;
            gap = 0.5 * (rr + rr * scale * scale);
        }
        else
        {
            scale = 1;
            gap = rr;
        }
        double ry = yy - xc; // rᵀy
        return gap + l1Reg * x1 - scale * ry + 0.5 * l2Reg * (1 + scale * scale) * xx;
    }
}
