using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Numerics;
using NUnit.Framework;
using static Nengo.Builder.Tests.SolverTestData;

namespace Nengo.Builder.Tests;

[TestFixture]
public class MoreSolversTests
{
    private static SolverResult Run(Solver solver, Matrix<double> a, Matrix<double> y, int seed = 0) =>
        SolverRegistry.CreateDefault().Get(solver).Solve(solver, a, y, new Random(seed));

    private static Matrix<double> Rectified(double[] xs) => Column(xs.Select(v => Math.Max(v, 0)));

    // ---------------------------------------------------------------- Lstsq

    [Test]
    public void Lstsq_ExactOnWellConditionedSystem()
    {
        var rng = new Random(1);
        var a = RandomMatrix(60, 12, rng);
        var xTrue = RandomMatrix(12, 3, rng);
        var result = Run(new Lstsq(), a, a * xTrue);
        Assert.That(MaxAbsDiff(result.X, xTrue), Is.LessThan(1e-12));
        Assert.That(result.Rmses, Has.All.LessThan(1e-12));
    }

    [Test]
    public void Lstsq_MatchesNormalEquations_OnNoisyTargets()
    {
        var rng = new Random(2);
        var a = RandomMatrix(80, 10, rng);
        var y = RandomMatrix(80, 2, rng);
        var x = Run(new Lstsq(rcond: 0), a, y).X;
        var expected = a.TransposeThisAndMultiply(a).Cholesky().Solve(a.TransposeThisAndMultiply(y));
        Assert.That(MaxAbsDiff(x, expected), Is.LessThan(1e-12));
    }

    [Test]
    public void Lstsq_Underdetermined_GivesMinimumNormExactFit()
    {
        var rng = new Random(3);
        var a = RandomMatrix(8, 20, rng);
        var y = RandomMatrix(8, 2, rng);
        var x = Run(new Lstsq(), a, y).X;
        var expected = a.TransposeThisAndMultiply(a.TransposeAndMultiply(a).Cholesky().Solve(y));
        Assert.That(MaxAbsDiff(x, expected), Is.LessThan(1e-12));
        Assert.That(MaxAbsDiff(a * x, y), Is.LessThan(1e-12));
    }

    [Test]
    public void Lstsq_Rcond_DropsSmallSingularValues()
    {
        // A = U·diag(1, 1e-3)·Vᵀ with orthonormal U (30×2), V (2×2).
        var rng = new Random(4);
        var u = RandomMatrix(30, 2, rng).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
        double c = Math.Cos(0.3), s = Math.Sin(0.3);
        var v = M.DenseOfArray(new double[,] { { c, -s }, { s, c } });
        var a = u * M.DenseOfDiagonalArray([1.0, 1e-3]) * v.Transpose();
        var y = u * M.Dense(2, 1, [2.0, 5e-3]); // = A·(V·[2, 5])
        // rcond = 0.01 drops the second singular value: X = V·[2, 0].
        var x = Run(new Lstsq(rcond: 0.01), a, y).X;
        Assert.That(MaxAbsDiff(x, v * M.Dense(2, 1, [2.0, 0.0])), Is.LessThan(1e-10));
        // rcond = 1e-4 keeps it: X = V·[2, 5].
        var x2 = Run(new Lstsq(rcond: 1e-4), a, y).X;
        Assert.That(MaxAbsDiff(x2, v * M.Dense(2, 1, [2.0, 5.0])), Is.LessThan(1e-8));

        LstsqSolver.SolvePseudoInverse(a, y, 0.01, out int rank, out var sv);
        Assert.That(rank, Is.EqualTo(1));
        Assert.That(sv, Is.EqualTo(new[] { 1.0, 1e-3 }).Within(1e-12));
    }

    [Test]
    public void Lstsq_DecodesTuningCurves()
    {
        var (a, xs) = TuningCurves(50, 750, seed: 1);
        var result = Run(new Lstsq(), a, Column(xs));
        Assert.That(result.Rmses[0], Is.LessThan(0.01));
    }

