using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>Where a process type runs.</summary>
internal enum ProcessKind
{
    /// <summary>A linear filter stepped on the device from its <see cref="DiscreteStateSpace"/> (<see cref="SimProcessKernel"/>).</summary>
    Filter,
    /// <summary>User code stepped on the host through <see cref="Process.MakeStep"/> (<see cref="HostProcessFunction"/>).</summary>
    Host,
}

/// <summary>Where each process type runs; looked up with base-type fallback, so every <see cref="Process"/> has a place.</summary>
internal static class ProcessKernels
{
    /// <summary>The placement of each process type.</summary>
    /// <returns>A new registry.</returns>
    public static Dictionary<Type, ProcessKind> RegisterDefaults() => new()
    {
        [typeof(LinearFilter)] = ProcessKind.Filter,
        [typeof(Process)] = ProcessKind.Host,
    };
}

/// <summary>
/// The synapses of one dependency level (<c>SimProcess.cl</c>): every SimProcess of a
/// <see cref="LinearFilter"/>, one work-item per filtered dimension, with the CPU's semantics. One state
/// and D = 0 (Lowpass) takes the fast path with the CPU's rescaled state x' = C·x; any other filter
/// steps A, B, C, D of its <see cref="DiscreteStateSpace"/> (order at most 16). Filters whose outputs
/// overlap (accumulating into the same signal) go to a further launch.
/// </summary>
internal sealed class SimProcessKernel : KernelGroup
{
    /// <summary>Highest filter order the kernel's private state array holds (MAX_ORDER in SimProcess.cl).</summary>
    public const int MaxOrder = 16;

    private readonly List<int> _lowpassOps = [], _lowpassLengths = [];
    private readonly List<double> _lowpassParams = [];
    private readonly List<int> _filterOps = [], _filterLengths = [];
    private readonly List<double> _filterParams = [];
    private readonly List<(int Start, int End)> _outputs = [];
    private SimProcessKernel? _overflow;

    /// <inheritdoc />
    public override bool IsEmpty => _outputs.Count == 0;

    /// <summary>Adds a filter.</summary>
    /// <param name="op">The operator (its process a <see cref="LinearFilter"/>).</param>
    /// <param name="sys">The filter discretised at the model's dt.</param>
    /// <param name="arena">The signal layout.</param>
    /// <exception cref="BuildError">When the sizes do not fit the filter.</exception>
    /// <exception cref="NotSupportedByBackendError">When the order exceeds <see cref="MaxOrder"/>.</exception>
    public void Add(SimProcess op, DiscreteStateSpace sys, SignalArena arena)
    {
        int n = op.Output.Size, order = sys.Order;
        if (op.Input is null || op.Input.Size != n)
            throw new BuildError($"OpenCL backend: synapse {op.Process} needs an input of size {n} ({op.Tag}).");
        if ((op.State?.Size ?? 0) != n * order)
            throw new BuildError($"OpenCL backend: synapse {op.Process} needs {n * order} state values, got {op.State?.Size ?? 0} ({op.Tag}).");
        if (order > MaxOrder)
            throw new NotSupportedByBackendError($"OpenCL backend: SimProcess supports linear filters up to order {MaxOrder}; {op.Process} has order {order} ({op.Tag}).");
        int output = arena.OffsetOf(op.Output);
        if (_outputs.Any(o => o.Start < output + n && output < o.End))
        {
            (_overflow ??= new SimProcessKernel()).Add(op, sys, arena);
            return;
        }
        _outputs.Add((output, output + n));
        int input = arena.OffsetOf(op.Input), state = op.State is null ? 0 : arena.OffsetOf(op.State);
        int inc = op.Mode == ProcessMode.Inc ? 1 : 0;
        if (order == 1 && sys.D == 0)
        {
            _lowpassOps.AddRange([input, output, state, n, inc]);
            _lowpassParams.AddRange([sys.A[0, 0], sys.C[0] * sys.B[0]]);
            _lowpassLengths.Add(n);
            return;
        }
        _filterOps.AddRange([input, output, state, n, inc, order, _filterParams.Count, sys.IsStrictlyProper ? 1 : 0]);
        for (int r = 0; r < order; r++)
            for (int c = 0; c < order; c++) _filterParams.Add(sys.A[r, c]);
        _filterParams.AddRange(sys.B);
        _filterParams.AddRange(sys.C);
        _filterParams.Add(sys.D);
        _filterLengths.Add(n);
    }

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        foreach (var l in Emit(ctx, "lowpass", _lowpassOps, _lowpassParams, _lowpassLengths)) yield return l;
        foreach (var l in Emit(ctx, "linear_filter", _filterOps, _filterParams, _filterLengths)) yield return l;
        if (_overflow is { } next)
            foreach (var l in next.Emit(ctx)) yield return l;
    }

    private static IEnumerable<Launch> Emit(EmitContext ctx, string name, List<int> ops, List<double> parameters, List<int> lengths)
    {
        var blocks = Ragged.Blocks(lengths);
        if (blocks.Length == 0) yield break;
        var kernel = ctx.Kernel(name);
        kernel.Set(0, ctx.Signals);
        kernel.Set(1, blocks.Length / 2);
        kernel.Set(2, ctx.Ints(blocks, $"{name} blocks"));
        kernel.Set(3, ctx.Ints(ops, $"{name} offsets"));
        kernel.Set(4, ctx.Reals(parameters, $"{name} coefficients"));
        yield return ctx.Launch(kernel, blocks.Length / 2 * Ragged.Block);
    }
}

/// <summary>
/// Any process that is not a linear filter, stepped on the host through <see cref="Process.MakeStep"/>
/// (as the CPU's HostProcessKernel). On every reset the step function is made anew with a generator
/// seeded from the process's seed or, in step order, from the simulator's generator, so its output is
/// the CPU's, value for value.
/// </summary>
internal sealed class HostProcessFunction(SimProcess op, double dt)
    : HostFunction(op, op.Output, op.Input, op.Time is not null, op.Mode == ProcessMode.Inc)
{
    private ProcessStep? _step;

    /// <inheritdoc />
    public override void Reset(Random simulatorRng)
    {
        int seed = simulatorRng.NextSeed();
        _step = op.Process.MakeStep(op.Input?.Size ?? 0, op.Output.Size, dt, new Random(op.Process.Seed ?? seed));
    }

    /// <inheritdoc />
    protected override void Evaluate(double t, ReadOnlySpan<double> x, Span<double> y) => _step!(t, x, y);
}
