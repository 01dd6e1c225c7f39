using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Δ[i, j] = η·dt·p[i]·(p[i] − θ[i])·a[j].</summary>
internal sealed class SimBCMKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena;
    private readonly int _a, _p, _theta, _d, _rows, _cols;
    private readonly T _scale;

    public SimBCMKernel(SimBCM op, SignalStore<T> store, double dt)
    {
        _arena = store.Arena;
        _a = store.OffsetOf(op.PreFiltered);
        _p = store.OffsetOf(op.PostFiltered);
        _theta = store.OffsetOf(op.Theta);
        _d = store.OffsetOf(op.Delta);
        _rows = op.Delta.Rows;
        _cols = op.Delta.Cols;
        _scale = T.CreateTruncating(op.LearningRate * dt);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var arena = _arena;
        var a = arena.AsSpan(_a, _cols);
        for (int i = 0; i < _rows; i++)
        {
            T p = arena[_p + i];
            TensorPrimitives.Multiply(a, _scale * p * (p - arena[_theta + i]), arena.AsSpan(_d + i * _cols, _cols));
        }
    }
}
