namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>A VER reply (SPINNAKER.md §2.4).</summary>
/// <param name="X">Chip x of the answering core (255 before boot completes).</param>
/// <param name="Y">Chip y.</param>
/// <param name="PhysicalCpu">Physical core.</param>
/// <param name="VirtualCpu">Virtual core.</param>
/// <param name="BufferSize">SDP data buffer size (256).</param>
/// <param name="Software">Software name, e.g. "SC&amp;MP/SpiNNaker".</param>
/// <param name="Version">Version string, e.g. "4.0.0".</param>
public sealed record VersionInfo(int X, int Y, int PhysicalCpu, int VirtualCpu, int BufferSize, string Software, string Version)
{
    /// <summary>True once boot has numbered the chips (P2P address not 0xFFFF).</summary>
    public bool IsBooted => !(X == 255 && Y == 255);

    /// <summary>Decodes a VER reply.</summary>
    /// <param name="reply">The reply with 3 arguments.</param>
    /// <returns>The version.</returns>
    public static VersionInfo FromReply(ScpPacket reply)
    {
        uint a1 = reply.Arg(0);
        var parts = System.Text.Encoding.ASCII.GetString(reply.Data).Split('\0');
        return new VersionInfo((int)(a1 >> 24), (int)((a1 >> 16) & 0xFF), (int)((a1 >> 8) & 0xFF), (int)(a1 & 0xFF),
            (int)(reply.Arg(1) & 0xFFFF), parts.Length > 0 ? parts[0] : "", parts.Length > 1 ? parts[1] : "");
    }
}