    // ---------------------------------------------------------------- noise solvers

    [Test]
    public void LstsqNoise_AccurateAndDeterministicPerSeed()
    {
        var (a, xs) = TuningCurves(50, 750, seed: 2);
        var y = Column(xs);
        var r1 = Run(new LstsqNoise(), a, y, seed: 5);
        var r2 = Run(new LstsqNoise(), a, y, seed: 5);
        var r3 = Run(new LstsqNoise(), a, y, seed: 6);
        Assert.That(r1.X.ToColumnMajorArray(), Is.EqualTo(r2.X.ToColumnMajorArray()));
        Assert.That(MaxAbsDiff(r1.X, r3.X), Is.GreaterThan(1e-6));
        Assert.That(r1.Rmses[0], Is.LessThan(0.03));
        // The noise regularises like LstsqL2: the decoders are of the same size.
        var l2 = Run(new LstsqL2(), a, y);
        Assert.That(r1.X.L2Norm(), Is.LessThan(3 * l2.X.L2Norm()));
        Assert.That(r1.Rmses[0], Is.EqualTo(SolverResult.ComputeRmses(a, r1.X, y)[0]));
    }

    [Test]
    public void LstsqNoise_ZeroNoise_IsPlainLeastSquares()
    {
        var rng = new Random(7);
        var a = RandomMatrix(40, 8, rng);
        var y = RandomMatrix(40, 2, rng);
        var x = Run(new LstsqNoise(noise: 0), a, y).X;
        Assert.That(MaxAbsDiff(x, Run(new Lstsq(rcond: 0), a, y).X), Is.LessThan(1e-10));
    }

    [Test]
    public void LstsqMultNoise_AccurateAndDeterministicPerSeed()
    {
        var (a, xs) = TuningCurves(50, 750, seed: 3);
        var y = Column(xs);
        var r1 = Run(new LstsqMultNoise(), a, y, seed: 5);
        var r2 = Run(new LstsqMultNoise(), a, y, seed: 5);
        var r3 = Run(new LstsqMultNoise(), a, y, seed: 6);
        Assert.That(r1.X.ToColumnMajorArray(), Is.EqualTo(r2.X.ToColumnMajorArray()));
        Assert.That(MaxAbsDiff(r1.X, r3.X), Is.GreaterThan(1e-6));
        Assert.That(r1.Rmses[0], Is.LessThan(0.03));
    }

    [Test]
    public void NoiseSolvers_UseTheGivenRng()
    {
        // The noise draws advance the generator: m·n Gaussian draws, two uniforms each.
        var (a, xs) = TuningCurves(5, 20, seed: 4);
        var rng = new Random(9);
        new LstsqNoiseSolver().Solve(new LstsqNoise(), a, Column(xs), rng);
        var reference = new Random(9);
        for (int i = 0; i < 2 * 5 * 20; i++) reference.NextDouble();
        Assert.That(rng.NextDouble(), Is.EqualTo(reference.NextDouble()));
    }

    // ---------------------------------------------------------------- LstsqL1

    [Test]
    public void LstsqL1_SparserThanL2_WithSimilarError()
    {
        var (a, xs) = TuningCurves(100, 750, seed: 5);
        var y = Columns(xs, xs.Select(v => v * v).ToArray());
        var l1 = Run(new LstsqL1(), a, y);
        var l2 = Run(new LstsqL2(), a, y);
        int zerosL1 = CountNearZero(l1.X), zerosL2 = CountNearZero(l2.X);
        TestContext.Out.WriteLine($"L1 zeros {zerosL1}/200, rmses {l1.Rmses[0]:g3} {l1.Rmses[1]:g3}; L2 zeros {zerosL2}, rmses {l2.Rmses[0]:g3} {l2.Rmses[1]:g3}");
        Assert.That(zerosL1, Is.GreaterThan(zerosL2 + 40));
        for (int j = 0; j < 2; j++)
            Assert.That(l1.Rmses[j], Is.LessThan(2 * l2.Rmses[j] + 0.01));
        Assert.That(l1.Rmses[0], Is.LessThan(0.05));
    }

