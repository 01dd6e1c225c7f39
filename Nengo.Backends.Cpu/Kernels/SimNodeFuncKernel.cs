using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Numerics;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Calls the host function: output = f(t, x). Host functions see doubles; a float32 arena's values are widened for the call and the output rounded back.</summary>
internal sealed class SimNodeFuncKernel<T>(SimNodeFunc op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _out = store.OffsetOf(op.Output), _nOut = op.Output.Size;
    private readonly int _t = op.Time is null ? -1 : store.OffsetOf(op.Time);
    private readonly int _x = op.Input is null ? -1 : store.OffsetOf(op.Input), _nx = op.Input?.Size ?? 0;
    private readonly double[] _xWide = typeof(T) == typeof(double) ? [] : new double[op.Input?.Size ?? 0];
    private readonly double[] _outWide = typeof(T) == typeof(double) ? [] : new double[op.Output.Size];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        double t = _t < 0 ? 0.0 : double.CreateTruncating(_a[_t]);
        if (typeof(T) == typeof(double))
        {
            var arena = Unsafe.As<double[]>(_a);
            op.Callback(t, _x < 0 ? [] : arena.AsSpan(_x, _nx), arena.AsSpan(_out, _nOut));
            return;
        }
        Real.ToDoubles<T>(_x < 0 ? [] : _a.AsSpan(_x, _nx), _xWide);
        op.Callback(t, _xWide, _outWide);
        Real.FromDoubles<T>(_outWide, _a.AsSpan(_out, _nOut));
    }
}
