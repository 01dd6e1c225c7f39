using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Emulation;
using Nengo.Backends.SpiNNaker.Mapping;
using Nengo.Backends.SpiNNaker.Protocol;
using Nengo.Graph;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>
/// A model loaded on a board (SPINNAKER.md §6.4): routing tables, region images, programs; runs in periods of at most
/// <see cref="SpiNNakerOptions.PeriodSteps"/> ticks and reads the value sinks back after each. The board runs one tick
/// ahead of <see cref="Steps"/> because a packet reaches a value sink one tick after it is decoded. With node I/O the
/// host Nodes step with the board (lockstep on the emulator, wall-clock pace on a real board), one host step per tick.
/// </summary>
internal sealed class SpiNNakerSimulation : ISimulation
{
    private readonly ModelPlan _plan;
    private readonly MappingResult _map;
    private readonly MachineController _mc;
    private readonly BoardEmulator? _ownedEmulator;
    private readonly SpiNNakerOptions _options;
    private readonly Func<string, byte[]> _images;
    private readonly Dictionary<int, List<double[]>> _sinkTicks = [];
    private readonly Dictionary<int, (byte X, byte Y, uint Block)> _blocks = [];
    private readonly HostNetwork _host;
    private readonly NodeIoLink? _link;
    private readonly BoardEmulator? _emulator;
    private readonly List<(byte X, byte Y, byte Cpu, ModelPlan.ReceiverVertex Rx)> _receivers = [];
    private readonly Dictionary<Node, (byte X, byte Y, byte Cpu)> _transmitters = new(ReferenceEqualityComparer.Instance);
    private IHostClock? _clock;
    private ApplicationLoader _loader = null!;
    private long _boardTicks;
    private bool _disposed;

    /// <param name="plan">The validated plan.</param>
    /// <param name="map">Its mapping.</param>
    /// <param name="mc">The board's controller (owned).</param>
    /// <param name="emulator">The emulator behind <paramref name="mc"/>, or null for a real board (node I/O then runs in real time).</param>
    /// <param name="ownedEmulator">An emulator this simulation disposes.</param>
    /// <param name="options">Run control.</param>
    /// <param name="images">Program images.</param>
    internal SpiNNakerSimulation(ModelPlan plan, MappingResult map, MachineController mc, BoardEmulator? emulator, BoardEmulator? ownedEmulator,
        SpiNNakerOptions options, Func<string, byte[]> images)
    {
        _plan = plan; _map = map; _mc = mc; _emulator = emulator; _ownedEmulator = ownedEmulator; _options = options; _images = images;
        _host = new HostNetwork(plan);
        if (plan.HasNodeIo) _link = new NodeIoLink(mc, emulator is null ? System.Net.IPAddress.Any : System.Net.IPAddress.Loopback);
        Load();
    }

    /// <inheritdoc />
    public long Steps { get; private set; }

    private int Capacity => _options.PeriodSteps;

