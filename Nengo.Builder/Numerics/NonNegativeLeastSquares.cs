using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Numerics;

/// <summary>
/// Non-negative least squares, min ‖A·x − b‖₂ subject to x ≥ 0, by the Lawson–Hanson active-set method
/// (the algorithm behind SciPy's <c>nnls</c>).
/// </summary>
/// <remarks>
/// <para>
/// The method works on the normal equations: it keeps G = AᵀA and c = Aᵀb and the dual (negative gradient)
/// w = c − G·x. Each outer step moves the free variable with the largest wⱼ &gt; 0 into the passive set P and
/// solves the unconstrained least-squares subproblem G[P,P]·s = c[P]; when some sᵢ ≤ 0, the inner loop steps
/// from x toward s as far as feasibility allows and drops the variables that reach zero. It stops when no free
/// variable has wⱼ above a rounding tolerance, i.e. at the KKT point x ≥ 0, w ≤ 0 where x = 0 and w ≈ 0 where x &gt; 0.
/// </para>
/// <para>
/// The subproblem is solved with a Cholesky factor of G[P,P] that is updated incrementally: adding a variable
/// appends one row (a triangular solve, O(k²)); removing one deletes its row and column and restores the
/// trailing block with a rank-one Cholesky update (O(k²)). A full solve therefore costs O(n·k) per step instead
/// of refactorising (O(k³)), and nothing is allocated inside the iteration. A variable whose column is (numerically)
/// dependent on the passive ones, or whose first subproblem coefficient is not positive (a wⱼ &gt; 0 caused by
/// rounding), is skipped until the iterate next changes, which prevents cycling.
/// </para>
/// <para>
/// Iterations count every change of the passive set (additions and removals); the default limit is 3·n,
/// as SciPy's. When it is reached the current iterate (always feasible) is returned.
/// </para>
/// </remarks>
public static class NonNegativeLeastSquares
{
    /// <summary>Solves min ‖A·x − b‖₂ subject to x ≥ 0.</summary>
    /// <param name="A">The matrix, m × n (dense or not; read once to form AᵀA).</param>
    /// <param name="b">The right-hand side, length m.</param>
    /// <param name="maxIter">The iteration limit (default 3·n).</param>
    /// <returns>x, length n, all entries ≥ 0.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the shapes do not agree, a value is not finite or maxIter is negative.</exception>
    public static double[] Solve(Matrix<double> A, double[] b, int? maxIter = null)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Length != A.RowCount)
            throw new ArgumentException($"A is {A.RowCount}x{A.ColumnCount} but b has length {b.Length}; expected {A.RowCount}.", nameof(b));
        var bm = Matrix<double>.Build.Dense(b.Length, 1, (double[])b.Clone());
        return Solve(A, bm, maxIter).Column(0).ToArray();
    }

    /// <summary>
    /// Solves min ‖A·xⱼ − bⱼ‖₂ subject to xⱼ ≥ 0 for every column bⱼ of <paramref name="B"/>, sharing AᵀA
    /// between the columns (solved in parallel when there are several).
    /// </summary>
    /// <param name="A">The matrix, m × n.</param>
    /// <param name="B">The right-hand sides, m × k.</param>
    /// <param name="maxIter">The iteration limit per column (default 3·n).</param>
    /// <returns>X, n × k, all entries ≥ 0.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the shapes do not agree, a value is not finite or maxIter is negative.</exception>
    public static Matrix<double> Solve(Matrix<double> A, Matrix<double> B, int? maxIter = null)
    {
        ArgumentNullException.ThrowIfNull(A);
        ArgumentNullException.ThrowIfNull(B);
        if (B.RowCount != A.RowCount)
            throw new ArgumentException($"A ({A.RowCount}x{A.ColumnCount}) and B ({B.RowCount}x{B.ColumnCount}) must have the same number of rows.", nameof(B));
        int n = A.ColumnCount;
        var gram = SolverHelpers.GramOf(A);
        var atb = A.TransposeThisAndMultiply(B);
        return SolveGramCore(SolverHelpers.ColumnMajor(gram), n, atb, maxIter);
    }

    /// <summary>
    /// The NNLS problem given its normal equations: minimises ½·xᵀG·x − cᵀx subject to x ≥ 0, where G = AᵀA
    /// (symmetric positive semi-definite) and c = Aᵀb. Equivalent to <see cref="Solve(Matrix{double}, double[], int?)"/>
    /// on A and b.
    /// </summary>
    /// <param name="gram">G, n × n, symmetric positive semi-definite.</param>
    /// <param name="c">c, length n.</param>
    /// <param name="maxIter">The iteration limit (default 3·n).</param>
    /// <returns>x, length n, all entries ≥ 0.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the shapes do not agree, a value is not finite or maxIter is negative.</exception>
    public static double[] SolveGram(Matrix<double> gram, double[] c, int? maxIter = null)
    {
        ArgumentNullException.ThrowIfNull(gram);
        ArgumentNullException.ThrowIfNull(c);
        var cm = Matrix<double>.Build.Dense(c.Length, 1, (double[])c.Clone());
        return SolveGram(gram, cm, maxIter).Column(0).ToArray();
    }

    /// <summary>
    /// <see cref="SolveGram(Matrix{double}, double[], int?)"/> for every column of <paramref name="C"/>, sharing G
    /// (solved in parallel when there are several columns).
    /// </summary>
    /// <param name="gram">G, n × n, symmetric positive semi-definite.</param>
    /// <param name="C">The right-hand sides Aᵀ·B, n × k.</param>
    /// <param name="maxIter">The iteration limit per column (default 3·n).</param>
    /// <returns>X, n × k, all entries ≥ 0.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the shapes do not agree, a value is not finite or maxIter is negative.</exception>
    public static Matrix<double> SolveGram(Matrix<double> gram, Matrix<double> C, int? maxIter = null)
    {
        ArgumentNullException.ThrowIfNull(gram);
        ArgumentNullException.ThrowIfNull(C);
        int n = gram.RowCount;
        if (gram.ColumnCount != n)
            throw new ArgumentException($"The Gram matrix must be square, got {gram.RowCount}x{gram.ColumnCount}.", nameof(gram));
        if (C.RowCount != n)
            throw new ArgumentException($"The Gram matrix is {n}x{n} but the right-hand side has {C.RowCount} rows; expected {n}.", nameof(C));
        return SolveGramCore(SolverHelpers.ColumnMajor(gram), n, C, maxIter);
    }

    private static Matrix<double> SolveGramCore(double[] g, int n, Matrix<double> c, int? maxIter)
    {
        int limit = maxIter ?? 3 * n;
        if (limit < 0) throw new ArgumentException($"maxIter must be non-negative, got {limit}.", nameof(maxIter));
        for (long i = 0; i < (long)n * n; i++)
            if (!double.IsFinite(g[i])) throw new ArgumentException("The NNLS system contains a non-finite value.");
        int k = c.ColumnCount;
        var cArr = SolverHelpers.ColumnMajor(c);
        foreach (double v in cArr)
            if (!double.IsFinite(v)) throw new ArgumentException("The NNLS right-hand side contains a non-finite value.");
        var x = new double[(long)n * k];
        if (n == 0 || k == 0) return Matrix<double>.Build.Dense(n, k, x);
        // Each column is independent; parallelise when there is enough work to amortise the threads.
        if (k > 1 && (double)n * n * k > 2e5 && BuildThreads.MayParallelize)
        {
            Parallel.For(0, k, () => new Workspace(n),
                (col, _, ws) => { ws.Run(g, cArr, col * n, x, col * n, limit); return ws; }, _ => { });
        }
        else
        {
            var ws = new Workspace(n);
            for (int col = 0; col < k; col++) ws.Run(g, cArr, col * n, x, col * n, limit);
        }
        return Matrix<double>.Build.Dense(n, k, x);
    }

    /// <summary>The per-solve state: the passive set and its incremental Cholesky factor. Reused across columns.</summary>
    private sealed class Workspace
    {
        private readonly int _n;
        private readonly double[] _l;        // lower-triangular Cholesky factor of G[P,P], row-major with stride n
        private readonly int[] _p;           // passive variables, by position in the factor
        private readonly bool[] _passive;    // membership in P, by variable
        private readonly bool[] _skip;       // variables skipped until the iterate next changes
        private readonly double[] _s;        // subproblem solution, by position
        private readonly double[] _z;        // forward-substitution scratch / update vector, by position
        private readonly double[] _w;        // the dual c − G·x, by variable
        private int _k;                      // |P|

        public Workspace(int n)
        {
            _n = n;
            _l = new double[(long)n * n];
            _p = new int[n];
            _passive = new bool[n];
            _skip = new bool[n];
            _s = new double[n];
            _z = new double[n];
            _w = new double[n];
        }

        // Solves one column: G·x ≈ c with x ≥ 0; c is cAll[cOff..cOff+n), x goes to xAll[xOff..xOff+n).
        public void Run(double[] g, double[] cAll, int cOff, double[] xAll, int xOff, int maxIter)
        {
            int n = _n;
            var c = new ReadOnlySpan<double>(cAll, cOff, n);
            var x = new Span<double>(xAll, xOff, n);
            x.Clear();
            Array.Clear(_passive);
            Array.Clear(_skip);
            _k = 0;

            double cMax = 0;
            for (int j = 0; j < n; j++) cMax = Math.Max(cMax, Math.Abs(c[j]));
            if (cMax == 0) return; // x = 0 is optimal: w = c = 0.
            // Dual entries are sums of products of size ~|c|; below this they are rounding noise.
            double dualTol = 10.0 * Math.Max(n, 1) * MachineEpsilon * cMax;

            int iter = 0;
            while (iter < maxIter)
            {
                // The free variable with the largest dual w_j = c_j − (G·x)_j (x is zero outside P).
                int best = -1;
                double bestW = dualTol;
                // x is zero outside P, so w = c − Σ_{i in P} x_i·(column i of G): one vector pass per passive
                // variable (G symmetric: column i is row i, contiguous), each w_j = c_j − g_j0·x_0 − g_j1·x_1 − …
                // rounded as the scalar loop rounds it (product, then difference).
                var dual = new Span<double>(_w, 0, n);
                c.CopyTo(dual);
                for (int pos = 0; pos < _k; pos++)
                {
                    int i = _p[pos];
                    TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(g, i * n, n), -x[i], dual, dual);
                }
                for (int j = 0; j < n; j++)
                {
                    if (_passive[j] || _skip[j]) continue;
                    if (dual[j] > bestW) { bestW = dual[j]; best = j; }
                }
                if (best < 0) break; // KKT satisfied.
                iter++;

                if (!TryAdd(g, best))
                {
                    _skip[best] = true; // numerically dependent on the passive columns
                    continue;
                }
                SolveSubproblem(c);
                if (_s[_k - 1] <= 0)
                {
                    // In exact arithmetic a positive dual guarantees a positive coefficient; this one is rounding.
                    Remove(_k - 1);
                    _skip[best] = true;
                    continue;
                }

                // Inner loop: move toward the subproblem solution, dropping variables that hit zero.
                while (true)
                {
                    double alpha = 1;
                    int hit = -1;
                    for (int pos = 0; pos < _k; pos++)
                    {
                        double s = _s[pos];
                        if (s > 0) continue;
                        double xi = x[_p[pos]];
                        double t = xi > 0 ? xi / (xi - s) : 0; // s ≤ 0 < xi, so t ∈ (0, 1]
                        if (hit < 0 || t < alpha) { alpha = t; hit = pos; }
                    }
                    if (hit < 0)
                    {
                        for (int pos = 0; pos < _k; pos++) x[_p[pos]] = _s[pos];
                        break;
                    }
                    for (int pos = 0; pos < _k; pos++)
                    {
                        int i = _p[pos];
                        x[i] += alpha * (_s[pos] - x[i]);
                    }
                    x[_p[hit]] = 0;
                    for (int pos = _k - 1; pos >= 0; pos--)
                    {
                        int i = _p[pos];
                        if (x[i] <= 0)
                        {
                            x[i] = 0;
                            Remove(pos);
                        }
                    }
                    iter++;
                    if (_k == 0 || iter >= maxIter) break; // x is feasible here
                    SolveSubproblem(c);
                }
                Array.Clear(_skip); // the iterate changed: re-examine every free variable
            }
        }

        // Appends variable j to the factor; false when its column is numerically dependent on the passive ones.
        private bool TryAdd(double[] g, int j)
        {
            int n = _n, k = _k;
            double gjj = g[(long)j * n + j];
            if (!(gjj > 0)) return false;
            int rowK = k * n;
            double sumSq = 0;
            // The new row of the factor by forward substitution, rows of L as contiguous dot products.
            for (int r = 0; r < k; r++)
            {
                int rowR = r * n;
                double v = g[(long)_p[r] * n + j] - TensorPrimitives.Dot(new ReadOnlySpan<double>(_l, rowR, r), new ReadOnlySpan<double>(_l, rowK, r));
                v /= _l[rowR + r];
                _l[rowK + r] = v;
                sumSq += v * v;
            }
            double d2 = gjj - sumSq;
            // d2/gjj is sin² of the angle between column j and the span of the passive columns; its rounding
            // error is ~k·ε, so anything near that is dependence.
            if (!(d2 > 100.0 * Math.Max(k, 1) * MachineEpsilon * gjj)) return false;
            _l[rowK + k] = Math.Sqrt(d2);
            _p[k] = j;
            _passive[j] = true;
            _k = k + 1;
            return true;
        }

        // Deletes the variable at position p: removes its row and column and restores the trailing block
        // L33·L33ᵀ + l32·l32ᵀ by a rank-one Cholesky update, then shifts the factor up and left.
        private void Remove(int p)
        {
            int n = _n, k = _k;
            int t = k - p - 1;
            var v = _z;
            for (int i = 0; i < t; i++) v[i] = _l[(long)(p + 1 + i) * n + p];
            for (int i = 0; i < t; i++)
            {
                int ri = p + 1 + i;
                long di = (long)ri * n + ri;
                double lii = _l[di], vi = v[i];
                double r = Math.Sqrt(lii * lii + vi * vi);
                double cs = r / lii, sn = vi / lii;
                _l[di] = r;
                for (int q = i + 1; q < t; q++)
                {
                    long e = (long)(p + 1 + q) * n + ri;
                    double lq = (_l[e] + sn * v[q]) / cs;
                    _l[e] = lq;
                    v[q] = cs * v[q] - sn * lq;
                }
            }
            for (int r = p + 1; r < k; r++)
            {
                long src = (long)r * n, dst = (long)(r - 1) * n;
                for (int q = 0; q < p; q++) _l[dst + q] = _l[src + q];
                for (int q = p + 1; q <= r; q++) _l[dst + q - 1] = _l[src + q];
            }
            _passive[_p[p]] = false;
            for (int pos = p; pos < k - 1; pos++) _p[pos] = _p[pos + 1];
            _k = k - 1;
        }

        // s = G[P,P]⁻¹·c[P] from the factor: L·z = c[P] by rows of L (dot products), then Lᵀ·s = z by rows of L
        // too (row r of L is column r of Lᵀ: once s_r is known it is taken out of the entries above it), so both
        // sweeps read L contiguously, a vector at a time.
        private void SolveSubproblem(ReadOnlySpan<double> c)
        {
            int n = _n, k = _k;
            for (int r = 0; r < k; r++)
            {
                int row = r * n;
                double v = c[_p[r]] - TensorPrimitives.Dot(new ReadOnlySpan<double>(_l, row, r), new ReadOnlySpan<double>(_z, 0, r));
                _z[r] = v / _l[row + r];
            }
            for (int r = k - 1; r >= 0; r--)
            {
                int row = r * n;
                double sr = _z[r] / _l[row + r];
                _s[r] = sr;
                var rest = new Span<double>(_z, 0, r);
                TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<double>(_l, row, r), -sr, rest, rest);
            }
        }
    }

    private const double MachineEpsilon = 2.220446049250313e-16;
}