    [Test]
    public void LstsqL1_SatisfiesElasticNetOptimality()
    {
        // Subgradient conditions of (1/2m)‖y − Ax‖² + αr‖x‖₁ + ½α(1 − r)‖x‖²:
        // g_j = (1/m)·a_jᵀ(y − Ax) − α(1 − r)·x_j equals αr·sign(x_j) where x_j ≠ 0 and |g_j| ≤ αr where x_j = 0.
        var (a, xs) = TuningCurves(30, 400, seed: 6);
        var y = Column(xs);
        double l1 = 1e-3, l2 = 1e-5;
        var x = Run(new LstsqL1(l1, l2, maxIter: 100000), a, y).X;
        double aMax = a.Enumerate().Max();
        double alpha = l1 * aMax + l2 * aMax * aMax, r = l1 * aMax / alpha;
        int m = a.RowCount;
        var g = a.TransposeThisAndMultiply(y - a * x) / m - alpha * (1 - r) * x;
        double tol = 0.02 * alpha * r;
        int nonzero = 0;
        for (int j = 0; j < x.RowCount; j++)
        {
            if (x[j, 0] != 0)
            {
                nonzero++;
                Assert.That(g[j, 0], Is.EqualTo(alpha * r * Math.Sign(x[j, 0])).Within(tol), $"neuron {j}");
            }
            else Assert.That(Math.Abs(g[j, 0]), Is.LessThanOrEqualTo(alpha * r + tol), $"neuron {j}");
        }
        Assert.That(nonzero, Is.InRange(1, x.RowCount - 1));
    }

    [Test]
    public void LstsqL1_ZeroPenalty_IsLeastSquares()
    {
        var rng = new Random(8);
        var a = RandomMatrix(50, 6, rng);
        var y = RandomMatrix(50, 1, rng);
        var x = Run(new LstsqL1(l1: 0, l2: 0, maxIter: 5000), a, y).X;
        Assert.That(MaxAbsDiff(x, Run(new Lstsq(rcond: 0), a, y).X), Is.LessThan(1e-4));
    }

    // ---------------------------------------------------------------- LstsqDrop

    [Test]
    public void LstsqDrop_DropsTheFraction_AndStaysAccurate()
    {
        var (a, xs) = TuningCurves(100, 750, seed: 7);
        var y = Columns(xs, xs.Select(v => v * v).ToArray());
        var result = Run(new LstsqDrop(), a, y);
        int size = 200, zeros = result.X.Enumerate().Count(v => v == 0);
        Assert.That(zeros, Is.EqualTo((int)Math.Round(0.25 * size)));
        Assert.That(result.Rmses[0], Is.LessThan(0.02));
        Assert.That(result.Rmses[1], Is.LessThan(0.03));
        var l2 = Run(new LstsqL2(), a, y);
        for (int j = 0; j < 2; j++) Assert.That(result.Rmses[j], Is.LessThan(1.5 * l2.Rmses[j]));
    }

    [Test]
    public void LstsqDrop_ThresholdIsOverWholeMatrix_AndResolvesSurvivors()
    {
        // Column 1 has decoders 1000× smaller than column 0, so the whole-matrix threshold drops it entirely.
        var (a, xs) = TuningCurves(40, 500, seed: 8);
        var y = Columns(xs, xs.Select(v => 1e-3 * v * v).ToArray());
        var drop = new LstsqDrop(drop: 0.5);
        var result = Run(drop, a, y);
        Assert.That(result.X.Column(1).Enumerate().All(v => v == 0), Is.True);
        Assert.That(result.X.Enumerate().Count(v => v == 0), Is.EqualTo(40));

        // The surviving column equals solver2 on the surviving neurons.
        var keep = Enumerable.Range(0, 40).Where(i => result.X[i, 0] != 0).ToArray();
        var sub = M.Dense(a.RowCount, keep.Length, (r, c) => a[r, keep[c]]);
        var expected = LstsqL2Solver.SolveL2(sub, y.SubMatrix(0, a.RowCount, 0, 1), 0.1 * sub.Enumerate().Max());
        for (int c = 0; c < keep.Length; c++)
            Assert.That(result.X[keep[c], 0], Is.EqualTo(expected[c, 0]).Within(1e-12));
    }

