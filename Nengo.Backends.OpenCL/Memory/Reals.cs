using System.Runtime.InteropServices;

namespace Nengo.Backends.OpenCL.Memory;

/// <summary>Converts between the host's float64 values and the device's <c>real</c> (float32 or float64) bytes.</summary>
internal static class Reals
{
    /// <summary>Bytes per device element.</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>4 or 8.</returns>
    public static int Size(OpenCLPrecision precision) => precision == OpenCLPrecision.Double ? 8 : 4;

    /// <summary>Writes <paramref name="values"/> as device elements into <paramref name="target"/>.</summary>
    /// <param name="values">Host values.</param>
    /// <param name="target">At least values.Length·Size bytes.</param>
    /// <param name="precision">The device precision.</param>
    public static void ToDevice(ReadOnlySpan<double> values, Span<byte> target, OpenCLPrecision precision)
    {
        if (precision == OpenCLPrecision.Double)
        {
            MemoryMarshal.AsBytes(values).CopyTo(target);
            return;
        }
        var f = MemoryMarshal.Cast<byte, float>(target);
        for (int i = 0; i < values.Length; i++) f[i] = (float)values[i];
    }

    /// <summary>Reads device elements from <paramref name="source"/> into <paramref name="values"/>.</summary>
    /// <param name="source">values.Length·Size bytes.</param>
    /// <param name="values">Receives the values.</param>
    /// <param name="precision">The device precision.</param>
    public static void FromDevice(ReadOnlySpan<byte> source, Span<double> values, OpenCLPrecision precision)
    {
        if (precision == OpenCLPrecision.Double)
        {
            MemoryMarshal.Cast<byte, double>(source)[..values.Length].CopyTo(values);
            return;
        }
        var f = MemoryMarshal.Cast<byte, float>(source);
        for (int i = 0; i < values.Length; i++) values[i] = f[i];
    }

    /// <summary>The device bytes of <paramref name="values"/>.</summary>
    /// <param name="values">Host values.</param>
    /// <param name="precision">The device precision.</param>
    /// <returns>A new byte array.</returns>
    public static byte[] Bytes(ReadOnlySpan<double> values, OpenCLPrecision precision)
    {
        var bytes = new byte[values.Length * Size(precision)];
        ToDevice(values, bytes, precision);
        return bytes;
    }
}
