using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Nengo.Backends.Cpu.Numerics;

/// <summary>
/// The two element types the CPU backend computes in (<see cref="double"/> for float64, <see cref="float"/>
/// for float32), and the few vector operations that .NET offers per type rather than generically. Each
/// branch is on <c>typeof(T)</c>, which the JIT resolves per instantiation, so a kernel generic in
/// T compiles to exactly the code written for that type.
/// </summary>
internal static class Real
{
    /// <summary>x converted to T (rounded to nearest for float).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(double x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(x);

    /// <summary>a·b + c with one rounding, per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>e^x per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp<T>(Vector256<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) return Vector256.Exp(x.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float)) return Vector256.Exp(x.AsSingle()).As<float, T>();
        throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>ln(1 + y) per lane, y &gt; −1 (<see cref="Nengo.Numerics.VectorLogP1"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LogP1<T>(Vector256<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) return Nengo.Numerics.VectorLogP1.Of(y.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float)) return Nengo.Numerics.VectorLogP1.Of(y.AsSingle()).As<float, T>();
        throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>ln(1 + y) for two vectors, y &gt; −1, their chains side by side (per lane the same as one at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<T>, Vector256<T>) LogP1<T>(Vector256<T> y0, Vector256<T> y1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            var (first, second) = Nengo.Numerics.VectorLogP1.Of(y0.AsDouble(), y1.AsDouble());
            return (first.As<double, T>(), second.As<double, T>());
        }
        return (LogP1(y0), LogP1(y1));
    }

    /// <summary>ln(1 + y) per lane, −1 &lt; y ≤ 0 (<see cref="Nengo.Numerics.VectorLogP1"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LogP1OfNegative<T>(Vector256<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) return Nengo.Numerics.VectorLogP1.OfNegative(y.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float)) return Nengo.Numerics.VectorLogP1.OfNegative(y.AsSingle()).As<float, T>();
        throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>ln(1 + y) for two vectors, −1 &lt; y ≤ 0, their chains side by side (per lane the same as one at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<T>, Vector256<T>) LogP1OfNegative<T>(Vector256<T> y0, Vector256<T> y1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            var (first, second) = Nengo.Numerics.VectorLogP1.OfNegative(y0.AsDouble(), y1.AsDouble());
            return (first.As<double, T>(), second.As<double, T>());
        }
        return (LogP1OfNegative(y0), LogP1OfNegative(y1));
    }

    /// <summary>Converts doubles to T element by element (a plain copy for double).</summary>
    public static void FromDoubles<T>(ReadOnlySpan<double> from, Span<T> to) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) { from.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(to)); return; }
        for (int i = 0; i < from.Length; i++) to[i] = T.CreateTruncating(from[i]);
    }

    /// <summary>Converts T to doubles element by element (a plain copy for double).</summary>
    public static void ToDoubles<T>(ReadOnlySpan<T> from, Span<double> to) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) { System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(from).CopyTo(to); return; }
        for (int i = 0; i < from.Length; i++) to[i] = double.CreateTruncating(from[i]);
    }
}
