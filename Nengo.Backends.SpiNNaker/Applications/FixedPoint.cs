namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// SpiNNaker's S16.15 <c>accum</c> (SPINNAKER.md §4.2): host conversion multiplies by 2^15, saturates to the int32
/// range and truncates toward zero; on-core adds wrap; multiplies form a 64-bit product and shift right by 15 (floor).
/// </summary>
public static class FixedPoint
{
    /// <summary>1.0 in S16.15.</summary>
    public const int One = 1 << 15;

    /// <summary>Converts to S16.15: saturate, then truncate toward zero (rig's and numpy's int cast).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The raw int32.</returns>
    public static int ToFixed(double value)
    {
        double s = value * One;
        if (double.IsNaN(s)) return 0;
        if (s >= int.MaxValue) return int.MaxValue;
        if (s <= int.MinValue) return int.MinValue;
        return (int)Math.Truncate(s);
    }

    /// <summary>Converts back from S16.15.</summary>
    /// <param name="raw">The raw value.</param>
    /// <returns>raw / 2^15.</returns>
    public static double ToDouble(int raw) => raw / (double)One;

    /// <summary>accum × accum: 64-bit product, arithmetic shift right by 15 (floor), truncated to 32 bits.</summary>
    /// <param name="a">First factor.</param>
    /// <param name="b">Second factor.</param>
    /// <returns>The product.</returns>
    public static int Mul(int a, int b) => unchecked((int)(((long)a * b) >> 15));

    /// <summary>accum × accum as newer libgcc computes it: 64-bit product, + 2^14, arithmetic shift right by 15 (round half up).</summary>
    /// <param name="a">First factor.</param>
    /// <param name="b">Second factor.</param>
    /// <returns>The product.</returns>
    public static int MulRound(int a, int b) => unchecked((int)(((long)a * b + (1L << 14)) >> 15));
}
