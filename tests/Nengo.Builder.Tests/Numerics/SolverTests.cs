using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Numerics;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

[TestFixture]
public class SolverTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    private static (Matrix<double> A, double[] X) TuningCurves(int nNeurons, int nPoints, int seed, double maxIntercept = 0.9) =>
        SolverTestData.TuningCurves(nNeurons, nPoints, seed, maxIntercept);

    private static Matrix<double> Column(double[] values) => M.Dense(values.Length, 1, (i, _) => values[i]);

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static Matrix<double> RandomMatrix(int rows, int cols, Random rng) => M.Dense(rows, cols, (_, _) => Gaussian(rng));

    /// <summary>Solves (AᵀA + m·diag(σ²))·X = AᵀY by forming the system element by element and LU-solving it.</summary>
    private static Matrix<double> DirectNormalEquations(Matrix<double> a, Matrix<double> y, double[] sigmas)
    {
        int m = a.RowCount, n = a.ColumnCount, k = y.ColumnCount;
        var g = M.Dense(n, n);
        var rhs = M.Dense(n, k);
        for (int p = 0; p < n; p++)
        {
            for (int q = 0; q < n; q++)
            {
                double s = 0;
                for (int i = 0; i < m; i++) s += a[i, p] * a[i, q];
                g[p, q] = s;
            }
            g[p, p] += m * sigmas[p] * sigmas[p];
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int i = 0; i < m; i++) s += a[i, p] * y[i, c];
                rhs[p, c] = s;
            }
        }
        return g.LU().Solve(rhs);
    }

    private static double MaxAbsDiff(Matrix<double> x, Matrix<double> y) => (x - y).Enumerate().Max(Math.Abs);

    [Test]
    public void LstsqL2_DecodesIdentity_Accurately()
    {
        var (a, x) = TuningCurves(50, 750, seed: 1);
        var result = new LstsqL2Solver().Solve(new LstsqL2(), a, Column(x), new Random(0));
        Assert.That(result.X.RowCount, Is.EqualTo(50));
        Assert.That(result.X.ColumnCount, Is.EqualTo(1));
        Assert.That(result.Rmses, Has.Length.EqualTo(1));
        Assert.That(result.Rmses[0], Is.LessThan(0.02));
    }

    [Test]
    public void LstsqL2_DecodesSquare_Accurately()
    {
        var (a, x) = TuningCurves(100, 750, seed: 2);
        var y = M.Dense(x.Length, 2, (i, j) => j == 0 ? x[i] : x[i] * x[i]);
        var result = new LstsqL2Solver().Solve(new LstsqL2(), a, y, new Random(0));
        Assert.That(result.X.ColumnCount, Is.EqualTo(2));
        Assert.That(result.Rmses[0], Is.LessThan(0.02));
        Assert.That(result.Rmses[1], Is.LessThan(0.03));
    }

    [Test]
    public void Rmses_EqualIndependentComputation()
    {
        var (a, x) = TuningCurves(30, 200, seed: 3);
        var y = M.Dense(x.Length, 3, (i, j) => Math.Pow(x[i], j + 1));
        var result = new LstsqL2Solver().Solve(new LstsqL2(0.05), a, y, new Random(0));
        for (int c = 0; c < 3; c++)
        {
            double sum = 0;
            for (int i = 0; i < a.RowCount; i++)
            {
                double yhat = 0;
                for (int j = 0; j < a.ColumnCount; j++) yhat += a[i, j] * result.X[j, c];
                sum += (yhat - y[i, c]) * (yhat - y[i, c]);
            }
            Assert.That(result.Rmses[c], Is.EqualTo(Math.Sqrt(sum / a.RowCount)).Within(1e-12));
        }
    }

    [Test]
    public void LstsqL2_Primal_MatchesDirectNormalEquations()
    {
        var (a, x) = TuningCurves(40, 300, seed: 4);
        var y = M.Dense(x.Length, 2, (i, j) => j == 0 ? x[i] : Math.Sin(3 * x[i]));
        double sigma = 0.1 * a.Enumerate().Max();
        var expected = DirectNormalEquations(a, y, Enumerable.Repeat(sigma, 40).ToArray());
        var result = new LstsqL2Solver().Solve(new LstsqL2(), a, y, new Random(0));
        Assert.That(MaxAbsDiff(result.X, expected), Is.LessThan(1e-10 * expected.Enumerate().Max(Math.Abs)));
    }

    [Test]
    public void LstsqL2_Dual_MatchesPrimalNormalEquations()
    {
        // m = 40 eval points < n = 120 neurons: the dual form is used and must give the primal solution.
        var (a, x) = TuningCurves(120, 40, seed: 5);
        var y = M.Dense(x.Length, 2, (i, j) => j == 0 ? x[i] : x[i] * x[i]);
        double sigma = 0.1 * a.Enumerate().Max();
        var expected = DirectNormalEquations(a, y, Enumerable.Repeat(sigma, 120).ToArray());
        var result = new LstsqL2Solver().Solve(new LstsqL2(), a, y, new Random(0));
        Assert.That(MaxAbsDiff(result.X, expected), Is.LessThan(1e-9 * expected.Enumerate().Max(Math.Abs)));
        // And the public core agrees on both paths.
        var viaCore = LstsqL2Solver.SolveL2(a, y, Enumerable.Repeat(sigma, 120).ToArray());
        Assert.That(MaxAbsDiff(viaCore, expected), Is.LessThan(1e-9 * expected.Enumerate().Max(Math.Abs)));
    }

    [Test]
    public void SigmaZero_RecoversExactSolution_Overdetermined()
    {
        var rng = new Random(6);
        var a = RandomMatrix(200, 20, rng);
        var xTrue = RandomMatrix(20, 3, rng);
        var y = a * xTrue;
        var result = new LstsqL2Solver().Solve(new LstsqL2(0), a, y, rng);
        Assert.That(MaxAbsDiff(result.X, xTrue), Is.LessThan(1e-10));
        Assert.That(result.Rmses, Is.All.LessThan(1e-10));
    }

    [Test]
    public void SigmaZero_Underdetermined_GivesMinimumNormExactFit()
    {
        var rng = new Random(7);
        var a = RandomMatrix(10, 30, rng);
        var y = RandomMatrix(10, 2, rng);
        var result = new LstsqL2Solver().Solve(new LstsqL2(0), a, y, rng);
        Assert.That(result.Rmses, Is.All.LessThan(1e-10));
        // The minimum-norm solution lies in the row space of A: X = Aᵀ·(AAᵀ)⁻¹·Y = pinv(A)·Y.
        var pinv = a.PseudoInverse();
        Assert.That(MaxAbsDiff(result.X, pinv * y), Is.LessThan(1e-10));
    }

    [Test]
    public void LstsqL2nz_Sigmas_FollowActiveFraction()
    {
        // Neuron 0 is active on half the points, neuron 1 on all, neuron 2 never.
        var a = M.DenseOfArray(new double[,] { { 0, 1, 0 }, { 2, 1, 0 }, { 0, 1, 0 }, { 4, 1, 0 } });
        var sigmas = LstsqL2nzSolver.Sigmas(a, 0.1);
        Assert.That(sigmas[0], Is.EqualTo(0.1 * 4 * Math.Sqrt(0.5)).Within(1e-15));
        Assert.That(sigmas[1], Is.EqualTo(0.1 * 4).Within(1e-15));
        Assert.That(sigmas[2], Is.EqualTo(sigmas[1]));
    }

    [Test]
    public void LstsqL2nz_DiffersFromL2_AndIsAccurate()
    {
        var (a, x) = TuningCurves(50, 750, seed: 8);
        var y = Column(x);
        var l2 = new LstsqL2Solver().Solve(new LstsqL2(), a, y, new Random(0));
        var nz = new LstsqL2nzSolver().Solve(new LstsqL2nz(), a, y, new Random(0));
        Assert.That(MaxAbsDiff(l2.X, nz.X), Is.GreaterThan(1e-6));
        Assert.That(nz.Rmses[0], Is.LessThan(0.02));
        // It is exactly the per-neuron L2 core.
        var expected = DirectNormalEquations(a, y, LstsqL2nzSolver.Sigmas(a, 0.1));
        Assert.That(MaxAbsDiff(nz.X, expected), Is.LessThan(1e-10 * expected.Enumerate().Max(Math.Abs)));
    }

    [Test]
    public void LstsqL2nz_SilentNeuron_IsRegularised()
    {
        // One neuron never fires (intercept beyond the range): its sigma becomes the max, so the system stays solvable.
        var (a0, x) = TuningCurves(20, 100, seed: 9);
        var a = a0.Append(M.Dense(100, 1));
        var result = new LstsqL2nzSolver().Solve(new LstsqL2nz(), a, Column(x), new Random(0));
        Assert.That(result.X[20, 0], Is.EqualTo(0.0).Within(1e-12));
        Assert.That(result.Rmses[0], Is.LessThan(0.05));
    }

    [Test]
    public void NotPositiveDefinite_ThrowsBuildError()
    {
        var (a0, x) = TuningCurves(10, 100, seed: 10);
        var a = a0.Append(M.Dense(100, 1)); // a silent neuron, no regularisation
        Assert.That(() => new LstsqL2Solver().Solve(new LstsqL2(0), a, Column(x), new Random(0)),
            Throws.TypeOf<BuildError>().With.Message.Contains("not positive definite"));
    }

    [Test]
    public void InvalidArguments()
    {
        var (a, x) = TuningCurves(10, 50, seed: 11);
        var y = Column(x);
        Assert.That(() => new LstsqL2Solver().Solve(new LstsqL2(-0.1), a, y, new Random(0)), Throws.TypeOf<ValidationError>());
        Assert.That(() => new LstsqL2nzSolver().Solve(new LstsqL2nz(double.NaN), a, y, new Random(0)), Throws.TypeOf<ValidationError>());
        Assert.That(() => new LstsqL2Solver().Solve(new LstsqL2nz(), a, y, new Random(0)), Throws.ArgumentException);
        Assert.That(() => new LstsqL2Solver().Solve(new LstsqL2(), a, M.Dense(49, 1), new Random(0)), Throws.ArgumentException);
    }

    [Test]
    public void ComputeRmses_ShapeMismatch_Throws()
    {
        Assert.That(() => SolverResult.ComputeRmses(M.Dense(3, 2), M.Dense(3, 1), M.Dense(3, 1)), Throws.ArgumentException);
    }

    [TestCase(1, 1)]
    [TestCase(5, 3)]
    [TestCase(3, 9)]
    [TestCase(1030, 37)]
    [TestCase(7, 70)]
    [TestCase(1100, 70)] // large enough for the parallel path
    public void Gram_MatchesNaiveProduct(int rows, int cols)
    {
        var a = RandomMatrix(rows, cols, new Random(rows * 1000 + cols));
        var g = LstsqL2Solver.Gram(a.ToColumnMajorArray(), rows, cols);
        var expected = a.TransposeThisAndMultiply(a);
        Assert.That(g.RowCount, Is.EqualTo(cols));
        Assert.That(g.ColumnCount, Is.EqualTo(cols));
        Assert.That(MaxAbsDiff(g, expected), Is.LessThan(1e-12 * Math.Max(1, rows)));
        Assert.That(g, Is.EqualTo(g.Transpose()), "exactly symmetric");
    }

    // --- registry ---

    private abstract record BaseFake() : Solver(false);

    private sealed record DerivedFake() : BaseFake();

    private sealed record UnknownSolver() : Solver(false);

    private sealed class FakeImpl : IDecoderSolver
    {
        public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng) =>
            new(M.Dense(A.ColumnCount, Y.ColumnCount), new double[Y.ColumnCount]);
    }

    [Test]
    public void Registry_Default_ResolvesBuiltIns()
    {
        var registry = SolverRegistry.CreateDefault();
        Assert.That(registry.Get(new LstsqL2()), Is.TypeOf<LstsqL2Solver>());
        Assert.That(registry.Get(new LstsqL2nz(0.2)), Is.TypeOf<LstsqL2nzSolver>());
        Assert.That(registry.Get(new LstsqL2(0.1, weights: true)), Is.TypeOf<LstsqL2Solver>());
        Assert.That(registry.Contains(new LstsqL2()), Is.True);
        Assert.That(registry.Contains(new UnknownSolver()), Is.False);
    }

    [Test]
    public void Registry_Missing_ThrowsBuildError()
    {
        var registry = SolverRegistry.CreateDefault();
        Assert.That(() => registry.Get(new UnknownSolver()),
            Throws.TypeOf<BuildError>().With.Message.Contains("no solver implementation for 'UnknownSolver'"));
        Assert.That(() => new SolverRegistry().Get(new LstsqL2()), Throws.TypeOf<BuildError>());
    }

    [Test]
    public void Registry_Duplicate_Throws_AndReplaceOverrides()
    {
        var registry = SolverRegistry.CreateDefault();
        Assert.That(() => registry.Register<LstsqL2>(new FakeImpl()), Throws.InvalidOperationException);
        var fake = new FakeImpl();
        registry.Replace<LstsqL2>(fake);
        Assert.That(registry.Get(new LstsqL2()), Is.SameAs(fake));
        registry.Replace<UnknownSolver>(fake); // Replace also adds
        Assert.That(registry.Get(new UnknownSolver()), Is.SameAs(fake));
    }

    [Test]
    public void Registry_WalksBaseTypes()
    {
        var registry = new SolverRegistry();
        var baseImpl = new FakeImpl();
        registry.Register<BaseFake>(baseImpl);
        Assert.That(registry.Get(new DerivedFake()), Is.SameAs(baseImpl));
        var derivedImpl = new FakeImpl();
        registry.Register<DerivedFake>(derivedImpl);
        Assert.That(registry.Get(new DerivedFake()), Is.SameAs(derivedImpl));
        Assert.That(() => registry.Get(new LstsqL2()), Throws.TypeOf<BuildError>());
    }

    [Test]
    public void Registry_InstancesAreIndependent()
    {
        var a = SolverRegistry.CreateDefault();
        var b = SolverRegistry.CreateDefault();
        a.Replace<LstsqL2>(new FakeImpl());
        Assert.That(b.Get(new LstsqL2()), Is.TypeOf<LstsqL2Solver>());
    }
}
