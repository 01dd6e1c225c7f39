using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>dst[dstIndices] (+)= src[srcIndices]; plain block copies when no indices are given.</summary>
internal sealed class CopyKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a;
    private readonly int _src, _dst, _n;
    private readonly int[]? _srcIdx, _dstIdx;
    private readonly bool _inc;

    public CopyKernel(Copy op, SignalStore<T> store)
    {
        _a = store.Arena;
        _src = store.OffsetOf(op.Src);
        _dst = store.OffsetOf(op.Dst);
        _n = op.Length;
        _srcIdx = op.SrcIndices?.ToArray();
        _dstIdx = op.DstIndices?.ToArray();
        _inc = op.Inc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        if (_srcIdx is null && _dstIdx is null)
        {
            if (_inc)
                System.Numerics.Tensors.TensorPrimitives.Add(a.AsSpan(_dst, _n), a.AsSpan(_src, _n), a.AsSpan(_dst, _n));
            else
                a.AsSpan(_src, _n).CopyTo(a.AsSpan(_dst, _n));
            return;
        }
        for (int i = 0; i < _n; i++)
        {
            int s = _src + (_srcIdx is null ? i : _srcIdx[i]);
            int d = _dst + (_dstIdx is null ? i : _dstIdx[i]);
            if (_inc) a[d] += a[s]; else a[d] = a[s];
        }
    }
}
