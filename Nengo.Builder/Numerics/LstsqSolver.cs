using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="Lstsq"/> (NEF.md §5): unregularised least squares by the SVD pseudo-inverse,
/// X = V·S⁺·Uᵀ·Y, where singular values sᵢ ≤ rcond·max(s) are treated as zero (as numpy's <c>lstsq</c>).
/// </summary>
/// <remarks>
/// The SVD is taken of the small triangular factor of a thin QR decomposition (of A when m ≥ n, of Aᵀ otherwise),
/// so the cost is O(m·n²) and no m × m matrix is formed.
/// </remarks>
public sealed class LstsqSolver : IDecoderSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="Lstsq"/> or the shapes do not agree.</exception>
    /// <exception cref="ValidationError">When rcond is negative or not finite.</exception>
    public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
    {
        var lstsq = SolverHelpers.Expect<Lstsq>(solver, nameof(LstsqSolver));
        double rcond = Check.NonNegative(lstsq.Rcond, nameof(Lstsq), nameof(lstsq.Rcond));
        LstsqL2Solver.CheckShapes(A, Y);
        var x = SolvePseudoInverse(A, Y, rcond, out _, out _);
        return SolverResult.FromSolution(A, x, Y);
    }

    /// <summary>The minimum-norm least-squares solution X = A⁺·Y with singular values ≤ rcond·max(s) dropped.</summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="y">Y, m × k.</param>
    /// <param name="rcond">The relative cut-off, ≥ 0.</param>
    /// <param name="rank">The number of singular values kept.</param>
    /// <param name="singularValues">The singular values of A, descending (length min(m, n)).</param>
    /// <returns>X, n × k.</returns>
    /// <exception cref="ArgumentException">When the shapes do not agree, rcond is negative or A or Y has a non-finite value.</exception>
    public static Matrix<double> SolvePseudoInverse(Matrix<double> a, Matrix<double> y, double rcond, out int rank, out double[] singularValues)
    {
        LstsqL2Solver.CheckShapes(a, y);
        if (!(rcond >= 0) || !double.IsFinite(rcond)) throw new ArgumentException($"rcond must be finite and non-negative, got {rcond}.", nameof(rcond));
        int m = a.RowCount, n = a.ColumnCount, k = y.ColumnCount;
        if (m == 0 || n == 0)
        {
            rank = 0;
            singularValues = [];
            return Matrix<double>.Build.Dense(n, k);
        }
        if (!a.Enumerate().All(double.IsFinite) || !y.Enumerate().All(double.IsFinite))
            throw new ArgumentException("A and Y must be finite for the least-squares solve.");

        if (m >= n)
        {
            // A = Q·R, R = U·S·Vᵀ  ⇒  A⁺ = V·S⁺·Uᵀ·Qᵀ.
            var qr = a.QR(QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: true);
            var b = svd.U.TransposeThisAndMultiply(qr.Q.TransposeThisAndMultiply(y)); // n × k
            singularValues = svd.S.ToArray();
            rank = ScaleRows(b, singularValues, rcond);
            return svd.VT.TransposeThisAndMultiply(b);
        }
        else
        {
            // Aᵀ = Q·R (Q n × m), Rᵀ = U·S·Vᵀ  ⇒  A = U·S·(Q·V)ᵀ, A⁺ = Q·V·S⁺·Uᵀ.
            var qr = a.Transpose().QR(QRMethod.Thin);
            var svd = qr.R.Transpose().Svd(computeVectors: true);
            var b = svd.U.TransposeThisAndMultiply(y); // m × k
            singularValues = svd.S.ToArray();
            rank = ScaleRows(b, singularValues, rcond);
            return qr.Q * svd.VT.TransposeThisAndMultiply(b);
        }
    }

    // Row i of b ← b_i / s_i when s_i > rcond·s_max, else 0. Returns the number kept.
    private static int ScaleRows(Matrix<double> b, double[] s, double rcond)
    {
        double cut = rcond * (s.Length == 0 ? 0 : s.Max());
        int rank = 0;
        for (int i = 0; i < s.Length; i++)
        {
            bool keep = s[i] > cut;
            if (keep) rank++;
            double f = keep ? 1.0 / s[i] : 0.0;
            for (int j = 0; j < b.ColumnCount; j++) b[i, j] *= f;
        }
        return rank;
    }
}
