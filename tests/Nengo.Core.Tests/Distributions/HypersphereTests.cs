using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

[TestFixture]
public class UniformHypersphereTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(32)]
    public void SurfacePointsHaveUnitNorm(int d)
    {
        var norms = RowNorms(new UniformHypersphere(surface: true).Sample(500, d, new Random(1)));
        Assert.That(norms, Is.All.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void SurfaceInOneDimensionIsPlusMinusOne()
    {
        var x = new UniformHypersphere(surface: true).Sample(2000, new Random(3));
        Assert.That(x.All(v => v == 1 || v == -1), Is.True);
        Assert.That(x.Count(v => v > 0) / 2000.0, Is.EqualTo(0.5).Within(4 * 0.5 / Math.Sqrt(2000)));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(6)]
    public void VolumeNormsFollowTheRadialCdf(int d)
    {
        const int n = 20000;
        var norms = RowNorms(new UniformHypersphere().Sample(n, d, new Random(2)));
        Assert.That(norms.Max(), Is.LessThanOrEqualTo(1.0 + 1e-12));
        foreach (double r in new[] { 0.5, 0.8, 0.95 })
        {
            double p = Math.Pow(r, d); // P(|x| ≤ r) = r^d in the unit ball
            double observed = norms.Count(v => v <= r) / (double)n;
            Assert.That(observed, Is.EqualTo(p).Within(4 * Math.Sqrt(p * (1 - p) / n) + 1e-3), $"P(r <= {r})");
        }
    }

    [Test]
    public void VolumeIsCentredAndIsotropic()
    {
        const int n = 20000, d = 3;
        var x = new UniformHypersphere().Sample(n, d, new Random(8));
        var m = ColumnMeans(x);
        var c = SecondMoment(x);
        // For the unit 3-ball E[x xᵀ] = I/(d + 2).
        for (int i = 0; i < d; i++)
        {
            Assert.That(m[i], Is.EqualTo(0).Within(4 * Math.Sqrt(0.2 / n)));
            for (int j = 0; j < d; j++)
                Assert.That(c[i, j], Is.EqualTo(i == j ? 0.2 : 0).Within(0.01));
        }
    }

    [Test]
    public void MinMagnitudeBoundsTheVolumeNorms()
    {
        const int n = 10000, d = 2;
        var norms = RowNorms(new UniformHypersphere(minMagnitude: 0.6).Sample(n, d, new Random(4)));
        Assert.That(norms.Min(), Is.GreaterThanOrEqualTo(0.6 - 1e-12));
        Assert.That(norms.Max(), Is.LessThanOrEqualTo(1 + 1e-12));
        // Uniform in the annulus: P(r ≤ 0.8) = (0.64 − 0.36)/(1 − 0.36).
        double p = (0.64 - 0.36) / 0.64;
        Assert.That(norms.Count(v => v <= 0.8) / (double)n, Is.EqualTo(p).Within(4 * Math.Sqrt(p * (1 - p) / n)));
    }

    [TestCase(-0.1)]
    [TestCase(1.0)]
    [TestCase(double.NaN)]
    public void RejectsBadMinMagnitude(double minMagnitude)
    {
        var ex = Assert.Throws<ValidationError>(() => _ = new UniformHypersphere(minMagnitude: minMagnitude));
        Assert.That(ex!.Message, Does.StartWith("UniformHypersphere: minMagnitude must be in [0, 1), got ")
            .And.Contain(Check.Show(minMagnitude)));
    }
}

[TestFixture]
public class QuasirandomSequenceTests
{
    [TestCase(1, 1.618034)]
    [TestCase(2, 1.324718)]
    [TestCase(3, 1.220744)]
    public void PhiMatchesKnownValues(int d, double expected)
    {
        Assert.That(QuasirandomSequence.Phi(d), Is.EqualTo(expected).Within(1e-6));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    [TestCase(100)]
    public void PhiIsRootOfXPowDPlusOneEqualsXPlusOne(int d)
    {
        double x = QuasirandomSequence.Phi(d);
        Assert.That(Math.Pow(x, d + 1), Is.EqualTo(x + 1).Within(1e-13));
        Assert.That(x, Is.GreaterThan(1));
    }

    [Test]
    public void PhiOneIsTheGoldenRatio()
    {
        Assert.That(QuasirandomSequence.Phi(1), Is.EqualTo((1 + Math.Sqrt(5)) / 2).Within(1e-15));
    }

    [Test]
    public void PhiRejectsZeroDimensions()
    {
        var ex = Assert.Throws<ValidationError>(() => QuasirandomSequence.Phi(0));
        Assert.That(ex!.Message, Does.Contain("d").And.Contain("0"));
    }

    [TestCase(10)]
    [TestCase(37)]
    public void OneDimensionIsAnEvenlySpacedGridModOne(int n)
    {
        var x = new QuasirandomSequence().Sample(n, new Random(5));
        Assert.That(x, Is.All.InRange(0.0, 1.0));
        Assert.That(x.Max(), Is.LessThan(1.0));
        var sorted = x.OrderBy(v => v).ToArray();
        for (int i = 1; i < n; i++)
            Assert.That(sorted[i] - sorted[i - 1], Is.EqualTo(1.0 / n).Within(1e-12));
        Assert.That(sorted[0] + 1 - sorted[^1], Is.EqualTo(1.0 / n).Within(1e-12)); // the wrap-around gap
        Assert.That(x, Is.Not.Ordered); // rows were shuffled
    }

    [Test]
    public void PointsAreConsecutiveStepsOfAlphaModOne()
    {
        // Unshuffled, point i is s + i·α (mod 1): so every difference of two points is some multiple of α mod 1.
        const int n = 50, d = 2;
        var x = new QuasirandomSequence().Sample(n, d, new Random(6));
        double phi = QuasirandomSequence.Phi(d);
        double a1 = 1 / phi, a2 = 1 / (phi * phi);
        static double Wrap(double v) => v - Math.Round(v);
        for (int i = 1; i < n; i++)
        {
            // Find m in ±(n−1) with x_i − x_0 ≡ m·α in the first column, then check the second.
            int found = 0;
            for (int m = -(n - 1); m <= n - 1; m++)
            {
                if (Math.Abs(Wrap(x[i, 0] - x[0, 0] - m * a1)) < 1e-9)
                {
                    Assert.That(Math.Abs(Wrap(x[i, 1] - x[0, 1] - m * a2)), Is.LessThan(1e-9), $"row {i}");
                    found++;
                }
            }
            Assert.That(found, Is.EqualTo(1), $"row {i}");
        }
    }

    [Test]
    public void FillsTheSquareMoreEvenlyThanRandomPoints()
    {
        const int n = 1600, cells = 8; // 64 cells of expected count 25
        var q = new QuasirandomSequence().Sample(n, 2, new Random(7));
        var u = new Uniform(0, 1).Sample(n, 2, new Random(7));
        static double WorstCellError(double[,] p)
        {
            var counts = new int[cells, cells];
            for (int i = 0; i < p.GetLength(0); i++) counts[(int)(p[i, 0] * cells), (int)(p[i, 1] * cells)]++;
            return counts.Cast<int>().Max(c => Math.Abs(c - 25.0));
        }
        double qErr = WorstCellError(q), uErr = WorstCellError(u);
        Assert.That(qErr, Is.LessThanOrEqualTo(3));
        Assert.That(uErr, Is.GreaterThan(2 * qErr));
    }
}
