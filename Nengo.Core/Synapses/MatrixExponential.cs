namespace Nengo;

/// <summary>
/// The matrix exponential e^M of a small dense square matrix, by scaling and squaring with a
/// degree-13 Padé approximant (Higham, "The scaling and squaring method for the matrix exponential
/// revisited", SIAM J. Matrix Anal. Appl. 26(4), 2005). Used to discretise filters with zero-order hold.
/// </summary>
/// <remarks>
/// The matrices met here are tiny (a filter's order + 1), so the simplest robust variant is used:
/// always the [13/13] approximant, with the matrix scaled by 2^−s until its 1-norm is at most θ₁₃ ≈ 5.37,
/// then squared s times. The rational approximant is evaluated with an LU solve with partial pivoting.
/// </remarks>
public static class MatrixExponential
{
    // Coefficients of the [13/13] Padé approximant to e^x (numerator; the denominator is the same
    // polynomial at −x).
    private static readonly double[] Pade13 =
    [
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
        129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
        40840800.0, 960960.0, 16380.0, 182.0, 1.0,
    ];

    // The largest 1-norm for which the [13/13] approximant is accurate to double precision (Higham 2005).
    private const double Theta13 = 5.371920351148152;

    /// <summary>Computes e^M.</summary>
    /// <param name="m">A square matrix (row-major, not modified). A 0×0 matrix gives a 0×0 result.</param>
    /// <returns>A new matrix holding e^M.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="m"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="m"/> is not square or holds a value that is not finite.</exception>
    public static double[,] Expm(double[,] m)
    {
        ArgumentNullException.ThrowIfNull(m);
        int n = m.GetLength(0);
        if (m.GetLength(1) != n)
            throw new ArgumentException($"The matrix must be square, got {n}x{m.GetLength(1)}.", nameof(m));
        if (n == 0) return new double[0, 0];
        foreach (double value in m)
            if (!double.IsFinite(value)) throw new ArgumentException("The matrix must contain only finite numbers.", nameof(m));

        double norm = Norm1(m);
        int s = 0;
        if (norm > Theta13) s = Math.Max(0, (int)Math.Ceiling(Math.Log2(norm / Theta13)));
        double scale = Math.ScaleB(1.0, -s);

        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = m[i, j] * scale;

        var b = Pade13;
        var a2 = Multiply(a, a);
        var a4 = Multiply(a2, a2);
        var a6 = Multiply(a4, a2);

        // U = A·[A6·(b13·A6 + b11·A4 + b9·A2) + b7·A6 + b5·A4 + b3·A2 + b1·I]
        // V =    A6·(b12·A6 + b10·A4 + b8·A2) + b6·A6 + b4·A4 + b2·A2 + b0·I
        var inner = new double[n, n];
        var innerV = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                inner[i, j] = b[13] * a6[i, j] + b[11] * a4[i, j] + b[9] * a2[i, j];
                innerV[i, j] = b[12] * a6[i, j] + b[10] * a4[i, j] + b[8] * a2[i, j];
            }
        var uInner = Multiply(a6, inner);
        var v = Multiply(a6, innerV);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double id = i == j ? 1.0 : 0.0;
                uInner[i, j] += b[7] * a6[i, j] + b[5] * a4[i, j] + b[3] * a2[i, j] + b[1] * id;
                v[i, j] += b[6] * a6[i, j] + b[4] * a4[i, j] + b[2] * a2[i, j] + b[0] * id;
            }
        var u = Multiply(a, uInner);

        // R = (V − U)⁻¹·(V + U)
        var q = new double[n, n];
        var p = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                q[i, j] = v[i, j] - u[i, j];
                p[i, j] = v[i, j] + u[i, j];
            }
        var r = Solve(q, p);

        for (int k = 0; k < s; k++) r = Multiply(r, r);
        return r;
    }

    private static double Norm1(double[,] m)
    {
        int n = m.GetLength(0);
        double best = 0;
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += Math.Abs(m[i, j]);
            best = Math.Max(best, sum);
        }
        return best;
    }

    private static double[,] Multiply(double[,] x, double[,] y)
    {
        int n = x.GetLength(0);
        var z = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double xik = x[i, k];
                if (xik == 0) continue;
                for (int j = 0; j < n; j++) z[i, j] += xik * y[k, j];
            }
        return z;
    }

    // Solves Q·X = P for X by Gaussian elimination with partial pivoting (Q and P are copied).
    private static double[,] Solve(double[,] qIn, double[,] pIn)
    {
        int n = qIn.GetLength(0);
        var q = (double[,])qIn.Clone();
        var x = (double[,])pIn.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            double best = Math.Abs(q[col, col]);
            for (int i = col + 1; i < n; i++)
                if (Math.Abs(q[i, col]) > best) { best = Math.Abs(q[i, col]); pivot = i; }
            if (best == 0 || !double.IsFinite(best))
                throw new ArithmeticException("The Padé denominator is singular; the matrix exponential cannot be computed.");
            if (pivot != col)
            {
                for (int j = 0; j < n; j++)
                {
                    (q[col, j], q[pivot, j]) = (q[pivot, j], q[col, j]);
                    (x[col, j], x[pivot, j]) = (x[pivot, j], x[col, j]);
                }
            }
            double d = q[col, col];
            for (int i = col + 1; i < n; i++)
            {
                double f = q[i, col] / d;
                if (f == 0) continue;
                q[i, col] = 0;
                for (int j = col + 1; j < n; j++) q[i, j] -= f * q[col, j];
                for (int j = 0; j < n; j++) x[i, j] -= f * x[col, j];
            }
        }
        for (int col = n - 1; col >= 0; col--)
        {
            double d = q[col, col];
            for (int j = 0; j < n; j++)
            {
                double sum = x[col, j];
                for (int k = col + 1; k < n; k++) sum -= q[col, k] * x[k, j];
                x[col, j] = sum / d;
            }
        }
        return x;
    }
}
