using System.Numerics.Tensors;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Y += A·X, A row-major.</summary>
internal sealed class DotIncKernel(DotInc op, SignalStore store) : CpuKernel
{
    private readonly double[] _arena = store.Arena;
    private readonly int _a = store.OffsetOf(op.A), _x = store.OffsetOf(op.X), _y = store.OffsetOf(op.Y);
    private readonly int _rows = op.A.Rows, _cols = op.A.Cols;

    public override void Run()
    {
        var arena = _arena;
        var x = arena.AsSpan(_x, _cols);
        for (int i = 0; i < _rows; i++)
            arena[_y + i] += TensorPrimitives.Dot(arena.AsSpan(_a + i * _cols, _cols), x);
    }
}
