using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>dst = value.</summary>
internal sealed class ResetKernel<T>(Reset op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly T _value = T.CreateTruncating(op.Value);
    private readonly int _dst = store.OffsetOf(op.Dst), _n = op.Dst.Size;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run() => _a.AsSpan(_dst, _n).Fill(_value);
}
