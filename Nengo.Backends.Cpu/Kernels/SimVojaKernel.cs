using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Δ[i, j] = η·dt·L·p[i]·(s[i]·x[j] − E[i, j]).</summary>
internal sealed class SimVojaKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena;
    private readonly int _x, _p, _e, _d, _l, _rows, _cols;
    private readonly T _rate;
    private readonly T[] _s;

    public SimVojaKernel(SimVoja op, SignalStore<T> store, double dt)
    {
        _arena = store.Arena;
        _x = store.OffsetOf(op.Input);
        _p = store.OffsetOf(op.PostFiltered);
        _e = store.OffsetOf(op.ScaledEncoders);
        _d = store.OffsetOf(op.Delta);
        _l = store.OffsetOf(op.LearningSignal);
        _rows = op.Delta.Rows;
        _cols = op.Delta.Cols;
        _rate = T.CreateTruncating(op.LearningRate * dt);
        _s = [.. op.Scale.ToArray().Select(T.CreateTruncating)];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var arena = _arena;
        var x = arena.AsSpan(_x, _cols);
        T c = _rate * arena[_l];
        for (int i = 0; i < _rows; i++)
        {
            T cp = c * arena[_p + i];
            var d = arena.AsSpan(_d + i * _cols, _cols);
            TensorPrimitives.Multiply(x, cp * _s[i], d);
            TensorPrimitives.MultiplyAdd(arena.AsSpan(_e + i * _cols, _cols), -cp, d, d);
        }
    }
}
