using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>The Reset operators of one level as one kernel: fills of arena ranges (adjacent equal fills joined).</summary>
internal sealed class ResetBatchKernel<T>(T[] arena, (int Start, int Length, T Value)[] fills) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run()
    {
        foreach (var (start, length, value) in fills) arena.AsSpan(start, length).Fill(value);
    }
}

/// <summary>The plain Copy operators of one level as one kernel, in step order (consecutive adjacent copies joined).</summary>
internal sealed class CopyBatchKernel<T>(T[] arena, (int Src, int Dst, int Length, bool Inc)[] copies) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run()
    {
        var a = arena;
        foreach (var (src, dst, n, inc) in copies)
        {
            if (n == 1)
            {
                if (inc) a[dst] += a[src]; else a[dst] = a[src];
            }
            else if (inc)
                System.Numerics.Tensors.TensorPrimitives.Add(a.AsSpan(dst, n), a.AsSpan(src, n), a.AsSpan(dst, n));
            else
                a.AsSpan(src, n).CopyTo(a.AsSpan(dst, n));
        }
    }
}
