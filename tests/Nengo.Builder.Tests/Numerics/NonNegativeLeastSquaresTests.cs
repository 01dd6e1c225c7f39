using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Numerics;
using NUnit.Framework;
using static Nengo.Builder.Tests.SolverTestData;

namespace Nengo.Builder.Tests;

[TestFixture]
public class NonNegativeLeastSquaresTests
{
    private static double Residual(Matrix<double> a, double[] x, double[] b) =>
        (a * Vector<double>.Build.DenseOfArray(x) - Vector<double>.Build.DenseOfArray(b)).L2Norm();

    /// <summary>Checks the KKT conditions of min ‖Ax − b‖, x ≥ 0: x ≥ 0, ∇ = Aᵀ(Ax − b) ≥ −tol where x = 0 and |∇| ≤ tol where x &gt; 0.</summary>
    internal static void AssertKkt(Matrix<double> a, double[] x, double[] b, double relTol = 1e-9)
    {
        var xv = Vector<double>.Build.DenseOfArray(x);
        var bv = Vector<double>.Build.DenseOfArray(b);
        var grad = a.TransposeThisAndMultiply(a * xv - bv);
        // Scale: the size of the terms that cancel in the gradient.
        double scale = Math.Max(a.TransposeThisAndMultiply(bv).InfinityNorm(), 1e-300)
                       + a.TransposeThisAndMultiply(a).InfinityNorm() * xv.InfinityNorm();
        double tol = relTol * scale;
        for (int j = 0; j < x.Length; j++)
        {
            Assert.That(x[j], Is.GreaterThanOrEqualTo(0), $"x[{j}]");
            if (x[j] > 0) Assert.That(Math.Abs(grad[j]), Is.LessThanOrEqualTo(tol), $"gradient at positive x[{j}] = {x[j]}");
            else Assert.That(grad[j], Is.GreaterThanOrEqualTo(-tol), $"gradient at zero x[{j}]");
        }
    }

    /// <summary>Reference by enumeration: the best least-squares solution over every support set whose solution is non-negative.</summary>
    private static (double[] X, double Residual) BruteForce(Matrix<double> a, double[] b)
    {
        int n = a.ColumnCount;
        double best = Residual(a, new double[n], b);
        var bestX = new double[n];
        for (int mask = 1; mask < 1 << n; mask++)
        {
            var cols = Enumerable.Range(0, n).Where(j => (mask & (1 << j)) != 0).ToArray();
            if (cols.Length > a.RowCount) continue;
            var sub = M.Dense(a.RowCount, cols.Length, (i, c) => a[i, cols[c]]);
            // Some optimum has linearly independent support, so dependent subsets can be skipped.
            var qr = sub.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            if (Enumerable.Range(0, cols.Length).Any(d => Math.Abs(qr.R[d, d]) < 1e-9)) continue;
            var s = qr.Solve(Vector<double>.Build.DenseOfArray(b));
            if (s.Any(v => v < 0)) continue;
            var x = new double[n];
            for (int c = 0; c < cols.Length; c++) x[cols[c]] = s[c];
            double r = Residual(a, x, b);
            if (r < best - 1e-12) { best = r; bestX = x; }
        }
        return (bestX, best);
    }

    [Test]
    public void ScipyDocExample()
    {
        var a = M.DenseOfArray(new double[,] { { 1, 0 }, { 1, 0 }, { 0, 1 } });
        var x = NonNegativeLeastSquares.Solve(a, [2, 1, 1]);
        Assert.That(x[0], Is.EqualTo(1.5).Within(1e-14));
        Assert.That(x[1], Is.EqualTo(1.0).Within(1e-14));
        Assert.That(Residual(a, x, [2, 1, 1]), Is.EqualTo(Math.Sqrt(0.5)).Within(1e-14));

        Assert.That(NonNegativeLeastSquares.Solve(a, [-1, -1, -1]), Is.EqualTo(new double[] { 0, 0 }));
    }