    [Test]
    public void LstsqDrop_UsesRegistryForSubSolvers()
    {
        var (a, xs) = TuningCurves(30, 300, seed: 9);
        var y = Column(xs);
        var result = Run(new LstsqDrop(drop: 0.2, solver1: new Lstsq(), solver2: new NnlsL2()), a, y);
        Assert.That(result.X.Enumerate().Count(v => v == 0), Is.GreaterThanOrEqualTo(6));
        Assert.That(result.X.Enumerate().All(v => v >= 0), Is.True); // NnlsL2 re-solve
    }

    // ---------------------------------------------------------------- NNLS solvers

    [Test]
    public void Nnls_NonNegative_DecodesRectifiedFunction()
    {
        var (a, xs) = TuningCurves(50, 750, seed: 10);
        var y = Rectified(xs);
        var result = Run(new Nnls(), a, y);
        Assert.That(result.X.Enumerate().All(v => v >= 0), Is.True);
        Assert.That(result.Rmses[0], Is.LessThan(0.01));
        var direct = NonNegativeLeastSquares.Solve(a, y.Column(0).ToArray());
        Assert.That(result.X.Column(0).ToArray(), Is.EqualTo(direct).Within(1e-12));
    }

    [Test]
    public void NnlsL2_NonNegative_DecodesRectifiedFunction()
    {
        var (a, xs) = TuningCurves(100, 750, seed: 11);
        var y = Rectified(xs);
        var result = Run(new NnlsL2(), a, y);
        TestContext.Out.WriteLine($"NnlsL2 rmse {result.Rmses[0]:g4}, zeros {CountNearZero(result.X)}");
        Assert.That(result.X.Enumerate().All(v => v >= 0), Is.True);
        Assert.That(result.Rmses[0], Is.LessThan(0.05));
        Assert.That(CountNearZero(result.X), Is.GreaterThan(0)); // constraints are active
    }

    [Test]
    public void NnlsL2_ClipsTargetsAtZero()
    {
        var (a, xs) = TuningCurves(40, 400, seed: 12);
        var x1 = Run(new NnlsL2(), a, Column(xs)).X;
        var x2 = Run(new NnlsL2(), a, Rectified(xs)).X;
        Assert.That(x1.ToColumnMajorArray(), Is.EqualTo(x2.ToColumnMajorArray()));
    }

    [Test]
    public void NnlsL2_SolvesTheNormalEquationsAsAnNnlsSystem()
    {
        // Nengo: nnls(G, c) with G = AᵀA + mσ²I, c = Aᵀ·max(Y, 0).
        var (a, xs) = TuningCurves(30, 300, seed: 13);
        var y = Rectified(xs);
        double sigma = 0.1 * a.Enumerate().Max();
        var g = a.TransposeThisAndMultiply(a) + M.DenseIdentity(30) * (300 * sigma * sigma);
        var c = a.TransposeThisAndMultiply(y).Column(0).ToArray();
        var expected = NonNegativeLeastSquares.Solve(g, c);
        var x = Run(new NnlsL2(), a, y).X.Column(0).ToArray();
        Assert.That(x, Is.EqualTo(expected).Within(1e-9 * expected.Max()));
        NonNegativeLeastSquaresTests.AssertKkt(g, x, c, relTol: 1e-8);
    }

