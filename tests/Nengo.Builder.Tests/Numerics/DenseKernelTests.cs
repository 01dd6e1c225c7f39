using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Numerics;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>The tiled Gram, products and blocked Cholesky against naive triple loops.</summary>
[TestFixture]
public class DenseKernelTests
{
    private static double[] Sparse(int count, Random rng) =>
        Enumerable.Range(0, count).Select(_ => rng.NextDouble() < 0.5 ? 0.0 : 400 * rng.NextDouble()).ToArray();

    private static double MaxRelative(Func<int, int, double> got, Func<int, int, double> want, int rows, int cols)
    {
        double worst = 0, scale = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) scale = Math.Max(scale, Math.Abs(want(i, j)));
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) worst = Math.Max(worst, Math.Abs(got(i, j) - want(i, j)) / scale);
        return worst;
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(9)]
    [TestCase(750)]
    public void CountPositive_CountsWhatTheScalarTestCounts(int length)
    {
        // Zeros of both signs, NaN, infinities, the smallest subnormal and negatives, at every position.
        double[] pool = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 1.5, -2.0];
        var rng = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => pool[rng.Next(pool.Length)]).ToArray();
        Assert.That(SolverHelpers.CountPositive(values), Is.EqualTo(values.Count(v => v > 0)));
        for (int start = 0; start < Math.Min(length, 5); start++)
            Assert.That(SolverHelpers.CountPositive(values.AsSpan(start)), Is.EqualTo(values.Skip(start).Count(v => v > 0)), $"from {start}");
    }

    [TestCase(1, 1)]
    [TestCase(7, 5)]
    [TestCase(300, 137)]
    [TestCase(513, 101)]
    [TestCase(1000, 250)]
    public void GramMatchesTheTripleLoop(int m, int n)
    {
        var a = Sparse(m * n, new Random(m + n));
        var g = LstsqL2Solver.Gram(a, m, n);
        double Naive(int p, int q)
        {
            double s = 0;
            for (int r = 0; r < m; r++) s += a[p * m + r] * a[q * m + r];
            return s;
        }
        Assert.That(MaxRelative((p, q) => g[p, q], Naive, n, n), Is.LessThan(1e-12));
        for (int p = 0; p < n; p++)
            for (int q = 0; q < p; q++) Assert.That(g[p, q], Is.EqualTo(g[q, p]), "symmetric");
    }

    [TestCase(5, 3, 2)]
    [TestCase(700, 130, 16)]
    public void ProductsMatchTheTripleLoop(int m, int n, int k)
    {
        var rng = new Random(3);
        var a = Matrix<double>.Build.Dense(m, n, Sparse(m * n, rng));
        var b = Matrix<double>.Build.Dense(m, k, (_, _) => rng.NextDouble() - 0.5);
        var x = Matrix<double>.Build.Dense(n, k, (_, _) => rng.NextDouble() - 0.5);
        var atb = DenseMath.TransposeAndMultiply(a, b);
        var ax = DenseMath.Multiply(a, x);
        double NaiveAtb(int i, int j) { double s = 0; for (int r = 0; r < m; r++) s += a[r, i] * b[r, j]; return s; }
        double NaiveAx(int i, int j) { double s = 0; for (int q = 0; q < n; q++) s += a[i, q] * x[q, j]; return s; }
        Assert.That(MaxRelative((i, j) => atb[i, j], NaiveAtb, n, k), Is.LessThan(1e-12));
        Assert.That(MaxRelative((i, j) => ax[i, j], NaiveAx, m, k), Is.LessThan(1e-12));
    }

    [TestCase(1, 1)]
    [TestCase(63, 3)]
    [TestCase(65, 1)]
    [TestCase(300, 16)]
    [TestCase(700, 5)]
    public void CholeskySolveMatchesTheUnblockedFactorisation(int n, int k)
    {
        var rng = new Random(n);
        var a = Matrix<double>.Build.Dense(2 * n, n, (_, _) => rng.NextDouble());
        var g = a.TransposeThisAndMultiply(a) + Matrix<double>.Build.DenseIdentity(n) * n;
        var rhs = Matrix<double>.Build.Dense(n, k, (_, _) => rng.NextDouble() - 0.5);
        var x = DenseMath.CholeskySolve(g, rhs)!;
        // Reference: textbook Cholesky–Banachiewicz and two substitutions, element by element.
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = g[i, j];
                for (int p = 0; p < j; p++) s -= l[i, p] * l[j, p];
                l[i, j] = i == j ? Math.Sqrt(s) : s / l[j, j];
            }
        var want = new double[n, k];
        for (int c = 0; c < k; c++)
        {
            var y = new double[n];
            for (int i = 0; i < n; i++) { double s = rhs[i, c]; for (int p = 0; p < i; p++) s -= l[i, p] * y[p]; y[i] = s / l[i, i]; }
            for (int i = n - 1; i >= 0; i--) { double s = y[i]; for (int p = i + 1; p < n; p++) s -= l[p, i] * want[p, c]; want[i, c] = s / l[i, i]; }
        }
        Assert.That(MaxRelative((i, j) => x[i, j], (i, j) => want[i, j], n, k), Is.LessThan(1e-12));
    }

    [Test]
    public void CholeskyReportsAnIndefiniteMatrix()
    {
        var g = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 1 } });
        Assert.That(DenseMath.CholeskySolve(g, Matrix<double>.Build.Dense(2, 1, 1.0)), Is.Null);
        var big = Matrix<double>.Build.DenseIdentity(200);
        big[150, 150] = -1;
        Assert.That(DenseMath.CholeskySolve(big, Matrix<double>.Build.Dense(200, 2, 1.0)), Is.Null);
    }
}