    [Test]
    public void HandSolved2x2_WithActiveConstraint()
    {
        // Unconstrained: x1 = 2, x1 + x2 = 1 → x2 = −1. With x2 = 0: min (x1−2)² + (x1−1)² → x1 = 1.5.
        var a = M.DenseOfArray(new double[,] { { 1, 0 }, { 1, 1 } });
        var x = NonNegativeLeastSquares.Solve(a, [2, 1]);
        Assert.That(x[0], Is.EqualTo(1.5).Within(1e-14));
        Assert.That(x[1], Is.EqualTo(0.0));
        AssertKkt(a, x, [2, 1]);
    }

    [Test]
    public void HandSolved3x3_WithActiveConstraint()
    {
        // min ‖Ax − b‖ with A = [[1,0,0],[1,1,0],[0,1,1]] and b = [−1, 3, 0]: unconstrained x = (−1, 4, −4).
        // x3 = 0 (its gradient 2·(x2 + x3) > 0); then (x1 + 1)² + (x1 + x2 − 3)² + x2² is minimal at
        // 2x1 + x2 = 2, x1 + 2x2 = 3 → x = (1/3, 4/3, 0).
        var a = M.DenseOfArray(new double[,] { { 1, 0, 0 }, { 1, 1, 0 }, { 0, 1, 1 } });
        double[] b = [-1, 3, 0];
        var x = NonNegativeLeastSquares.Solve(a, b);
        Assert.That(x, Is.EqualTo(new double[] { 1.0 / 3, 4.0 / 3, 0 }).Within(1e-14));
        AssertKkt(a, x, b);

        // All positive: the exact solution.
        var x2 = NonNegativeLeastSquares.Solve(a, [1, 3, 5]);
        Assert.That(x2, Is.EqualTo(new double[] { 1, 2, 3 }).Within(1e-12));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void MatchesBruteForce_OnSmallRandomProblems(int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 2 + rng.Next(6), m = n + rng.Next(8);
            var a = RandomMatrix(m, n, rng);
            var b = Enumerable.Range(0, m).Select(_ => rng.NextGaussian()).ToArray();
            var x = NonNegativeLeastSquares.Solve(a, b);
            var (_, bestR) = BruteForce(a, b);
            Assert.That(Residual(a, x, b), Is.EqualTo(bestR).Within(1e-10 * (1 + bestR)), $"trial {trial} ({m}x{n})");
            AssertKkt(a, x, b);
        }
    }

    [TestCase(11)]
    [TestCase(12)]
    [TestCase(13)]
    [TestCase(14)]
    public void Random50x20_SatisfiesKkt(int seed)
    {
        var rng = new Random(seed);
        var a = RandomMatrix(50, 20, rng);
        // Half the true coefficients negative, so many constraints are active.
        var xTrue = Vector<double>.Build.Dense(20, _ => rng.NextGaussian());
        var b = (a * xTrue + Vector<double>.Build.Dense(50, _ => 0.1 * rng.NextGaussian())).ToArray();
        var x = NonNegativeLeastSquares.Solve(a, b);
        AssertKkt(a, x, b);
        int active = x.Count(v => v == 0), positive = x.Count(v => v > 0);
        Assert.That(active, Is.GreaterThan(0));
        Assert.That(positive, Is.GreaterThan(0));
    }

    [Test]
    public void NonNegativeMatrix_LikeTuningCurves_SatisfiesKkt()
    {
        var (a, xs) = TuningCurves(60, 300, seed: 4);
        var b = xs.Select(v => v * v).ToArray();
        var x = NonNegativeLeastSquares.Solve(a, b);
        AssertKkt(a, x, b, relTol: 1e-8);
    }