    private void Load()
    {
        _loader = new ApplicationLoader(_mc, _options.AppId, _options.BarrierTimeout);
        _blocks.Clear(); _sinkTicks.Clear(); _receivers.Clear(); _transmitters.Clear(); _boardTicks = 0; Steps = 0;
        _host.Reset();
        _link?.ForgetValues();
        foreach (var (chip, table) in _map.Tables.OrderBy(t => t.Key.X).ThenBy(t => t.Key.Y))
            _mc.LoadRoutingTable((byte)chip.X, (byte)chip.Y, _options.AppId, table.Select(e => (e.Key, e.Mask, e.Route)).ToList());
        var shared = new Dictionary<(ModelPlan.EnsemblePlan, int), (uint, uint, uint)>();
        foreach (var (v, spec) in _plan.Vertices.OrderBy(kv => kv.Key))
        {
            var (chip, core) = _map.Placements[v];
            byte x = (byte)chip.X, y = (byte)chip.Y;
            switch (spec)
            {
                case ModelPlan.EnsembleVertex ev:
                {
                    uint si = 0, ss = 0, se = 0;
                    if (ev.ClusterLengths.Length > 1)
                    {
                        var p = _plan.Ensembles.Single(e => ReferenceEquals(e.Ensemble, ev.Ensemble));
                        if (!shared.TryGetValue((p, ev.Slice.Cluster), out var s))
                        {
                            s = (_mc.SdramAlloc(x, y, _options.AppId, 4 * ev.Ensemble.Dimensions, 0),
                                 _mc.SdramAlloc(x, y, _options.AppId, 4 * ev.ClusterLengths.Sum(l => (l + 31) / 32), 0),
                                 _mc.SdramAlloc(x, y, _options.AppId, 4, 0) + 0x10000000);
                            shared[(p, ev.Slice.Cluster)] = s;
                        }
                        (si, ss, se) = s;
                    }
                    var data = _plan.EnsembleData(ev, _map, si, ss, se, Capacity);
                    _blocks[v] = (x, y, _loader.AddVertex(x, y, core, Aplx.Ensemble, data.ToImage()));
                    break;
                }
                case ModelPlan.SourceVertex sv:
                {
                    var keys = sv.KeyIndex.Select(i => _map.Keys[(sv.Net, 0)] | (uint)i).ToArray();
                    var image = new ValueSourceData(_plan.Model.Dt, keys, new double[keys.Length * Capacity], false).ToImage();
                    _blocks[v] = (x, y, _loader.AddVertex(x, y, core, Aplx.ValueSource, image));
                    break;
                }
                case ModelPlan.ReceiverVertex rx:
                {
                    var keys = rx.KeyIndex.Select(i => _map.Keys[(rx.Net, 0)] | (uint)i).ToArray();
                    _blocks[v] = (x, y, _loader.AddVertex(x, y, core, Aplx.SdpReceiver, new SdpReceiverData(_plan.Model.Dt, keys).ToImage()));
                    _receivers.Add((x, y, (byte)core, rx));
                    break;
                }
                case ModelPlan.TransmitterVertex tx:
                {
                    var filters = tx.Nets.GroupBy(n => n.Tau).Select(g => ModelPlan.Filter(g.Select(n => n.Net), g.Key, tx.Node.SizeIn, _map)).ToList();
                    _blocks[v] = (x, y, _loader.AddVertex(x, y, core, Aplx.SdpTransmitter, new SdpTransmitterData(_plan.Model.Dt, tx.Node.SizeIn, filters).ToImage()));
                    _transmitters[tx.Node] = (x, y, (byte)core);
                    break;
                }
                case ModelPlan.SinkVertex sk:
                {
                    // A latching path (from an SDP receiver) gets a filter of its own: latching replaces instead of summing.
                    var filters = sk.Nets.GroupBy(n => (n.Tau, Net: n.Latching ? n.Net : -1))
                        .Select(g => ModelPlan.Filter(g.Select(n => n.Net), g.Key.Tau, sk.Size, _map, g.Key.Net >= 0)).ToList();
                    _blocks[v] = (x, y, _loader.AddVertex(x, y, core, Aplx.ValueSink, new ValueSinkData(_plan.Model.Dt, sk.Size, 0, filters, Capacity).ToImage()));
                    _sinkTicks[v] = [];
                    break;
                }
            }
        }
        _loader.Start(_images);
        // Lockstep against the emulator, unless it was given a real-time tick (then node I/O runs as against a board).
        bool lockstep = _emulator is { TickPeriod: null } && _link is not null;
        if (_emulator is not null) _emulator.ExternallyStepped = lockstep;
        if (_link is not null) // the clock is kept across Reset: the link's message counts run on
            _clock ??= lockstep
                ? new LockstepClock(_emulator!, _link, _receivers.Count, [.. _transmitters.Values], _options.BarrierTimeout)
                : new RealTimeClock(_plan.Model.Dt);
    }

    /// <summary>One host step: Nodes evaluated with the latest transmitter vectors, then one SDP message per receiver.</summary>
    private void HostStep()
    {
        _host.Advance(node => _link is not null && _transmitters.TryGetValue(node, out var tx) ? _link.Latest(tx.X, tx.Y, tx.Cpu) : null);
        foreach (var (x, y, cpu, rx) in _receivers) _link!.Send(x, y, cpu, _host.ReceiverValue(rx));
    }

