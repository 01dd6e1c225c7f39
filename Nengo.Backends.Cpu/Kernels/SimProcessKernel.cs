using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Process kernels by process type; filled by <see cref="RegisterDefaults"/> (looked up with base-type fallback).</summary>
internal static class ProcessKernels
{
    public static Dictionary<Type, Func<SimProcess, SignalStore, double, CpuKernel>> RegisterDefaults() => new()
    {
        [typeof(LinearFilter)] = (op, store, dt) => new LinearFilterKernel(op, store, op.Synapse.Discretize(dt)),
    };
}

/// <summary>
/// A synapse on every dimension of its input: per dimension i, y_i = sys.Step(state_i, u_i) with the
/// reference semantics of <see cref="DiscreteStateSpace.Step"/>. Set/inc/update modes differ only in
/// where the scheduler places the kernel, plus accumulation for inc.
/// </summary>
internal sealed class LinearFilterKernel : CpuKernel
{
    private readonly double[] _a;
    private readonly int _in, _out, _state, _n, _order;
    private readonly bool _inc;
    private readonly DiscreteStateSpace _sys;

    public LinearFilterKernel(SimProcess op, SignalStore store, DiscreteStateSpace sys)
    {
        _a = store.Arena;
        _sys = sys;
        _n = op.Output.Size;
        _order = sys.Order;
        if (op.Input is null || op.Input.Size != _n)
            throw new BuildError($"CPU backend: synapse {op.Synapse} needs an input of size {_n} ({op.Tag}).");
        if ((op.State?.Size ?? 0) != _n * _order)
            throw new BuildError($"CPU backend: synapse {op.Synapse} needs {_n * _order} state values, got {op.State?.Size ?? 0} ({op.Tag}).");
        _in = store.OffsetOf(op.Input);
        _out = store.OffsetOf(op.Output);
        _state = op.State is null ? 0 : store.OffsetOf(op.State);
        _inc = op.Mode == ProcessMode.Inc;
    }

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++)
        {
            double y = _sys.Step(a.AsSpan(_state + i * _order, _order), a[_in + i]);
            if (_inc) a[_out + i] += y; else a[_out + i] = y;
        }
    }
}
