using System.Runtime.Intrinsics;
using Nengo.Backends.Cpu.Numerics;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>The vector ln(1 + y) of the LIF spike times against a reference log1p, in ulps of the result, over y in (−1, 0).</summary>
public sealed class VectorLogP1Tests
{
    private static IEnumerable<double> Arguments()
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

    [Test]
    public void Float64_IsWithinOneAndAHalfUlp()
    {
        double worst = 0;
        foreach (double y in Arguments())
        {
            double expected = Reference(y), got = VectorLogP1.Of(Vector256.Create(y))[0];
            double ulp = expected == 0 ? double.Epsilon : Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
            worst = Math.Max(worst, Math.Abs(got - expected) / ulp);
        }
        Assert.That(worst, Is.LessThanOrEqualTo(1.5), "worst error in ulps");
    }

    [Test]
    public void Float32_IsWithinOneAndAHalfUlp()
    {
        double worst = 0;
        foreach (double y64 in Arguments())
        {
            float y = (float)y64;
            if (y <= -1) continue;
            double expected = Reference(y);
            float got = VectorLogP1.Of(Vector256.Create(y))[0];
            float e = (float)Math.Abs(expected);
            double ulp = e == 0 ? float.Epsilon : MathF.BitIncrement(e) - e;
            worst = Math.Max(worst, Math.Abs(got - expected) / ulp);
        }
        Assert.That(worst, Is.LessThanOrEqualTo(1.5), "worst error in ulps");
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
}