    [TestCase(21)]
    [TestCase(22)]
    [TestCase(23)]
    public void NnlsL2nz_BasalGangliaSize_ConvergesToKktPoint(int seed)
    {
        // 100 neurons × 750 points, as BasalGanglia's ensembles: the default iteration limit (3n) must suffice.
        var (a, xs) = TuningCurves(100, 750, seed);
        var y = Rectified(xs);
        var sigmas = NnlsL2nzSolver.Sigmas(a, 0.1);
        var g = a.TransposeThisAndMultiply(a) + M.DenseOfDiagonalArray(sigmas.Select(s => 750 * s * s).ToArray());
        var c = a.TransposeThisAndMultiply(y).Column(0).ToArray();
        var x = Run(new NnlsL2nz(), a, y).X.Column(0).ToArray();
        NonNegativeLeastSquaresTests.AssertKkt(g, x, c, relTol: 1e-8);
    }

    [Test]
    public void NnlsL2_NoActiveConstraints_IsLstsqL2()
    {
        // A positive target decoded by a well-covered population: when the L2 solution is positive, NNLS finds it.
        var rng = new Random(14);
        var a = M.Dense(60, 5, (_, _) => 0.5 + rng.NextDouble());
        var xTrue = M.Dense(5, 1, [1.0, 2.0, 3.0, 4.0, 5.0]);
        var y = a * xTrue;
        var l2 = LstsqL2Solver.SolveL2(a, y, 1e-3 * a.Enumerate().Max());
        Assert.That(l2.Enumerate().All(v => v > 0), Is.True);
        var x = Run(new NnlsL2(reg: 1e-3), a, y).X;
        Assert.That(MaxAbsDiff(x, l2), Is.LessThan(1e-8));
    }

    [Test]
    public void NnlsL2nz_Sigmas_SilentNeuronsGetOne()
    {
        var a = M.DenseOfArray(new double[,] { { 0, 2, 0 }, { 0, 4, 1 }, { 0, 0, 3 }, { 0, 1, 0 } });
        var sigmas = NnlsL2nzSolver.Sigmas(a, 0.1);
        Assert.That(sigmas[0], Is.EqualTo(1.0));
        Assert.That(sigmas[1], Is.EqualTo(0.1 * 4 * Math.Sqrt(3.0 / 4)).Within(1e-15));
        Assert.That(sigmas[2], Is.EqualTo(0.1 * 4 * Math.Sqrt(2.0 / 4)).Within(1e-15));
    }

    [Test]
    public void NnlsL2nz_NonNegative_DecodesRectifiedFunction_WithSilentNeuron()
    {
        var (a0, xs) = TuningCurves(100, 750, seed: 15);
        var a = a0.Clone();
        a.ClearColumn(17); // a silent neuron
        var y = Rectified(xs);
        var result = Run(new NnlsL2nz(), a, y);
        TestContext.Out.WriteLine($"NnlsL2nz rmse {result.Rmses[0]:g4}, zeros {CountNearZero(result.X)}");
        Assert.That(result.X.Enumerate().All(v => v >= 0), Is.True);
        Assert.That(result.X[17, 0], Is.EqualTo(0));
        Assert.That(result.Rmses[0], Is.LessThan(0.05));
        // It differs from NnlsL2 (per-neuron σ).
        Assert.That(MaxAbsDiff(result.X, Run(new NnlsL2(), a, y).X), Is.GreaterThan(1e-6));
    }

