using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Builders;
using Nengo.Builder.Numerics;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>
/// The Gram matrix skips the 16-row blocks where a tile's columns are zero, after sorting the columns by where their
/// nonzero rows begin; the builder sorts 1-d and 2-d eval points along the space so that those runs are long. All of it
/// must change no more than the rounding.
/// </summary>
[TestFixture]
public class SparseGramTests
{
    private const int Block = DotTile.BlockRows;

    // Rectified-linear tuning curves of neurons with random encoders (±1 in 1-d, on the circle in 2-d) and intercepts,
    // at points sorted along the line or by angle: long runs of zeros, as LIF curves at sorted eval points. Column 0 is
    // silent, column 1 active everywhere.
    private static double[] SortedCurves(int m, int n, int d, int seed)
    {
        var rng = new Random(seed);
        var x = Enumerable.Range(0, m).Select(_ =>
        {
            double r = Math.Sqrt(rng.NextDouble()), angle = 2 * Math.PI * rng.NextDouble();
            return d == 1 ? new[] { 2 * rng.NextDouble() - 1, 0 } : new[] { r * Math.Cos(angle), r * Math.Sin(angle) };
        }).OrderBy(p => d == 1 ? p[0] : Math.Atan2(p[1], p[0])).ToArray();
        var a = new double[m * n];
        for (int j = 0; j < n; j++)
        {
            double phase = 2 * Math.PI * rng.NextDouble();
            double e0 = d == 1 ? rng.Next(2) * 2 - 1 : Math.Cos(phase), e1 = d == 1 ? 0 : Math.Sin(phase);
            double intercept = j == 0 ? 2 : j == 1 ? -2 : -1 + 1.9 * rng.NextDouble();
            for (int i = 0; i < m; i++) a[j * m + i] = Math.Max(0, e0 * x[i][0] + e1 * x[i][1] - intercept) * 150;
        }
        return a;
    }

    private static double[] Naive(double[] a, int m, int n)
    {
        var g = new double[n * n];
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
            {
                double s = 0;
                for (int r = 0; r < m; r++) s += a[p * m + r] * a[q * m + r];
                g[p + q * n] = s;
            }
        return g;
    }

    private static double[] Tile(double[] v, int len, uint blocks)
    {
        var s = new double[12];
        DotTile.Dots4x3(ref v[0], ref v[len], ref v[2 * len], ref v[3 * len], ref v[4 * len], ref v[5 * len], ref v[6 * len], len, blocks, s);
        return s;
    }

    [TestCase(512, 0x0F0F00F3u)]
    [TestCase(500, 0x8000F001u)]   // the last block is partial and holds the scalar tail
    [TestCase(37, 0x5u)]
    [TestCase(37, 0x3u)]           // the tail's block left out: those rows are zero in x
    public void AMaskedTile_IsTheWholeSumBitForBit_WhenTheBlocksLeftOutAreZero(int len, uint blocks)
    {
        // x vectors zero in every block the mask leaves out; y vectors nonzero everywhere.
        var rng = new Random(len);
        var v = new double[7 * len];
        for (int k = 0; k < 7; k++)
            for (int r = 0; r < len; r++)
                v[k * len + r] = k < 4 && (blocks >> (r / Block) & 1) == 0 ? 0.0 : rng.NextDouble() * 300 - 20;
        var whole = Tile(v, len, DotTile.AllBlocks);
        var masked = Tile(v, len, blocks);
        Assert.That(masked.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(whole.Select(BitConverter.DoubleToInt64Bits)));
        Assert.That(whole.All(s => s != 0), "the test data must not be trivial");
    }

