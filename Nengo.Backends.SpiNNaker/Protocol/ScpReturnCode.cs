namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>SCP return codes (SPINNAKER.md §2.4). Only <see cref="Sum"/> and <see cref="P2PBusy"/> are retried.</summary>
public enum ScpReturnCode : ushort
{
    /// <summary>Success.</summary>
    Ok = 0x80,
    /// <summary>Bad packet length.</summary>
    Len = 0x81,
    /// <summary>Checksum error (retry).</summary>
    Sum = 0x82,
    /// <summary>Bad command.</summary>
    Cmd = 0x83,
    /// <summary>Bad argument.</summary>
    Arg = 0x84,
    /// <summary>Bad port.</summary>
    Port = 0x85,
    /// <summary>Monitor to application core timeout.</summary>
    Timeout = 0x86,
    /// <summary>No P2P route.</summary>
    Route = 0x87,
    /// <summary>Bad CPU number.</summary>
    Cpu = 0x88,
    /// <summary>Shutdown.</summary>
    Dead = 0x89,
    /// <summary>No shared buffers.</summary>
    Buf = 0x8A,
    /// <summary>No reply to open.</summary>
    P2PNoReply = 0x8B,
    /// <summary>Open rejected.</summary>
    P2PReject = 0x8C,
    /// <summary>Destination busy (retry).</summary>
    P2PBusy = 0x8D,
    /// <summary>Destination did not respond.</summary>
    P2PTimeout = 0x8E,
    /// <summary>Packet transmission failed.</summary>
    PktTx = 0x8F,
}