    [Test]
    public void DependentColumns_StillOptimal()
    {
        var rng = new Random(7);
        var a0 = RandomMatrix(12, 5, rng);
        // Column 5 duplicates column 0, column 6 is the sum of columns 1 and 2.
        var a = M.Dense(12, 7, (i, j) => j < 5 ? a0[i, j] : j == 5 ? a0[i, 0] : a0[i, 1] + a0[i, 2]);
        for (int trial = 0; trial < 10; trial++)
        {
            var b = Enumerable.Range(0, 12).Select(_ => rng.NextGaussian()).ToArray();
            var x = NonNegativeLeastSquares.Solve(a, b);
            var (_, bestR) = BruteForce(a, b);
            Assert.That(Residual(a, x, b), Is.EqualTo(bestR).Within(1e-9 * (1 + bestR)));
            AssertKkt(a, x, b, relTol: 1e-8);
        }
    }

    [Test]
    public void Underdetermined_SatisfiesKkt()
    {
        var rng = new Random(21);
        var a = RandomMatrix(20, 50, rng);
        var b = Enumerable.Range(0, 20).Select(_ => rng.NextGaussian()).ToArray();
        var x = NonNegativeLeastSquares.Solve(a, b);
        AssertKkt(a, x, b, relTol: 1e-8);
        // A non-negative exact fit exists for a random 20×50 system with overwhelming probability.
        Assert.That(Residual(a, x, b), Is.LessThan(1e-8));
    }

    [Test]
    public void GramForm_MatchesMatrixForm()
    {
        var rng = new Random(3);
        var a = RandomMatrix(40, 15, rng);
        var b = Enumerable.Range(0, 40).Select(_ => rng.NextGaussian()).ToArray();
        var x1 = NonNegativeLeastSquares.Solve(a, b);
        var gram = a.TransposeThisAndMultiply(a);
        var c = a.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(b)).ToArray();
        var x2 = NonNegativeLeastSquares.SolveGram(gram, c);
        Assert.That(x2, Is.EqualTo(x1).Within(1e-10));
    }

    [Test]
    public void Columns_MatchSingleSolves_SerialAndParallel()
    {
        var rng = new Random(5);
        var a = RandomMatrix(80, 40, rng);
        foreach (int k in new[] { 2, 300 }) // 300 columns takes the parallel path
        {
            var bm = RandomMatrix(80, k, rng);
            var x = NonNegativeLeastSquares.Solve(a, bm);
            Assert.That(x.RowCount, Is.EqualTo(40));
            Assert.That(x.ColumnCount, Is.EqualTo(k));
            foreach (int col in new[] { 0, 1, k - 1 })
            {
                var single = NonNegativeLeastSquares.Solve(a, bm.Column(col).ToArray());
                Assert.That(x.Column(col).ToArray(), Is.EqualTo(single).Within(1e-12), $"k={k}, column {col}");
            }
        }
    }

    [Test]
    public void EdgeCases()
    {
        var a = M.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.That(NonNegativeLeastSquares.Solve(a, [0, 0]), Is.EqualTo(new double[] { 0, 0 }));
        Assert.That(NonNegativeLeastSquares.Solve(M.Dense(3, 0), [1, 2, 3]), Is.Empty);
        // maxIter = 0: no step is taken.
        Assert.That(NonNegativeLeastSquares.Solve(a, [1, 1], maxIter: 0), Is.EqualTo(new double[] { 0, 0 }));
        // A zero column never enters.
        var z = M.DenseOfArray(new double[,] { { 1, 0 }, { 1, 0 } });
        Assert.That(NonNegativeLeastSquares.Solve(z, [1, 3]), Is.EqualTo(new double[] { 2, 0 }).Within(1e-14));
    }

    [Test]
    public void InvalidArguments_Throw()
    {
        var a = M.Dense(3, 2, 1.0);
        Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(a, [1, 2]));
        Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(a, [1, double.NaN, 2]));
        Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(a, [1, 2, 3], maxIter: -1));
        Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.SolveGram(M.Dense(2, 3), [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.SolveGram(M.DenseIdentity(2), [1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentNullException>(() => NonNegativeLeastSquares.Solve(null!, [1.0]));
    }
}