    [Test]
    public void AMaskedTile_SumsOnlyTheBlocksItIsGiven()
    {
        const int len = 500;
        const uint blocks = 0x00FF00F0u;
        var rng = new Random(4);
        var v = Enumerable.Range(0, 7 * len).Select(_ => rng.NextDouble()).ToArray();
        var masked = Tile(v, len, blocks);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++)
            {
                double want = 0;
                for (int r = 0; r < len; r++)
                    if ((blocks >> (r / Block) & 1) != 0) want += v[i * len + r] * v[(4 + j) * len + r];
                Assert.That(masked[3 * i + j], Is.EqualTo(want).Within(1e-12 * want), $"x{i}·y{j}");
            }
    }

    [TestCase(1000, 150, 1)]
    [TestCase(1000, 150, 2)]
    [TestCase(2000, 301, 2)]   // several panels, run in parallel
    [TestCase(37, 9, 1)]       // ragged tiles only
    public void TheGramOfSortedTuningCurves_MatchesTheTripleLoop(int m, int n, int d)
    {
        var a = SortedCurves(m, n, d, seed: m + n + d);
        var g = GramMatrix.Compute(a, m, n);
        var want = Naive(a, m, n);
        double scale = want.Max(Math.Abs);
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
            {
                Assert.That(Math.Abs(g[p + q * n] - want[p + q * n]), Is.LessThanOrEqualTo(1e-13 * scale), $"G[{p}, {q}]");
                Assert.That(g[p + q * n], Is.EqualTo(g[q + p * n]), "symmetric");
            }
        Assert.That(g[0], Is.EqualTo(0.0), "the silent column");
        Assert.That(Enumerable.Range(0, n).Count(j => g[j + j * n] == 0), Is.EqualTo(1), "only one silent column");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TheL2Solve_InTheGramsColumnOrder_IsTheSolveOfTheNormalEquations(int d)
    {
        // The factor is of the reordered Gram matrix; the solve permutes the right-hand side and the solution back.
        const int m = 900, n = 120;
        var a = Matrix<double>.Build.Dense(m, n, SortedCurves(m, n, d, seed: 11));
        var y = Matrix<double>.Build.Dense(m, 2, (i, j) => Math.Sin(0.01 * i * (j + 1)));
        double sigma = 0.1 * a.Enumerate().Max();
        var x = LstsqL2Solver.SolveL2(a, y, sigma);
        var normal = a.TransposeThisAndMultiply(a) + Matrix<double>.Build.DenseIdentity(n) * (m * sigma * sigma);
        var want = normal.Cholesky().Solve(a.TransposeThisAndMultiply(y));
        Assert.That((x - want).Enumerate().Max(Math.Abs), Is.LessThan(1e-10 * want.Enumerate().Max(Math.Abs)));
    }

    [Test]
    public void ANaNIsNotSkipped_AndANegativeZeroIs()
    {
        const int m = 1000, n = 10;
        var a = SortedCurves(m, n, 1, seed: 8);
        a[0 * m + 997] = double.NaN;     // the silent column, in the partial last block
        a[2 * m + 5] = -0.0;
        var g = GramMatrix.Compute(a, m, n);
        for (int q = 0; q < n; q++) Assert.That(g[q * n], Is.NaN, $"G[0, {q}]");
        Assert.That(Enumerable.Range(1, n - 1).SelectMany(p => Enumerable.Range(1, n - 1).Select(q => g[p + q * n])), Has.None.NaN);
    }

    [Test]
    public void EvalPoints_AreSortedAlongTheLine_AroundTheCircle_AndNotInMoreDimensions()
    {
        var rng = new Random(2);
        var line = Matrix<double>.Build.Dense(50, 1, (_, _) => rng.NextDouble() * 2 - 1);
        var byX = EvalPointOrder.Of(line)!;
        Assert.That(byX.Select(i => line[i, 0]), Is.Ordered);
        Assert.That(byX.OrderBy(i => i), Is.EqualTo(Enumerable.Range(0, 50)), "a permutation");
        var disc = Matrix<double>.Build.Dense(50, 2, (_, _) => rng.NextDouble() * 2 - 1);
        Assert.That(EvalPointOrder.Of(disc)!.Select(i => Math.Atan2(disc[i, 1], disc[i, 0])), Is.Ordered);
        Assert.That(EvalPointOrder.Of(Matrix<double>.Build.Dense(50, 3, 0.5)), Is.Null);
        var sorted = EvalPointOrder.Rows(disc, byX);
        Assert.That(sorted.Row(7), Is.EqualTo(disc.Row(byX[7])));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TheBuildersDecoders_AreThoseOfTheUnsortedSolve_ToRounding(int d)
    {
        // The builder solves on sorted eval points; the same least-squares problem with the rows as built must give
        // the same decoders to rounding, and the connection reports the points in the built order.
        var net = new Network("order", seed: 3);
        var a = net.Ensemble(300, d, label: "a");
        var b = net.Ensemble(50, d, label: "b");
        var ab = net.Connect(a, b, function: x => x.Select(v => v * v).ToArray(), label: "ab");
        var model = ModelBuilder.Build(net);
        var built = model.Ensembles[a];
        var points = built.EvalPoints;
        var activities = TuningCurves.Compute(points, built, out _);
        var targets = points.Map(v => v * v);
        var unsorted = new LstsqL2Solver().Solve(new LstsqL2(), activities, targets, new Random(0)).X.Transpose();
        var decoders = model.Connections[ab].Weights!;
        double scale = unsorted.Enumerate().Max(Math.Abs);
        Assert.That((decoders - unsorted).Enumerate().Max(Math.Abs), Is.LessThan(1e-9 * scale));
        Assert.That(model.Connections[ab].EvalPoints!.ToColumnMajorArray(), Is.EqualTo(points.ToColumnMajorArray()));
        Assert.That(EvalPointOrder.Of(points), Is.Not.EqualTo(Enumerable.Range(0, points.RowCount)), "the built points are not already sorted");
    }
}
