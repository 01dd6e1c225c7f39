using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>
/// step += 1; time = step·dt (computed as a product, not a running sum, so t is exactly n·dt). The step count is
/// kept in float64 here, so a float32 arena's step signal does not stop counting at 2^24 steps.
/// </summary>
internal sealed class TimeUpdateKernel<T>(TimeUpdate op, SignalStore<T> store, double dt) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _step = store.OffsetOf(op.Step), _time = store.OffsetOf(op.Time);
    private double _count;

    public override void Reset(Random simulatorRng) => _count = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        double step = typeof(T) == typeof(double) ? double.CreateTruncating(_a[_step]) + 1 : ++_count;
        _a[_step] = T.CreateTruncating(step);
        _a[_time] = T.CreateTruncating(step * dt);
    }
}