    [Test]
    public void NnlsSolvers_Weights_MultiColumn()
    {
        // weights=True: Y already multiplied by post encoders (here ±1 over 30 posts); per-column solves.
        var (a, xs) = TuningCurves(60, 500, seed: 16);
        var enc = Enumerable.Range(0, 30).Select(j => j % 2 == 0 ? 1.0 : -1.0).ToArray();
        var y = M.Dense(xs.Length, 30, (i, j) => enc[j] * xs[i]);
        foreach (Solver s in new Solver[] { new Nnls(weights: true), new NnlsL2(weights: true), new NnlsL2nz(weights: true) })
        {
            var result = Run(s, a, y);
            Assert.That(result.X.RowCount, Is.EqualTo(60));
            Assert.That(result.X.ColumnCount, Is.EqualTo(30));
            Assert.That(result.X.Enumerate().All(v => v >= 0), Is.True);
            // Columns with the same encoder are identical.
            Assert.That(MaxAbsDiff(result.X.SubMatrix(0, 60, 0, 1), result.X.SubMatrix(0, 60, 28, 1)), Is.EqualTo(0));
            Assert.That(result.Rmses, Has.Length.EqualTo(30));
        }
    }

    [Test]
    [Explicit("timing report")]
    public void Timing_Report() => Timings(repeats: 20);

    [Test]
    public void NnlsL2nz_100Neurons750Points_IsFast()
    {
        var times = Timings(repeats: 5);
        // Generous: the solve is a few milliseconds; this only catches pathological slowdowns.
        Assert.That(times["NnlsL2nz"], Is.LessThan(250));
    }

    private static Dictionary<string, double> Timings(int repeats)
    {
        var (a, xs) = TuningCurves(100, 750, seed: 17);
        var y = Rectified(xs);
        var y2 = Columns(xs, xs.Select(v => v * v).ToArray());
        var results = new Dictionary<string, double>();
        foreach (var (name, solver, target) in new (string, Solver, Matrix<double>)[]
        {
            ("LstsqL2", new LstsqL2(), y2), ("Lstsq", new Lstsq(), y2), ("LstsqNoise", new LstsqNoise(), y2),
            ("LstsqMultNoise", new LstsqMultNoise(), y2), ("LstsqL1", new LstsqL1(), y2), ("LstsqDrop", new LstsqDrop(), y2),
            ("Nnls", new Nnls(), y), ("NnlsL2", new NnlsL2(), y), ("NnlsL2nz", new NnlsL2nz(), y),
        })
        {
            Run(solver, a, target); // warm-up (JIT)
            var sw = Stopwatch.StartNew();
            for (int r = 0; r < repeats; r++) Run(solver, a, target);
            double ms = sw.Elapsed.TotalMilliseconds / repeats;
            results[name] = ms;
            TestContext.Out.WriteLine($"{name,-15} 100 neurons x 750 points x {target.ColumnCount} col: {ms:F2} ms");
        }
        return results;
    }

    // ---------------------------------------------------------------- NoSolver

