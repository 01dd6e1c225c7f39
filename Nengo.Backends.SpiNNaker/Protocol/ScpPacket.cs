using System.Buffers.Binary;

namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>
/// An SCP packet inside an SDP payload (SPINNAKER.md §2.3): u16 cmd_rc, u16 seq, 0..3 u32 arguments, data.
/// Requests always carry three arguments; replies carry only what the handler produced.
/// </summary>
/// <param name="CmdRc">Command code (request) or return code (reply).</param>
/// <param name="Seq">Sequence number, echoed in the reply.</param>
/// <param name="Args">The argument words present (0..3).</param>
/// <param name="Data">The data bytes (at most 256).</param>
public sealed record ScpPacket(ushort CmdRc, ushort Seq, uint[] Args, byte[] Data)
{
    /// <summary>Largest data field.</summary>
    public const int MaxData = 256;

    /// <summary>A request with all three arguments.</summary>
    /// <param name="command">The command.</param>
    /// <param name="seq">The sequence number.</param>
    /// <param name="arg1">Argument 1.</param>
    /// <param name="arg2">Argument 2.</param>
    /// <param name="arg3">Argument 3.</param>
    /// <param name="data">Data (may be empty).</param>
    /// <returns>The packet.</returns>
    public static ScpPacket Request(ScpCommand command, ushort seq, uint arg1 = 0, uint arg2 = 0, uint arg3 = 0, byte[]? data = null) =>
        new((ushort)command, seq, [arg1, arg2, arg3], data ?? []);

    /// <summary>Argument <paramref name="i"/> (0-based) or 0 when absent.</summary>
    /// <param name="i">0, 1 or 2.</param>
    /// <returns>The argument.</returns>
    public uint Arg(int i) => i < Args.Length ? Args[i] : 0u;

    /// <summary>The return code of a reply.</summary>
    public ScpReturnCode ReturnCode => (ScpReturnCode)CmdRc;

    /// <summary>Encodes the SCP bytes (the SDP payload).</summary>
    /// <returns>4 + 4·args + data bytes.</returns>
    /// <exception cref="ArgumentException">When there are more than 3 arguments or more than 256 data bytes.</exception>
    public byte[] Encode()
    {
        if (Args.Length > 3) throw new ArgumentException($"SCP packets carry at most 3 arguments, got {Args.Length}.");
        if (Data.Length > MaxData) throw new ArgumentException($"SCP data must be at most {MaxData} bytes, got {Data.Length}.");
        var b = new byte[4 + 4 * Args.Length + Data.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(b, CmdRc);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), Seq);
        for (int i = 0; i < Args.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4 + 4 * i), Args[i]);
        Data.CopyTo(b, 4 + 4 * Args.Length);
        return b;
    }

    /// <summary>Decodes SCP bytes, taking up to <paramref name="argCount"/> arguments (fewer if the packet is shorter).</summary>
    /// <param name="payload">The SDP payload.</param>
    /// <param name="argCount">How many argument words the sender put in (3 for requests, per command for replies).</param>
    /// <returns>The packet.</returns>
    /// <exception cref="FormatException">When the payload is shorter than 4 bytes.</exception>
    public static ScpPacket Decode(ReadOnlySpan<byte> payload, int argCount)
    {
        if (payload.Length < 4) throw new FormatException($"SCP packet needs at least 4 bytes, got {payload.Length}.");
        int n = Math.Clamp(Math.Min(argCount, (payload.Length - 4) / 4), 0, 3);
        var args = new uint[n];
        for (int i = 0; i < n; i++) args[i] = SdpHeader.U32(payload, 4 + 4 * i);
        return new ScpPacket(BinaryPrimitives.ReadUInt16LittleEndian(payload), BinaryPrimitives.ReadUInt16LittleEndian(payload[2..]),
            args, payload[(4 + 4 * n)..].ToArray());
    }
}
