using Nengo.Backends.SpiNNaker.Protocol;

namespace Nengo.Backends.SpiNNaker;

/// <summary>Run-control settings of the SpiNNaker backend.</summary>
public sealed record SpiNNakerOptions
{
    /// <summary>The application id that ties SDRAM, router entries and cores of one simulation together (66 as in nengo_spinnaker).</summary>
    public byte AppId { get; init; } = 66;

    /// <summary>
    /// Ticks per run period: recording regions and value-source frames are sized for this many ticks, and longer runs are
    /// split into periods with a read-back pause in between (nengo_spinnaker's <c>period</c>, SPINNAKER.md §4.10).
    /// </summary>
    public int PeriodSteps { get; init; } = 1000;

    /// <summary>Longest wait for every core to reach a barrier state (WAIT, SYNC0, SYNC1).</summary>
    public TimeSpan BarrierTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>SCP timeouts, retries and ports (ports are replaced by the emulator's when emulated).</summary>
    public ScpOptions Scp { get; init; } = new();

    /// <summary>The core programs by name (<see cref="Applications.Aplx"/>); null uses the emulator's placeholder images.
    /// Real boards need genuine APLX builds of nengo_spinnaker's C sources.</summary>
    public Func<string, byte[]>? Programs { get; init; }

    /// <summary>An SC&amp;MP image to boot an unbooted board with; null requires the board to be booted already.</summary>
    public byte[]? BootImage { get; init; }
}
