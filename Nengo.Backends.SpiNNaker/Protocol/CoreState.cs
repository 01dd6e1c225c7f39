namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>Core states (<c>vcpu.cpu_state</c>, SPINNAKER.md §2.5).</summary>
public enum CoreState : byte
{
    /// <summary>Dead.</summary>
    Dead = 0,
    /// <summary>Powered down.</summary>
    PowerDown = 1,
    /// <summary>Run-time error.</summary>
    RunTimeError = 2,
    /// <summary>Watchdog fired.</summary>
    Watchdog = 3,
    /// <summary>Initialising.</summary>
    Init = 4,
    /// <summary>Loaded, awaiting the start signal.</summary>
    Wait = 5,
    /// <summary>Running c_main.</summary>
    CMain = 6,
    /// <summary>Running ticks.</summary>
    Run = 7,
    /// <summary>At the SYNC0 barrier.</summary>
    Sync0 = 8,
    /// <summary>At the SYNC1 barrier.</summary>
    Sync1 = 9,
    /// <summary>Paused.</summary>
    Paused = 10,
    /// <summary>Exited.</summary>
    Exit = 11,
    /// <summary>Idle (no application).</summary>
    Idle = 15,
}
