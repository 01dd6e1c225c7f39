using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>step += 1; time = step·dt (computed as a product, not a running sum, so t is exactly n·dt).</summary>
internal sealed class TimeUpdateKernel(TimeUpdate op, SignalStore store, double dt) : CpuKernel
{
    private readonly double[] _a = store.Arena;
    private readonly int _step = store.OffsetOf(op.Step), _time = store.OffsetOf(op.Time);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        double step = _a[_step] + 1;
        _a[_step] = step;
        _a[_time] = step * dt;
    }
}
