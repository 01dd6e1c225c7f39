using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Δ[i, j] = −(η·dt/n)·e_local[i]·a[j], e_local = e or E·e.</summary>
internal sealed class SimPESKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena;
    private readonly int _a, _e, _d, _enc, _n, _rows, _dims;
    private readonly T _scale;
    private readonly T[] _local;

    public SimPESKernel(SimPES op, SignalStore<T> store, double dt)
    {
        _arena = store.Arena;
        _a = store.OffsetOf(op.Activities);
        _e = store.OffsetOf(op.Error);
        _d = store.OffsetOf(op.Delta);
        _enc = op.Encoders is null ? -1 : store.OffsetOf(op.Encoders);
        _n = op.Activities.Size;
        _rows = op.Delta.Rows;
        _dims = op.Error.Size;
        _scale = T.CreateTruncating(-op.LearningRate * dt / _n);
        _local = new T[_rows];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var arena = _arena;
        var local = _local;
        if (_enc < 0) arena.AsSpan(_e, _rows).CopyTo(local);
        else
            for (int i = 0; i < _rows; i++)
                local[i] = System.Numerics.Tensors.TensorPrimitives.Dot(arena.AsSpan(_enc + i * _dims, _dims), arena.AsSpan(_e, _dims));
        var a = arena.AsSpan(_a, _n);
        for (int i = 0; i < _rows; i++)
            System.Numerics.Tensors.TensorPrimitives.Multiply(a, _scale * local[i], arena.AsSpan(_d + i * _n, _n));
    }
}
