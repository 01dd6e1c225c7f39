using System.Net;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Backend;
using Nengo.Backends.SpiNNaker.Emulation;
using Nengo.Backends.SpiNNaker.Mapping;
using Nengo.Backends.SpiNNaker.Protocol;
using Nengo.Graph;

namespace Nengo.Backends.SpiNNaker;

/// <summary>
/// Runs a <see cref="Model"/> on a SpiNNaker board, or on the loopback <see cref="BoardEmulator"/>, the way
/// nengo_spinnaker does (SPINNAKER.md §4): LIF ensembles as ensemble cores in S16.15, constant and time-only Nodes as
/// value sources (constant inputs without a synapse folded into the bias), Nodes with input on the host with SDP
/// receiver/transmitter cores, PES on the ensemble cores, passthrough Nodes multiplied out, decoded-output,
/// passthrough-Node and PES-error probes as value sinks, and probes of the other Nodes on the host.
/// </summary>
/// <remarks>
/// <para>Supported: LIF ensembles (min_voltage 0, amplitude 1, no noise); decoded connections from ensembles into
/// ensembles (Lowpass synapse), host Nodes (Lowpass) and probes (Lowpass or none), with Dense transforms, functions and
/// slices; connections from constant or time-only Nodes into ensembles (Lowpass, or none for constants); Nodes with
/// input, evaluated on the host in float64 every step (lockstep with the emulator, real time on a board); PES on decoded
/// connections from ensembles with the error as ordinary connections into the rule; passthrough Nodes, multiplied out (at
/// most one synapse along each path through them); probes of an ensemble's <c>decoded_output</c>, of a Node's
/// <c>output</c> and of a PES rule's <c>error</c>, with a Lowpass or no synapse and any sample_every.</para>
/// <para>Everything else is rejected in <see cref="Prepare"/> with a <see cref="NotSupportedByBackendError"/> naming the
/// feature before any packet is sent: other neuron types and Direct mode, Neurons connections, learning rules other than
/// PES, weight solvers, Sparse and Convolution transforms, non-Lowpass synapses, same-step (synapse None) paths into
/// ensembles or from ensembles into host Nodes, two synapses in series through passthrough Nodes, functions on
/// connections from passthrough Nodes, host paths wider than 64 dimensions, Nodes with processes, ensemble noise, other
/// probe attributes.</para>
/// <para><see cref="ISimulation.ReadSignal"/> reads only the step and time signals; every other signal raises
/// <see cref="NotSupportedByBackendError"/>. The seed is unused (nothing supported draws random numbers at run time).</para>
/// </remarks>
public sealed class SpiNNakerBackend : IBackend
{
    private readonly IPAddress? _host;
    private readonly BoardEmulator? _board;
    private readonly (int Width, int Height)? _emulate;
    private readonly SpiNNakerOptions _options;

    /// <summary>A backend for the real board at <paramref name="host"/>.</summary>
    /// <param name="host">The board's IPv4 address.</param>
    /// <param name="options">Run-control settings; real boards need <see cref="SpiNNakerOptions.Programs"/>.</param>
    /// <exception cref="ArgumentException">When <paramref name="host"/> is not an IPv4 address.</exception>
    public SpiNNakerBackend(string host, SpiNNakerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            throw new ArgumentException($"'{host}' is not an IPv4 address; SpiNNaker boards are addressed by IPv4 (no name lookup is done).", nameof(host));
        _host = ip;
        _options = options ?? new SpiNNakerOptions();
    }

    private SpiNNakerBackend(BoardEmulator? board, (int, int)? emulate, SpiNNakerOptions options)
    {
        _board = board; _emulate = emulate; _options = options;
    }

    /// <summary>
    /// A backend that starts a fresh <see cref="BoardEmulator"/> on 127.0.0.1 for every simulation it prepares; the
    /// simulation owns the emulator and disposes it.
    /// </summary>
    /// <param name="width">Chips in x.</param>
    /// <param name="height">Chips in y.</param>
    /// <param name="options">Run-control settings (SCP ports are taken from the emulator).</param>
    /// <returns>The backend.</returns>
    public static SpiNNakerBackend Emulated(int width = 2, int height = 2, SpiNNakerOptions? options = null) =>
        new(null, (width, height), options ?? new SpiNNakerOptions { Scp = new ScpOptions { Timeout = TimeSpan.FromSeconds(0.1) } });

    /// <summary>A backend that runs on an emulator the caller owns (and disposes), e.g. one with injected faults.</summary>
    /// <param name="board">The emulator.</param>
    /// <param name="options">Run-control settings (SCP ports are taken from the emulator).</param>
    /// <returns>The backend.</returns>
    public static SpiNNakerBackend Emulated(BoardEmulator board, SpiNNakerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new(board, null, options ?? new SpiNNakerOptions { Scp = new ScpOptions { Timeout = TimeSpan.FromSeconds(0.1) } });
    }

    /// <inheritdoc />
    public string Name => _host is null ? "spinnaker-emulated" : "spinnaker";

    /// <inheritdoc />
    /// <exception cref="NotSupportedByBackendError">When the model uses something outside the supported subset (nothing is sent).</exception>
    /// <exception cref="SpiNNakerException">When the board does not answer or refuses a command.</exception>
    public ISimulation Prepare(Model model, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        int timestepUs = (int)Math.Round(model.Dt * 1e6);
        var plan = ModelPlan.Create(model, timestepUs);
        BoardEmulator? owned = _emulate is { } e ? new BoardEmulator(e.Width, e.Height, TimeSpan.Zero, booted: true) : null;
        var board = owned ?? _board;
        MachineController? mc = null;
        try
        {
            var scp = board is null ? _options.Scp : _options.Scp with { ScpPort = board.ScpPort, BootPort = board.BootPort };
            mc = new MachineController(board is null ? _host! : IPAddress.Loopback, scp);
            if (_options.BootImage is { } image) mc.BootIfNeeded(image);
            else if (!mc.Version(255, 255, 0).IsBooted)
                throw new SpiNNakerException("The board is not booted and no SpiNNakerOptions.BootImage was given.", ScpCommand.Ver);
            var (w, h, chips) = mc.Discover();
            var machine = new MachineModel(w, h, chips.Select(c => new Chip(c.X, c.Y)).ToHashSet(),
                Math.Min(16, chips.Min(c => c.Cores) - 1), chips.Min(c => c.LargestFreeRouterBlock), chips.Min(c => (long)c.LargestFreeSdram));
            var map = Mapper.Map(machine, plan.Netlist);
            var programs = _options.Programs ?? (board is not null ? Aplx.Placeholder
                : throw new SpiNNakerException("A real board needs SpiNNakerOptions.Programs (APLX builds of the nengo_spinnaker executables)."));
            return new SpiNNakerSimulation(plan, map, mc, board, owned, _options, programs);
        }
        catch
        {
            try { mc?.Signal(_options.AppId, SignalKind.Stop); } catch (SpiNNakerException) { }
            mc?.Dispose();
            owned?.Dispose();
            throw;
        }
    }
}
