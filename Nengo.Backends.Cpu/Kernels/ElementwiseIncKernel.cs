using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Y += A ⊙ X with broadcasting of length-1 A or X.</summary>
internal sealed class ElementwiseIncKernel<T>(ElementwiseInc op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena = store.Arena;
    private readonly int _a = store.OffsetOf(op.A), _x = store.OffsetOf(op.X), _y = store.OffsetOf(op.Y);
    private readonly int _na = op.A.Size, _nx = op.X.Size, _ny = op.Y.Size;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var arena = _arena;
        var y = arena.AsSpan(_y, _ny);
        if (_na == _ny && _nx == _ny)
            TensorPrimitives.FusedMultiplyAdd(arena.AsSpan(_a, _na), arena.AsSpan(_x, _nx), y, y);
        else if (_na == 1 && _nx == _ny)
            TensorPrimitives.FusedMultiplyAdd(arena.AsSpan(_x, _nx), arena[_a], y, y);
        else if (_nx == 1 && _na == _ny)
            TensorPrimitives.FusedMultiplyAdd(arena.AsSpan(_a, _na), arena[_x], y, y);
        else
        {
            T p = arena[_a] * arena[_x];
            for (int i = 0; i < y.Length; i++) y[i] += p;
        }
    }
}
