using System.Runtime.InteropServices;

namespace Nengo.Backends.Cpu.Memory;

/// <summary>
/// The memory of the constant matrices that kernels copy into their own layout once and then stream every step
/// (encoder panels, transposed spike decoders): native, zeroed and 64-byte aligned, so that a decoder column of
/// 16 float64 values is exactly two cache lines (a managed array's data is only 8-byte aligned, and when it does not
/// start on a line every such column touches three: scale-256's spike gathers took 0.64–0.81 s instead of
/// 0.45–0.49 s per 300 steps on one thread with the columns 16 bytes off). Freed by <see cref="Dispose"/>, or when
/// finalised.
/// </summary>
internal sealed unsafe class MatrixMemory : IDisposable
{
    /// <summary>The alignment of every allocation: one cache line.</summary>
    public const int Alignment = 64;

    private readonly List<nint> _blocks = [];
    private long _reserved;   // bytes allocated, reported to the GC as memory pressure
    private bool _disposed;

    /// <summary>Zeroed room for <paramref name="count"/> values, <see cref="Alignment"/>-byte aligned, valid until this object is disposed.</summary>
    public T* Allocate<T>(long count) where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long bytes = (Math.Max(1, count) * sizeof(T) + Alignment - 1) & ~(long)(Alignment - 1);
        var p = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, Alignment);
        _blocks.Add((nint)p);
        NativeMemory.Clear(p, (nuint)bytes);
        // The GC does not see native memory: told about it, it finalises abandoned simulations sooner.
        GC.AddMemoryPressure(bytes);
        _reserved += bytes;
        return (T*)p;
    }

    public void Dispose()
    {
        _disposed = true;
        Free();
        GC.SuppressFinalize(this);
    }

    ~MatrixMemory() => Free();

    private void Free()
    {
        foreach (var b in _blocks) NativeMemory.AlignedFree((void*)b);
        _blocks.Clear();
        if (_reserved > 0) GC.RemoveMemoryPressure(_reserved);
        _reserved = 0;
    }
}