    /// <inheritdoc />
    public void RunSteps(int steps)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (steps == 0) return;
        long target = Steps + steps + 1;
        // Without node I/O the host side does not interact with the board: evaluate it for exactly these steps.
        if (_clock is null) while (_host.Step < Steps + steps) _host.Advance(_ => null);
        while (_boardTicks < target)
        {
            int chunk = (int)Math.Min(Capacity, target - _boardTicks);
            WriteFrames(chunk);
            if (_clock is null) _loader.RunPeriod(chunk);
            else _clock.RunPeriod(_loader, chunk, HostStep);
            foreach (var (v, sk) in _plan.Sinks)
            {
                var (x, y, block) = _blocks[v];
                var raw = _loader.ReadRegion(x, y, block, ValueSinkData.RecordingRegion, chunk * sk.Size);
                for (int t = 0; t < chunk; t++)
                    _sinkTicks[v].Add(Enumerable.Range(0, sk.Size).Select(d => FixedPoint.ToDouble(raw[t * sk.Size + d])).ToArray());
            }
            _boardTicks += chunk;
        }
        Steps += steps;
    }

    /// <summary>Frame j of this period is sent at board tick <c>_boardTicks + j + 1</c> and carries the Node's value at that step.</summary>
    private void WriteFrames(int chunk)
    {
        var img = new RegionImage();
        foreach (var kv in _plan.Vertices)
        {
            if (kv.Value is not ModelPlan.SourceVertex sv) continue;
            var (x, y, block) = _blocks[kv.Key];
            var words = new List<int>(chunk * sv.KeyIndex.Length);
            for (int j = 0; j < chunk; j++)
            {
                var value = sv.Map * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(
                    ModelPlan.NodeConnectionValue(sv.Node, sv.Connection, sv.Weights, (_boardTicks + j + 1) * _plan.Model.Dt));
                words.AddRange(value.Select(FixedPoint.ToFixed));
            }
            uint offset = BitConverter.ToUInt32(_mc.Read(x, y, block + 4 * ValueSourceData.FramesRegion, 4));
            _mc.Write(x, y, block + offset, RegionImage.Words(words));
        }
    }

    /// <inheritdoc />
    public void Reset(int seed)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _loader.Stop();
        Load();
    }

    /// <inheritdoc />
    public double[,] ProbeData(int probeIndex)
    {
        var rec = _plan.Model.Probes[probeIndex];
        var rows = new List<double[]>();
        var sink = _plan.Sinks.FirstOrDefault(s => s.Sink.ProbeIndex == probeIndex);
        if (sink.Sink is { } sk)
        {
            // A path with a low-pass (on a connection or the probe) gives the probe at step k the sink's filter at tick k
            // (Nengo copies the filter before its update); without any synapse the probe records the value of step k,
            // which reaches the sink at tick k + 1.
            int lag = sk.Lag;
            for (long k = 1; k <= Steps; k++) if (rec.IsSampled(k)) rows.Add(_sinkTicks[sink.Vertex][(int)(k + lag - 1)]);
        }
        else
        {
            var hp = _plan.HostProbes.Single(h => h.ProbeIndex == probeIndex);
            double a = hp.Tau is { } tau && tau > 0 ? Math.Exp(-_plan.Model.Dt / tau) : 0;
            double[]? y = null;
            for (long k = 1; k <= Steps; k++)
            {
                var u = _host.Recorded(hp.Node, k);
                if (hp.Slice is { } s) u = s.Select(i => u[i]).ToArray();
                double[] value;
                if (hp.Tau is null) value = u;
                else
                {
                    // Filtered in update mode: the probe sees the state before this step's update.
                    y ??= new double[u.Length];
                    value = (double[])y.Clone();
                    for (int i = 0; i < u.Length; i++) y[i] = a * y[i] + (1 - a) * u[i];
                }
                if (rec.IsSampled(k)) rows.Add(value);
            }
        }
        var result = new double[rows.Count, rec.Signal.Size];
        for (int i = 0; i < rows.Count; i++) for (int j = 0; j < rec.Signal.Size; j++) result[i, j] = rows[i][j];
        return result;
    }

    /// <inheritdoc />
    public double[] ReadSignal(Signal signal)
    {
        if (ReferenceEquals(signal, _plan.Model.TimeSignal)) return [Steps * _plan.Model.Dt];
        if (ReferenceEquals(signal, _plan.Model.StepSignal)) return [Steps];
        throw new NotSupportedByBackendError($"The SpiNNaker backend cannot read signal '{signal.Name}': only the step and time signals are " +
            "available on the host; state lives in S16.15 on the cores, and decoded values are read through probes.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try { _loader.Stop(); }
        catch (SpiNNakerException) { }
        finally
        {
            _link?.Dispose();
            _mc.Dispose();
            _ownedEmulator?.Dispose();
        }
    }
}
