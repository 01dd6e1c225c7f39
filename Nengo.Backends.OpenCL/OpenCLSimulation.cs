using System.Runtime.ExceptionServices;
using Nengo.Backends.OpenCL.Interop;
using Nengo.Backends.OpenCL.Kernels;
using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph;

namespace Nengo.Backends.OpenCL;

/// <summary>
/// A model running on an OpenCL device: one signal buffer, one program, and per step the launches of
/// each dependency level's kernel groups, enqueued without waiting. Steps run in blocks: host functions
/// of time are computed ahead for the block and written once, probes are recorded on the device and
/// read back once per block, and only nodes with input wait for the device inside a block.
/// </summary>
internal sealed unsafe class OpenCLSimulation : ISimulation
{
    /// <summary>The most steps in one block.</summary>
    private const int MaxBlockSteps = 1024;

    /// <summary>Device memory for the host table and probe rows of one block.</summary>
    private const long BlockBudgetBytes = 32L << 20;

    private readonly Model _model;
    private readonly OpenCLPrecision _precision;
    private readonly ClContext _cl;
    private readonly SignalArena _arena;
    private readonly HostTable _table = new();
    private readonly List<HostFunction> _hostFunctions;
    private readonly IStepItem[] _items;
    private readonly ProbeBuffers _probes;
    private readonly ClBuffer _signals;
    private readonly byte[] _initial;
    private readonly int _blockSteps;
    private Exception? _failure;
    private bool _disposed;

    public OpenCLSimulation(Model model, int seed, OpenCLDevice device, OpenCLPrecision precision)
    {
        _model = model;
        _precision = precision;
        _arena = new SignalArena(model.BaseSignals);
        var factory = new KernelFactory(_arena, _table, model.Dt);
        var levels = new SortedDictionary<int, LevelPlan>();
        for (int i = 0; i < model.StepOrder.Count; i++)
        {
            int level = model.StepLevels[i];
            if (!levels.TryGetValue(level, out var plan)) levels[level] = plan = new LevelPlan(level);
            factory.Level = plan;
            model.StepOrder[i].Accept(factory);
        }
        _hostFunctions = factory.HostFunctions;
        _probes = new ProbeBuffers(model, _arena);

        int size = Reals.Size(precision);
        long perStep = (long)(_arena.TableWidth + _probes.TotalWidth) * size;
        long budget = Math.Min(BlockBudgetBytes, Math.Max(1, device.MaxAllocationBytes / 4));
        _blockSteps = perStep == 0 ? MaxBlockSteps : (int)Math.Clamp(budget / perStep, 1, MaxBlockSteps);
        _arena.TableRows = _table.IsEmpty ? 0 : _blockSteps;
        _table.Allocate(_arena.TableRows, _arena.TableWidth, precision);
        _initial = Reals.Bytes(_arena.InitialImage(), precision);

        _cl = ClContext.Create(device);
        try
        {
            var program = _cl.BuildProgram(KernelSources.Program, KernelSources.Options(precision), "the NengoSharp kernels");
            _signals = _cl.CreateBuffer(_arena.TotalElements * size, $"the signal buffer ({_arena.SignalElements} signal elements)");
            var ctx = new EmitContext(_cl, program, _signals, _arena, precision, model.Dt);
            _items = levels.Values.SelectMany(l => l.Emit(ctx)).ToArray();
            _probes.Emit(ctx, _blockSteps);
            _cl.Finish();
            Reset(seed);
        }
        catch
        {
            _cl.Dispose();
            throw;
        }
    }

    /// <summary>The step items in order (for printing and tests).</summary>
    public IReadOnlyList<IStepItem> Items => _items;

    /// <summary>Steps per block.</summary>
    public int BlockSteps => _blockSteps;

    public long Steps { get; private set; }

    public void RunSteps(int steps)
    {
        ThrowIfUnusable();
        _probes.Reserve(Steps, steps);
        try
        {
            int done = 0;
            while (done < steps)
            {
                int block = Math.Min(steps - done, _blockSteps);
                ExceptionDispatchInfo? failure = null;
                if (!_table.IsEmpty)
                {
                    block = _table.Fill(block, Steps + 1, _model.Dt, out failure);
                    if (block > 0) _table.Upload(_cl, _signals, _arena.TableBase, block);
                }
                int ran = 0;
                try
                {
                    for (int r = 0; r < block; r++)
                    {
                        long step = Steps + 1 + r;
                        double time = step * _model.Dt;
                        foreach (var item in _items) item.Run(r, step, time);
                        _probes.Sample(step);
                        ran = r + 1;
                        if ((r & 15) == 15) _cl.Flush();
                    }
                }
                catch (Exception e) when (e is not OpenCLException)
                {
                    // A host function failed mid-step: keep the steps before it (and their probe rows), then raise.
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                _probes.Drain();
                Steps += ran;
                done += ran;
                failure?.Throw();
            }
            // RunSteps returns when the steps have run, not when they are queued (probe-less models
            // would otherwise return early, and timings would measure only the enqueueing).
            _cl.Finish();
        }
        catch (OpenCLException e)
        {
            Fail(e);
            throw;
        }
    }

    public void Reset(int seed)
    {
        ThrowIfUnusable();
        try
        {
            Upload();
        }
        catch (OpenCLException e)
        {
            Fail(e);
            throw;
        }
        var rng = new Random(seed);
        foreach (var f in _hostFunctions) f.Reset(rng);
        _probes.Clear();
        Steps = 0;
    }

    public double[,] ProbeData(int probeIndex) => _probes.ToArray(probeIndex);

    public double[] ReadSignal(Signal signal)
    {
        ThrowIfUnusable();
        int offset = _arena.OffsetOf(signal), size = Reals.Size(_precision);
        var bytes = new byte[Math.Max(1, signal.Size * size)];
        try
        {
            fixed (byte* p = bytes) _cl.Read(_signals, (long)offset * size, p, (long)signal.Size * size, blocking: true);
        }
        catch (OpenCLException e)
        {
            Fail(e);
            throw;
        }
        var values = new double[signal.Size];
        Reals.FromDevice(bytes, values, _precision);
        return values;
    }

    /// <summary>The plan: what one step enqueues, in order.</summary>
    /// <returns>A readable listing.</returns>
    public override string ToString() =>
        $"OpenCL plan on {_cl.Device.Name} ({_precision}): {_items.Length} items per step, blocks of {_blockSteps} steps, " +
        $"{_arena.TotalElements} buffer elements\n" + string.Join("\n", _items.Select(i => "  " + i));

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _cl.Dispose();
    }

    private void Upload()
    {
        fixed (byte* p = _initial) _cl.Write(_signals, 0, p, _initial.Length, blocking: true);
    }

    /// <summary>After a native failure the device state is unknown: release everything now.</summary>
    private void Fail(Exception e)
    {
        _failure = e;
        Dispose();
    }

    private void ThrowIfUnusable()
    {
        if (_failure is { } f)
            throw new SimulationError($"OpenCL backend: the simulation released its device resources after a failure and cannot continue: {f.Message}", f);
        ObjectDisposedException.ThrowIf(_disposed, this);
    }
}
