using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Nengo.Numerics;

/// <summary>
/// ln(1 + y) per lane without a call per lane: <see cref="Of(Vector256{double})"/> for any y &gt; −1 (the LIF rate
/// curve of the builder, y = 1/(J − 1)), <see cref="OfNegative(Vector256{double})"/> for y in (−1, 0] (the LIF spike
/// times of the CPU backend), a little faster.
/// </summary>
/// <remarks>
/// u = 1 + y is split as 2^k·m with m in [√½, √2); with f = m − 1 (exact) and s = f/(2 + f),
/// ln m = 2·atanh s = f − s·(f − R(s²)), where R(z) = Σ 2zⁱ/(2i + 1) is the series of 2·atanh(s)/s − 2 (ten
/// terms for float64, four for float32: the first omitted term is below 1e-18, resp. 1e-9, of the result).
/// ln 2 is split into a head whose products with k are exact and a tail; the rounding of 1 + y is put back
/// to first order as (y − (u − 1))/u, so small |y| keeps its full relative precision (what <c>log1p</c> promises and
/// ln(1 + y) does not). For y in (−1, 0] that rounding is nonzero only for u in (½, 1), where 1/u ≈ 2 − u keeps the
/// error below 0.4 ulp of the result without a division. Measured within 1.5 ulp of a correctly rounded log1p
/// (<c>VectorLogP1Tests</c>).
/// </remarks>
internal static class VectorLogP1
{
    private enum Range { Any, Negative }

    private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2 with its 32 low mantissa bits zero
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 − Ln2Hi
    private const float Ln2HiF = 0.693145751953125f;          // ln 2 with its 11 low mantissa bits zero
    private const float Ln2LoF = 1.428606765330187e-06f;      // ln 2 − Ln2HiF

    /// <summary>ln(1 + y) per lane, y &gt; −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(Vector256<double> y) => Core(y, Range.Any);

    /// <summary>ln(1 + y) per lane, −1 &lt; y ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> OfNegative(Vector256<double> y) => Core(y, Range.Negative);

    /// <summary>ln(1 + y) per lane, y &gt; −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Of(Vector256<float> y) => Core(y, Range.Any);

    /// <summary>ln(1 + y) per lane, −1 &lt; y ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> OfNegative(Vector256<float> y) => Core(y, Range.Negative);

    /// <summary>
    /// ln(1 + y) for two vectors, y &gt; −1: per lane exactly what <see cref="Of(Vector256{double})"/> computes, with the
    /// two chains taken step by step side by side, so that their divisions and series overlap (the LIF rate curves of
    /// the builder: about 20 % less time per value than one vector at a time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> First, Vector256<double> Second) Of(Vector256<double> y0, Vector256<double> y1) => Core(y0, y1, Range.Any);

    /// <summary>ln(1 + y) for two vectors, −1 &lt; y ≤ 0, side by side (the LIF spike times of the CPU backend).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> First, Vector256<double> Second) OfNegative(Vector256<double> y0, Vector256<double> y1) => Core(y0, y1, Range.Negative);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> First, Vector256<double> Second) Core(Vector256<double> y0, Vector256<double> y1, Range range)
    {
        var (u0, lost0) = Reduce(y0, range);
        var (u1, lost1) = Reduce(y1, range);
        var (k0, f0) = Split(u0);
        var (k1, f1) = Split(u1);
        var s0 = f0 / (f0 + Vector256.Create(2.0));
        var s1 = f1 / (f1 + Vector256.Create(2.0));
        var r0 = Series(s0 * s0);
        var r1 = Series(s1 * s1);
        return (Join(k0, f0, s0, r0, lost0), Join(k1, f1, s1, r1, lost1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Core(Vector256<double> y, Range range)
    {
        var (u, lost) = Reduce(y, range);
        var (k, f) = Split(u);
        var s = f / (f + Vector256.Create(2.0));
        return Join(k, f, s, Series(s * s), lost);
    }

    /// <summary>u = 1 + y rounded, and what the rounding lost, relative to u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> U, Vector256<double> Lost) Reduce(Vector256<double> y, Range range)
    {
        var one = Vector256<double>.One;
        var u = one + y;
        var rounding = y - (u - one);
        return (u, range == Range.Negative ? rounding * (Vector256.Create(2.0) - u) : rounding / u);
    }

    /// <summary>u = 2^k · (1 + f) with 1 + f in [√½, √2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> K, Vector256<double> F) Split(Vector256<double> u)
    {
        // Shifting the bits by 1 − √½ puts the mantissa in [√½, √2) and carries into the exponent.
        var bits = u.AsUInt64() + Vector256.Create(0x3ff0000000000000UL - 0x3fe6a09e667f3bcdUL);
        var exponent = (bits >>> 52) | Vector256.Create(0x4330000000000000UL);
        var k = exponent.AsDouble() - Vector256.Create(4503599627370496.0 + 1023.0);
        var m = ((bits & Vector256.Create(0x000fffffffffffffUL)) + Vector256.Create(0x3fe6a09e667f3bcdUL)).AsDouble();
        return (k, m - Vector256<double>.One);
    }

    /// <summary>R(z) = Σ 2zⁱ/(2i + 1) for i = 1 … 10 (Horner in z, then one product with z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Series(Vector256<double> z)
    {
        var r = Vector256.Create(2.0 / 21);
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 19));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 17));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 15));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 13));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 11));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 9));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 7));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 5));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2.0 / 3));
        return r * z;
    }

    /// <summary>k·ln 2 + ln(1 + f) + lost, from s = f/(2 + f) and the series r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Join(Vector256<double> k, Vector256<double> f, Vector256<double> s, Vector256<double> r, Vector256<double> lost)
    {
        var low = Vector256.FusedMultiplyAdd(k, Vector256.Create(Ln2Lo), lost) - s * (f - r);
        return k * Vector256.Create(Ln2Hi) + (f + low);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Core(Vector256<float> y, Range range)
    {
        var one = Vector256<float>.One;
        var u = one + y;
        var rounding = y - (u - one);
        var lost = range == Range.Negative ? rounding * (Vector256.Create(2f) - u) : rounding / u;
        var bits = u.AsUInt32() + Vector256.Create(0x3f800000u - 0x3f3504f3u);
        var k = Vector256.ConvertToSingle((bits >>> 23).AsInt32() - Vector256.Create(127));
        var m = ((bits & Vector256.Create(0x007fffffu)) + Vector256.Create(0x3f3504f3u)).AsSingle();
        var f = m - one;
        var s = f / (f + Vector256.Create(2f));
        var z = s * s;
        var r = Vector256.Create(2f / 9);
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2f / 7));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2f / 5));
        r = Vector256.FusedMultiplyAdd(r, z, Vector256.Create(2f / 3));
        r *= z;
        var low = Vector256.FusedMultiplyAdd(k, Vector256.Create(Ln2LoF), lost) - s * (f - r);
        return k * Vector256.Create(Ln2HiF) + (f + low);
    }
}
