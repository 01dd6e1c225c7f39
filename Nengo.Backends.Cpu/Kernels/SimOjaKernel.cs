using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Δ[i, j] = η·dt·(p[i]·a[j] − β·p[i]²·W[i, j]).</summary>
internal sealed class SimOjaKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena;
    private readonly int _a, _p, _w, _d, _rows, _cols;
    private readonly T _scale, _beta;

    public SimOjaKernel(SimOja op, SignalStore<T> store, double dt)
    {
        _arena = store.Arena;
        _a = store.OffsetOf(op.PreFiltered);
        _p = store.OffsetOf(op.PostFiltered);
        _w = store.OffsetOf(op.Weights);
        _d = store.OffsetOf(op.Delta);
        _rows = op.Delta.Rows;
        _cols = op.Delta.Cols;
        _scale = T.CreateTruncating(op.LearningRate * dt);
        _beta = T.CreateTruncating(op.Beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var arena = _arena;
        var a = arena.AsSpan(_a, _cols);
        for (int i = 0; i < _rows; i++)
        {
            T p = arena[_p + i];
            var d = arena.AsSpan(_d + i * _cols, _cols);
            TensorPrimitives.Multiply(a, _scale * p, d);
            TensorPrimitives.MultiplyAdd(arena.AsSpan(_w + i * _cols, _cols), -_scale * _beta * p * p, d, d);
        }
    }
}
