using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Calls the host function: output = f(t, x).</summary>
internal sealed class SimNodeFuncKernel(SimNodeFunc op, SignalStore store) : CpuKernel
{
    private readonly double[] _a = store.Arena;
    private readonly int _out = store.OffsetOf(op.Output), _nOut = op.Output.Size;
    private readonly int _t = op.Time is null ? -1 : store.OffsetOf(op.Time);
    private readonly int _x = op.Input is null ? -1 : store.OffsetOf(op.Input), _nx = op.Input?.Size ?? 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        double t = _t < 0 ? 0.0 : _a[_t];
        ReadOnlySpan<double> x = _x < 0 ? [] : _a.AsSpan(_x, _nx);
        op.Callback(t, x, _a.AsSpan(_out, _nOut));
    }
}
