using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// step += 1; time = step·dt (<c>TimeUpdate.cl</c>). The host passes both values each step: it counts
/// steps as int64 and computes time as a float64 product, so the device's float32 time is the rounded
/// exact value, never a rounded running sum.
/// </summary>
internal sealed class TimeUpdateKernel : KernelGroup
{
    private readonly List<(int Step, int Time)> _ops = [];

    /// <inheritdoc />
    public override bool IsEmpty => _ops.Count == 0;

    /// <summary>Adds a TimeUpdate.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    public void Add(TimeUpdate op, SignalArena arena) => _ops.Add((arena.OffsetOf(op.Step), arena.OffsetOf(op.Time)));

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        var precision = ctx.Precision;
        foreach (var (step, time) in _ops)
        {
            var kernel = ctx.Kernel("time_update");
            kernel.Set(0, ctx.Signals);
            kernel.Set(1, step);
            kernel.Set(2, time);
            yield return ctx.Launch(kernel, 1, (k, _, s, t) =>
            {
                k.SetReal(3, s, precision);
                k.SetReal(4, t, precision);
            });
        }
    }
}
