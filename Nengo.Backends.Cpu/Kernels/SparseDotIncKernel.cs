using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Y += A·X over the CSR rows of A; the values are read from the arena every step (they are a signal).</summary>
internal sealed class SparseDotIncKernel<T>(SparseDotInc op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena = store.Arena;
    private readonly int _data = store.OffsetOf(op.Data), _x = store.OffsetOf(op.X), _y = store.OffsetOf(op.Y);
    private readonly int[] _indices = [.. op.Indices], _indptr = [.. op.IndPtr];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var arena = _arena;
        int rows = _indptr.Length - 1;
        for (int i = 0; i < rows; i++)
        {
            T s = T.Zero;
            for (int k = _indptr[i]; k < _indptr[i + 1]; k++) s += arena[_data + k] * arena[_x + _indices[k]];
            arena[_y + i] += s;
        }
    }
}
