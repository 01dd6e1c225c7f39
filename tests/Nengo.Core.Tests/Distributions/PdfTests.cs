using NUnit.Framework;
using static Nengo.Core.Tests.DistributionTestHelpers;

namespace Nengo.Core.Tests;

/// <summary>PDF(x, p) (NEF.md §4): inverse-CDF sampling with linear interpolation over the midpoint cumulative sum.</summary>
[TestFixture]
public class PdfTests
{
    private static double[] Grid(double a, double b, int n) => Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1)).ToArray();

    [Test]
    public void HistogramMatchesP()
    {
        // A skewed, two-bump density on an even grid; bins of width dx centred on the points.
        var x = Grid(-1, 1, 41);
        var density = x.Select(v => Math.Exp(-Math.Pow((v + 0.4) / 0.2, 2)) + 0.5 * Math.Exp(-Math.Pow((v - 0.5) / 0.3, 2)) + 0.05).ToArray();
        double sum = density.Sum();
        var p = density.Select(v => v / sum).ToArray();
        const int n = 400_000;
        var samples = new PDF(x, density).Sample(n, new Random(12));
        double dx = x[1] - x[0];
        var counts = new int[x.Length];
        foreach (double s in samples)
        {
            Assert.That(s, Is.InRange(-1.0, 1.0));
            counts[Math.Clamp((int)Math.Round((s - x[0]) / dx), 0, x.Length - 1)]++;
        }
        for (int i = 0; i < x.Length; i++)
        {
            double freq = counts[i] / (double)n;
            // Linear interpolation of the midpoint CDF puts exactly (p[i-1] + 2 p[i] + p[i+1])/4 into bin i
            // ((3 p[0] + p[1])/4 at the ends): p smoothed over one grid step.
            double exact = i == 0 ? (3 * p[0] + p[1]) / 4 : i == x.Length - 1 ? (p[i - 1] + 3 * p[i]) / 4 : (p[i - 1] + 2 * p[i] + p[i + 1]) / 4;
            double sigma = Math.Sqrt(exact * (1 - exact) / n);
            Assert.That(freq, Is.EqualTo(exact).Within(4.5 * sigma), $"bin {i} (x = {x[i]:F2})");
            Assert.That(freq, Is.EqualTo(p[i]).Within(4.5 * sigma + 0.06 * p[i]), $"bin {i} against p");
        }
    }

    [Test]
    public void UnevenGridAndZeroProbabilityGap()
    {
        // cdf = [0.25, 0.5, 0.5, 0.75]: nothing lands strictly between 1 and 4, half the mass on each side.
        var x = new[] { 0.0, 1.0, 4.0, 5.0 };
        var s = new PDF(x, [1, 0, 0, 1]).Sample(20000, new Random(3));
        Assert.That(s.Count(v => v > 1 && v < 4), Is.EqualTo(0));
        Assert.That(s.Count(v => v <= 1) / 20000.0, Is.EqualTo(0.5).Within(4 * Math.Sqrt(0.25 / 20000)));
        // Below the first midpoint value (u < 0.25) the sample is clamped to x[0].
        Assert.That(s.Count(v => v == 0.0) / 20000.0, Is.EqualTo(0.25).Within(4 * Math.Sqrt(0.1875 / 20000)));
        Assert.That(s.Count(v => v == 5.0) / 20000.0, Is.EqualTo(0.25).Within(4 * Math.Sqrt(0.1875 / 20000)));
    }

    [Test]
    public void LinearInterpolationBetweenTwoPoints()
    {
        // Equal masses at 2 and 3: cdf = [0.25, 0.75]; u in (0.25, 0.75) maps linearly onto (2, 3).
        var s = new PDF([2, 3], [1, 1]).Sample(40000, new Random(8));
        var inner = s.Where(v => v > 2 && v < 3).ToArray();
        Assert.That(inner.Length / 40000.0, Is.EqualTo(0.5).Within(4 * Math.Sqrt(0.25 / 40000)));
        Assert.That(Mean(inner), Is.EqualTo(2.5).Within(4 * Math.Sqrt(1 / 12.0 / inner.Length)));
        Assert.That(Variance(inner), Is.EqualTo(1 / 12.0).Within(0.05 / 12));
    }

    [Test]
    public void SinglePointAndShapes()
    {
        Assert.That(Flatten(new PDF([1.5], [3]).Sample(7, 2, new Random(0))), Is.All.EqualTo(1.5));
        var pdf = new PDF([0, 1, 2], [1, 2, 1]);
        Assert.That(pdf.P, Is.EqualTo(new[] { 0.25, 0.5, 0.25 }));
        var a = pdf.Sample(9, 3, new Random(5));
        Assert.That((a.GetLength(0), a.GetLength(1)), Is.EqualTo((9, 3)));
        Assert.That(SameArray(a, pdf.Sample(9, 3, new Random(5))), Is.True, "seeded");
        Assert.That(pdf, Is.EqualTo(new PDF([0, 1, 2], [2, 4, 2])), "equal after normalisation");
        Assert.That(pdf, Is.Not.EqualTo(new PDF([0, 1, 2], [1, 1, 1])));
    }

    [Test]
    public void RejectsBadParameters()
    {
        Expect.Validation(() => _ = new PDF([], []), "PDF", "x", "at least one point");
        Expect.Validation(() => _ = new PDF([0, 1], [1]), "PDF", "p", "one probability per point (2)");
        Expect.Validation(() => _ = new PDF([0, 2, 1], [1, 1, 1]), "PDF", "x", "strictly increasing");
        Expect.Validation(() => _ = new PDF([0, double.NaN], [1, 1]), "PDF", "x", "finite");
        Expect.Validation(() => _ = new PDF([0, 1], [1, -1]), "PDF", "p", "non-negative");
        Expect.Validation(() => _ = new PDF([0, 1], [0, 0]), "PDF", "p", "positive sum");
    }
}
