using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Pr = P·r; k = 1/(1 + r·Pr); P −= k·Pr·Prᵀ; Δ[i, j] = −k·e_local[i]·Pr[j], e_local = e or E·e.</summary>
internal sealed class SimRLSKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena;
    private readonly int _r, _e, _d, _p, _enc, _n, _rows, _dims;
    private readonly T[] _pr, _local;

    public SimRLSKernel(SimRLS op, SignalStore<T> store, double dt)
    {
        _ = dt;
        _arena = store.Arena;
        _r = store.OffsetOf(op.PreFiltered);
        _e = store.OffsetOf(op.Error);
        _d = store.OffsetOf(op.Delta);
        _p = store.OffsetOf(op.InvGamma);
        _enc = op.Encoders is null ? -1 : store.OffsetOf(op.Encoders);
        _n = op.PreFiltered.Size;
        _rows = op.Delta.Rows;
        _dims = op.Error.Size;
        _pr = new T[_n];
        _local = new T[_rows];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var arena = _arena;
        int n = _n;
        var r = arena.AsSpan(_r, n);
        var pr = _pr.AsSpan();
        for (int i = 0; i < n; i++) pr[i] = TensorPrimitives.Dot(arena.AsSpan(_p + i * n, n), r);
        T k = T.One / (T.One + TensorPrimitives.Dot<T>(r, pr));
        for (int i = 0; i < n; i++)
            TensorPrimitives.MultiplyAdd(pr, -k * pr[i], arena.AsSpan(_p + i * n, n), arena.AsSpan(_p + i * n, n));

        var local = _local;
        if (_enc < 0) arena.AsSpan(_e, _rows).CopyTo(local);
        else
            for (int i = 0; i < _rows; i++)
                local[i] = TensorPrimitives.Dot(arena.AsSpan(_enc + i * _dims, _dims), arena.AsSpan(_e, _dims));
        for (int i = 0; i < _rows; i++)
            TensorPrimitives.Multiply(pr, -k * local[i], arena.AsSpan(_d + i * n, n));
    }
}