    [Test]
    public void NoSolver_ReturnsValues_OrZeros()
    {
        var (a, xs) = TuningCurves(4, 10, seed: 18);
        var y = Columns(xs, xs);
        var values = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 } };
        var result = Run(new NoSolver(values), a, y);
        Assert.That(result.X.ToArray(), Is.EqualTo(values));
        Assert.That(result.Rmses, Is.EqualTo(SolverResult.ComputeRmses(a, result.X, y)));

        var zeros = Run(new NoSolver(), a, y);
        Assert.That(zeros.X.RowCount, Is.EqualTo(4));
        Assert.That(zeros.X.ColumnCount, Is.EqualTo(2));
        Assert.That(zeros.X.Enumerate().All(v => v == 0), Is.True);
        var rms = Math.Sqrt(xs.Sum(v => v * v) / xs.Length);
        Assert.That(zeros.Rmses, Is.EqualTo(new[] { rms, rms }).Within(1e-15));
    }

    [Test]
    public void NoSolver_WrongShape_ThrowsBuildErrorNamingShapes()
    {
        var (a, xs) = TuningCurves(4, 10, seed: 19);
        var ex = Assert.Throws<BuildError>(() => Run(new NoSolver(new double[3, 2]), a, Columns(xs, xs)));
        Assert.That(ex!.Message, Does.Contain("(3, 2)").And.Contain("(4, 2)"));
        Assert.Throws<BuildError>(() => Run(new NoSolver(new double[4, 1]), a, Columns(xs, xs)));
    }

    // ---------------------------------------------------------------- registry and arguments

    [Test]
    public void Registry_ResolvesEveryBuiltInDescription()
    {
        var registry = SolverRegistry.CreateDefault();
        var expected = new Dictionary<Type, Type>
        {
            [typeof(LstsqL2)] = typeof(LstsqL2Solver), [typeof(LstsqL2nz)] = typeof(LstsqL2nzSolver),
            [typeof(Lstsq)] = typeof(LstsqSolver), [typeof(LstsqNoise)] = typeof(LstsqNoiseSolver),
            [typeof(LstsqMultNoise)] = typeof(LstsqMultNoiseSolver), [typeof(LstsqL1)] = typeof(LstsqL1Solver),
            [typeof(LstsqDrop)] = typeof(LstsqDropSolver), [typeof(Nnls)] = typeof(NnlsSolver),
            [typeof(NnlsL2)] = typeof(NnlsL2Solver), [typeof(NnlsL2nz)] = typeof(NnlsL2nzSolver),
            [typeof(NoSolver)] = typeof(NoSolverSolver),
        };
        // Every concrete Solver description in Nengo.Core, built with its default arguments.
        var descriptions = typeof(Solver).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Solver)) && !t.IsAbstract && t.IsPublic).ToList();
        Assert.That(descriptions, Is.SupersetOf(expected.Keys));
        foreach (var type in descriptions)
        {
            var ctor = type.GetConstructors().Single(c => c.GetParameters().All(p => p.IsOptional));
            var instance = (Solver)ctor.Invoke(ctor.GetParameters().Select(p => p.DefaultValue).ToArray());
            Assert.That(registry.Contains(instance), Is.True, type.Name);
            if (expected.TryGetValue(type, out var impl))
                Assert.That(registry.Get(instance), Is.TypeOf(impl), type.Name);
        }
    }

    [Test]
    public void AllSolvers_RejectWrongDescription_AndShapeMismatch()
    {
        var a = M.Dense(5, 3, 1.0);
        var y = M.Dense(4, 1, 1.0);
        var impls = new IDecoderSolver[]
        {
            new LstsqSolver(), new LstsqNoiseSolver(), new LstsqMultNoiseSolver(), new LstsqL1Solver(),
            new LstsqDropSolver(SolverRegistry.CreateDefault()), new NnlsSolver(), new NnlsL2Solver(), new NnlsL2nzSolver(), new NoSolverSolver(),
        };
        foreach (var impl in impls)
        {
            Assert.Throws<ArgumentException>(() => impl.Solve(new LstsqL2(), a, M.Dense(5, 1), new Random(0)), impl.GetType().Name);
        }
        foreach (Solver s in new Solver[] { new Lstsq(), new LstsqNoise(), new LstsqMultNoise(), new LstsqL1(), new LstsqDrop(), new Nnls(), new NnlsL2(), new NnlsL2nz(), new NoSolver() })
            Assert.Throws<ArgumentException>(() => Run(s, a, y), s.GetType().Name);
    }

    [Test]
    public void AllSolvers_ReturnRmsesOfTheirSolution()
    {
        var (a, xs) = TuningCurves(30, 200, seed: 20);
        var y = Columns(xs, xs.Select(v => Math.Abs(v)).ToArray());
        foreach (Solver s in new Solver[] { new Lstsq(), new LstsqNoise(), new LstsqMultNoise(), new LstsqL1(), new LstsqDrop(), new Nnls(), new NnlsL2(), new NnlsL2nz(), new NoSolver() })
        {
            var result = Run(s, a, y);
            Assert.That(result.X.RowCount, Is.EqualTo(30), s.GetType().Name);
            Assert.That(result.X.ColumnCount, Is.EqualTo(2), s.GetType().Name);
            Assert.That(result.Rmses, Is.EqualTo(SolverResult.ComputeRmses(a, result.X, y)).Within(1e-15), s.GetType().Name);
        }
    }
}
