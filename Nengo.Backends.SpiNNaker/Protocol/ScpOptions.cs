namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>Timeouts, retries and ports of the host side of the protocol (rig's defaults, SPINNAKER.md §2.9).</summary>
public sealed record ScpOptions
{
    /// <summary>SC&amp;MP's SCP port on the board (17893).</summary>
    public int ScpPort { get; init; } = 17893;

    /// <summary>The boot ROM port (54321).</summary>
    public int BootPort { get; init; } = 54321;

    /// <summary>How long to wait for each reply before resending.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Transmissions per request (the first plus retries) before giving up.</summary>
    public int Tries { get; init; } = 5;

    /// <summary>Pause between boot packets (rig uses ~50 ms).</summary>
    public TimeSpan BootPacketDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long to poll VER after the boot END packet before failing.</summary>
    public TimeSpan BootWait { get; init; } = TimeSpan.FromSeconds(10);
}
