namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>SCP command codes (identical in rig and spinnaker_tools; SPINNAKER.md §2.4).</summary>
public enum ScpCommand : ushort
{
    /// <summary>Software version (sver).</summary>
    Ver = 0,
    /// <summary>Read memory: arg1 address, arg2 length, arg3 access type.</summary>
    Read = 2,
    /// <summary>Write memory: arg1 address, arg2 length, arg3 access type, data = bytes.</summary>
    Write = 3,
    /// <summary>Fill memory with a word: arg1 address, arg2 word, arg3 byte count.</summary>
    Fill = 5,
    /// <summary>Count cores of an application in a state: arg1 app_id, arg2 state.</summary>
    Count = 15,
    /// <summary>Send a signal: arg1 type, arg2 (signal &lt;&lt; 16) | (mask &lt;&lt; 8) | app_id, arg3 0xFFFF.</summary>
    Sig = 22,
    /// <summary>Application start: arg1 APLX address, arg2 (app_id &lt;&lt; 24) | (flags &lt;&lt; 18) | core mask.</summary>
    As = 24,
    /// <summary>IP tag control.</summary>
    IpTag = 26,
    /// <summary>SDRAM and router-entry allocation.</summary>
    Alloc = 28,
    /// <summary>Router control (load entries).</summary>
    Rtr = 29,
    /// <summary>Chip information.</summary>
    Info = 31,
}
