using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Numerics;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Process kernels by process type; filled by <see cref="RegisterDefaults"/> (looked up with base-type fallback).</summary>
internal static class ProcessKernels
{
    public static Dictionary<Type, Func<SimProcess, SignalStore<T>, double, CpuKernel>> RegisterDefaults<T>() where T : unmanaged, IFloatingPointIeee754<T> => new()
    {
        [typeof(LinearFilter)] = (op, store, dt) => new LinearFilterKernel<T>(op, store, ((LinearFilter)op.Process).Discretize(dt)),
        [typeof(Process)] = (op, store, dt) => new HostProcessKernel<T>(op, store, dt),
    };
}

/// <summary>
/// A synapse on every dimension of its input: per dimension i, y_i = sys.Step(state_i, u_i) with the
/// reference semantics of <see cref="DiscreteStateSpace.Step"/>. Set/inc/update modes differ only in
/// where the scheduler places the kernel, plus accumulation for inc. Filters of order above one step their
/// state in float64 (widened from and rounded back to a float32 arena).
/// </summary>
internal sealed class LinearFilterKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a;
    private readonly T _decay, _gain;
    private readonly double[] _wide;
    private readonly int _in, _out, _state, _n, _order;
    private readonly bool _inc;
    private readonly DiscreteStateSpace _sys;

    public LinearFilterKernel(SimProcess op, SignalStore<T> store, DiscreteStateSpace sys)
    {
        _a = store.Arena;
        _sys = sys;
        _n = op.Output.Size;
        _order = sys.Order;
        if (op.Input is null || op.Input.Size != _n)
            throw new BuildError($"CPU backend: synapse {op.Process} needs an input of size {_n} ({op.Tag}).");
        if ((op.State?.Size ?? 0) != _n * _order)
            throw new BuildError($"CPU backend: synapse {op.Process} needs {_n * _order} state values, got {op.State?.Size ?? 0} ({op.Tag}).");
        _in = store.OffsetOf(op.Input);
        _out = store.OffsetOf(op.Output);
        _state = op.State is null ? 0 : store.OffsetOf(op.State);
        _inc = op.Mode == ProcessMode.Inc;
        _decay = _order == 1 ? Real.Of<T>(sys.A[0, 0]) : T.Zero;
        _gain = _order == 1 ? Real.Of<T>(sys.C[0] * sys.B[0]) : T.Zero;
        _wide = new double[_order];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        if (_order == 1 && _sys.D == 0)
        {
            // One state, no feed-through (Lowpass): keep x' = C·x, so x' ← a·x' + (C·B)·u and y = x'.
            T decay = _decay, gain = _gain;
            for (int i = 0; i < _n; i++)
            {
                T y = decay * a[_state + i] + gain * a[_in + i];
                a[_state + i] = y;
                if (_inc) a[_out + i] += y; else a[_out + i] = y;
            }
            return;
        }
        for (int i = 0; i < _n; i++)
        {
            T y = Step(a.AsSpan(_state + i * _order, _order), a[_in + i]);
            if (_inc) a[_out + i] += y; else a[_out + i] = y;
        }
    }

    /// <summary>One step of one dimension's filter, in float64.</summary>
    private T Step(Span<T> state, T u)
    {
        if (typeof(T) == typeof(double))
            return Real.Of<T>(_sys.Step(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(state), double.CreateTruncating(u)));
        Real.ToDoubles<T>(state, _wide);
        double y = _sys.Step(_wide, double.CreateTruncating(u));
        Real.FromDoubles<T>(_wide, state);
        return Real.Of<T>(y);
    }
}

/// <summary>
/// Any other process, stepped on the host through <see cref="Process.MakeStep"/>. On every reset the
/// step function is made anew with a generator seeded from the process's seed or, in step order, from
/// the simulator's generator, so a reset rerun is bit-identical. Step functions see doubles (a float32 arena's
/// input is widened for the call).
/// </summary>
internal sealed class HostProcessKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SimProcess _op;
    private readonly T[] _a;
    private readonly double[] _input;
    private readonly int _in, _nIn, _out, _nOut, _t;
    private readonly double _dt;
    private readonly double[] _scratch;
    private ProcessStep? _step;

    public HostProcessKernel(SimProcess op, SignalStore<T> store, double dt)
    {
        _op = op;
        _a = store.Arena;
        _dt = dt;
        _in = op.Input is null ? 0 : store.OffsetOf(op.Input);
        _nIn = op.Input?.Size ?? 0;
        _out = store.OffsetOf(op.Output);
        _nOut = op.Output.Size;
        _t = op.Time is null ? -1 : store.OffsetOf(op.Time);
        _scratch = new double[_nOut];
        _input = new double[_nIn];
    }

    public override void Reset(Random simulatorRng)
    {
        int seed = simulatorRng.NextSeed();
        _step = _op.Process.MakeStep(_nIn, _nOut, _dt, new Random(_op.Process.Seed ?? seed));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        double t = _t < 0 ? 0 : double.CreateTruncating(_a[_t]);
        Real.ToDoubles<T>(_a.AsSpan(_in, _nIn), _input);
        _step!(t, _input, _scratch);
        var y = _a.AsSpan(_out, _nOut);
        if (_op.Mode == ProcessMode.Inc)
            for (int i = 0; i < _nOut; i++) y[i] += Real.Of<T>(_scratch[i]);
        else
            Real.FromDoubles<T>(_scratch, y);
    }
}
