using System.Runtime.Intrinsics;
using Nengo.Numerics;
using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>The vector ln(1 + y) (LIF rate curves and spike times) against a reference log1p, in ulps of the result: over y &gt; −1, and y in (−1, 0] for the negative-range variant.</summary>
public sealed class VectorLogP1Tests
{
    private static IEnumerable<double> Arguments() => Negative().Concat(Positive());

    private static IEnumerable<double> Positive()
    {
        var rng = new Random(8);
        for (int t = 0; t < 200_000; t++)
        {
            yield return Math.Exp(80 * rng.NextDouble() - 40);       // 4e-18 .. 2e17: J − 1 from large to tiny
            yield return rng.NextDouble();                             // u in (1, 2), where 1 + y rounds
        }
        yield return 1;
        yield return 1e300;
        yield return double.Epsilon;
    }

    private static IEnumerable<double> Negative()
    {
        var rng = new Random(7);
        for (int t = 0; t < 200_000; t++)
        {
            yield return -rng.NextDouble();                          // spread over (−1, 0]
            yield return -Math.Pow(2, -60 * rng.NextDouble());       // |y| down to 1e-18, where ln(1 + y) loses digits
            yield return 0.5 * rng.NextDouble() - 0.5;               // 1 + y exact: u in [½, 1)
        }
        yield return -1 + 1e-15;
        yield return -0.5;
        yield return -1e-300;
        yield return 0;
    }

    /// <summary>log1p to better than float64: a series where |y| is small, else ln of 1 + y as a rounded head and exact tail.</summary>
    private static double Reference(double y)
    {
        if (Math.Abs(y) < 1e-4)
        {
            double correction = 0, power = y * y;
            for (int k = 2; k < 12; k++) { correction += (k % 2 == 1 ? 1 : -1) * power / k; power *= y; }
            return y + correction;
        }
        double head = 1 + y, tail = y - (head - 1), e = tail / head;
        return Math.Log(head) + (e - e * e / 2);
    }

    private static double Ulps(double got, double expected)
    {
        double ulp = expected == 0 ? double.Epsilon : Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        return Math.Abs(got - expected) / ulp;
    }

    [Test]
    public void Float64_IsWithinOneAndAHalfUlp()
    {
        double worst = Arguments().Max(y => Ulps(VectorLogP1.Of(Vector256.Create(y))[0], Reference(y)));
        double worstNegative = Negative().Max(y => Ulps(VectorLogP1.OfNegative(Vector256.Create(y))[0], Reference(y)));
        Assert.That(worst, Is.LessThanOrEqualTo(1.5), "worst error in ulps, y > −1");
        Assert.That(worstNegative, Is.LessThanOrEqualTo(1.5), "worst error in ulps, −1 < y ≤ 0");
    }

    [Test]
    public void Float32_IsWithinOneAndAHalfUlp()
    {
        double Worst(IEnumerable<double> ys, Func<Vector256<float>, Vector256<float>> log) => ys.Select(y => (float)y).Where(y => y > -1 && float.IsFinite(y)).Max(y =>
        {
            double expected = Reference(y);
            float e = (float)Math.Abs(expected);
            double ulp = e == 0 ? float.Epsilon : MathF.BitIncrement(e) - e;
            return Math.Abs(log(Vector256.Create(y))[0] - expected) / ulp;
        });
        Assert.That(Worst(Arguments(), VectorLogP1.Of), Is.LessThanOrEqualTo(1.5), "worst error in ulps, y > −1");
        Assert.That(Worst(Negative(), VectorLogP1.OfNegative), Is.LessThanOrEqualTo(1.5), "worst error in ulps, −1 < y ≤ 0");
    }

    [Test]
    public void EveryLaneIsComputedOnItsOwn()
    {
        var y = Vector256.Create(-0.9, -1e-12, -0.25, 0.0);
        var got = VectorLogP1.Of(y);
        for (int l = 0; l < 4; l++)
            Assert.That(got[l], Is.EqualTo(VectorLogP1.Of(Vector256.Create(y[l]))[0]), $"lane {l}");
        Assert.That(got[3], Is.EqualTo(0.0));
    }

    [Test]
    public void TwoVectorsSideBySide_EqualOneAtATime()
    {
        var any = Positive().Take(40_000).Concat(Negative().Where(y => y > -1).Take(40_000)).ToArray();
        Assert.That(ComparePairs(any, VectorLogP1.Of, VectorLogP1.Of), Is.GreaterThan(70_000), "values compared, y > −1");
        var negative = Negative().Where(y => y > -1).Take(40_000).ToArray();
        Assert.That(ComparePairs(negative, VectorLogP1.OfNegative, VectorLogP1.OfNegative), Is.GreaterThan(35_000), "values compared, −1 < y ≤ 0");
    }

    /// <summary>Asserts that the pair form equals the single form on consecutive vectors of <paramref name="ys"/>; returns how many values it compared.</summary>
    private static int ComparePairs(double[] ys, Func<Vector256<double>, Vector256<double>, (Vector256<double>, Vector256<double>)> pair,
        Func<Vector256<double>, Vector256<double>> single)
    {
        int i = 0;
        for (; i + 8 <= ys.Length; i += 8)
        {
            var y0 = Vector256.Create(ys[i], ys[i + 1], ys[i + 2], ys[i + 3]);
            var y1 = Vector256.Create(ys[i + 4], ys[i + 5], ys[i + 6], ys[i + 7]);
            var (first, second) = pair(y0, y1);
            Assert.That(first, Is.EqualTo(single(y0)), $"values {i}..{i + 3}");
            Assert.That(second, Is.EqualTo(single(y1)), $"values {i + 4}..{i + 7}");
        }
        return i;
    }
}
