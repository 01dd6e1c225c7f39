namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>Application signals (SIG arg2 bits 19:16, SPINNAKER.md §2.5).</summary>
public enum SignalKind : byte
{
    /// <summary>Kill the app and free its SDRAM and router entries (NN).</summary>
    Stop = 2,
    /// <summary>Start cores in WAIT (NN).</summary>
    Start = 3,
    /// <summary>Release the SYNC0 barrier (MC).</summary>
    Sync0 = 4,
    /// <summary>Release the SYNC1 barrier (MC).</summary>
    Sync1 = 5,
}
