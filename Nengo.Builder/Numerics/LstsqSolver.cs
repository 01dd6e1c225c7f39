using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// The numerics of <see cref="Lstsq"/> (NEF.md §5): unregularised least squares by the SVD pseudo-inverse,
/// X = V·S⁺·Uᵀ·Y, where singular values sᵢ ≤ rcond·max(s) are treated as zero (as numpy's <c>lstsq</c>).
/// </summary>
/// <remarks>
/// A thin Householder QR of A (of Aᵀ when there are fewer rows than columns) reduces the problem to the small
/// square triangular factor R, whose SVD (MathNet) gives the singular values of A; no m × m matrix is formed and
/// the cost is O(m·n²). The QR is done here on a column-major copy with vectorised dot products and updates,
/// because MathNet's managed QR is several times slower for decoder-sized systems.
/// </remarks>
public sealed class LstsqSolver : IDecoderSolver
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="solver"/> is not an <see cref="Lstsq"/>, the shapes do not agree or a value is not finite.</exception>
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
        var yData = (double[])SolverHelpers.ColumnMajor(y).Clone();
        foreach (double v in yData)
            if (!double.IsFinite(v)) throw new ArgumentException("Y must be finite for the least-squares solve.", nameof(y));

        if (m >= n)
        {
            // A = Q·R, R = U·S·Vᵀ  ⇒  X = V·S⁺·Uᵀ·(Qᵀ·Y)[0:n].
            var qr = new HouseholderQr((double[])SolverHelpers.ColumnMajor(a).Clone(), m, n);
            qr.ApplyQTranspose(yData, k);
            var qty = Matrix<double>.Build.Dense(n, k, (i, j) => yData[(long)j * m + i]);
            var svd = qr.R().Svd(computeVectors: true);
            var b = svd.U.TransposeThisAndMultiply(qty);
            singularValues = svd.S.ToArray();
            rank = ScaleRows(b, singularValues, rcond);
            return svd.VT.TransposeThisAndMultiply(b);
        }
        else
        {
            // Aᵀ = Q·R (Q n × m), Rᵀ = U·S·Vᵀ  ⇒  A = U·S·Vᵀ·Qᵀ and X = Q·(V·S⁺·Uᵀ·Y).
            var qr = new HouseholderQr(SolverHelpers.ColumnMajor(a.Transpose()), n, m);
            var svd = qr.R().Transpose().Svd(computeVectors: true);
            var b = svd.U.TransposeThisAndMultiply(Matrix<double>.Build.Dense(m, k, yData));
            singularValues = svd.S.ToArray();
            rank = ScaleRows(b, singularValues, rcond);
            var z = svd.VT.TransposeThisAndMultiply(b); // m × k
            var x = new double[(long)n * k];
            for (int j = 0; j < k; j++)
                for (int i = 0; i < m; i++) x[(long)j * n + i] = z[i, j];
            qr.ApplyQ(x, k);
            return Matrix<double>.Build.Dense(n, k, x);
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

    /// <summary>
    /// Thin Householder QR of a tall column-major matrix (rows ≥ cols), in place: the reflector vectors
    /// vⱼ (with vⱼ[j] = 1 implied by the stored scale) overwrite the matrix on and below the diagonal.
    /// </summary>
    private sealed class HouseholderQr
    {
        private readonly double[] _w;    // rows × cols, column-major: R above the diagonal, reflectors on/below it
        private readonly double[] _beta; // Hⱼ = I − βⱼ·vⱼ·vⱼᵀ
        private readonly double[] _diag; // R's diagonal
        private readonly int _rows, _cols;

        public HouseholderQr(double[] w, int rows, int cols)
        {
            _w = w;
            _rows = rows;
            _cols = cols;
            _beta = new double[cols];
            _diag = new double[cols];
            foreach (double v in w)
                if (!double.IsFinite(v)) throw new ArgumentException("A must be finite for the least-squares solve.");
            for (int j = 0; j < cols; j++)
            {
                var x = Col(j, j);
                double norm = Math.Sqrt(Dot(x, x));
                if (norm == 0)
                {
                    _beta[j] = 0;
                    _diag[j] = 0;
                    continue;
                }
                double x0 = x[0];
                double alpha = x0 > 0 ? -norm : norm; // avoids cancellation in x0 − alpha
                x[0] = x0 - alpha;
                // ‖v‖² = ‖x‖² − x0² + (x0 − α)² = 2·norm·(norm + |x0|)
                _beta[j] = 1.0 / (norm * (norm + Math.Abs(x0)));
                _diag[j] = alpha;
                for (int c = j + 1; c < cols; c++) Reflect(j, Col(c, j));
            }
        }

        private Span<double> Col(int c, int from) => new(_w, c * _rows + from, _rows - from);

        // target ← Hⱼ·target for a vector covering rows j..rows−1.
        private void Reflect(int j, Span<double> target)
        {
            if (_beta[j] == 0) return;
            var v = Col(j, j);
            double d = _beta[j] * Dot(v, target);
            Axpy(-d, v, target);
        }

        /// <summary>Y ← Qᵀ·Y for a column-major rows × k array.</summary>
        public void ApplyQTranspose(double[] y, int k)
        {
            for (int c = 0; c < k; c++)
                for (int j = 0; j < _cols; j++)
                    Reflect(j, new Span<double>(y, c * _rows + j, _rows - j));
        }

        /// <summary>Y ← Q·Y for a column-major rows × k array (Q = H₀·H₁·…).</summary>
        public void ApplyQ(double[] y, int k)
        {
            for (int c = 0; c < k; c++)
                for (int j = _cols - 1; j >= 0; j--)
                    Reflect(j, new Span<double>(y, c * _rows + j, _rows - j));
        }

        /// <summary>The cols × cols upper-triangular factor.</summary>
        public Matrix<double> R() => Matrix<double>.Build.Dense(_cols, _cols,
            (i, j) => i == j ? _diag[j] : i < j ? _w[j * _rows + i] : 0.0);

        private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
        {
            var vx = MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(y);
            var acc = System.Numerics.Vector<double>.Zero;
            for (int i = 0; i < vx.Length; i++) acc += vx[i] * vy[i];
            double s = System.Numerics.Vector.Sum(acc);
            for (int i = vx.Length * System.Numerics.Vector<double>.Count; i < x.Length; i++) s += x[i] * y[i];
            return s;
        }

        private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
        {
            var vx = MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(y);
            var va = new System.Numerics.Vector<double>(a);
            for (int i = 0; i < vx.Length; i++) vy[i] += va * vx[i];
            for (int i = vx.Length * System.Numerics.Vector<double>.Count; i < x.Length; i++) y[i] += a * x[i];
        }
    }
}
