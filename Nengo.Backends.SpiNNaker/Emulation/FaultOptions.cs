namespace Nengo.Backends.SpiNNaker.Emulation;

/// <summary>
/// Faults the emulator injects on SCP traffic (requests that expect a reply and their replies), for tests of the
/// client's retries. Node I/O is fire-and-forget and is not faulted. Faults are drawn from a seeded generator.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Probability that a request or a reply is dropped.</summary>
    public double LossRate { get; init; }

    /// <summary>Probability that a reply is sent twice.</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Delay added to every reply.</summary>
    public TimeSpan ReplyDelay { get; init; }

    /// <summary>
    /// Delay between the last tick of a run period (every core back in SYNC0, visible to the host) and the end of the
    /// emulator's run task: a host scheduler that is slow to finish the period.
    /// </summary>
    public TimeSpan RunEndDelay { get; init; }

    /// <summary>When true the board answers nothing at all (a dead board).</summary>
    public bool Silent { get; init; }

    /// <summary>Seed of the fault generator.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>No faults.</summary>
    public static FaultOptions None { get; } = new();
}
