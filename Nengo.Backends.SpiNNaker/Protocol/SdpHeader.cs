using System.Buffers.Binary;

namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>
/// The 8-byte SDP header (SPINNAKER.md §2.2): flags, tag, destination and source port/cpu, destination and
/// source chip. On the wire it follows two zero pad bytes.
/// </summary>
/// <param name="Flags">0x87 = reply expected, 0x07 = no reply.</param>
/// <param name="Tag">IP tag (0xFF host to board).</param>
/// <param name="DestPort">Destination SDP port 0..7.</param>
/// <param name="DestCpu">Destination virtual core 0..31.</param>
/// <param name="SrcPort">Source SDP port 0..7.</param>
/// <param name="SrcCpu">Source core 0..31.</param>
/// <param name="DestX">Destination chip x.</param>
/// <param name="DestY">Destination chip y.</param>
/// <param name="SrcX">Source chip x.</param>
/// <param name="SrcY">Source chip y.</param>
public readonly record struct SdpHeader(byte Flags, byte Tag, byte DestPort, byte DestCpu, byte SrcPort, byte SrcCpu,
    byte DestX, byte DestY, byte SrcX, byte SrcY)
{
    /// <summary>Flags of a request that expects a reply.</summary>
    public const byte ReplyExpected = 0x87;

    /// <summary>Flags of a message that expects no reply.</summary>
    public const byte NoReply = 0x07;

    /// <summary>Header size in bytes.</summary>
    public const int Size = 8;

    /// <summary>A host-to-board header for chip (x, y), core <paramref name="cpu"/>, port <paramref name="port"/>.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="cpu">Virtual core.</param>
    /// <param name="port">SDP port (0 = SCP).</param>
    /// <param name="replyExpected">Whether a reply is expected.</param>
    /// <returns>The header (tag 0xFF, source port 7 cpu 31, source chip 0,0).</returns>
    public static SdpHeader ToBoard(byte x, byte y, byte cpu, byte port = 0, bool replyExpected = true) =>
        new(replyExpected ? ReplyExpected : NoReply, 0xFF, port, cpu, 7, 31, x, y, 0, 0);

    /// <summary>Whether bit 7 (reply expected) is set.</summary>
    public bool IsReplyExpected => (Flags & 0x80) != 0;

    /// <summary>The header of a reply to this request: flags without bit 7, addresses swapped.</summary>
    /// <returns>The reply header.</returns>
    public SdpHeader Reply() => new((byte)(Flags & 0x7F), Tag, SrcPort, SrcCpu, DestPort, DestCpu, SrcX, SrcY, DestX, DestY);

    /// <summary>Writes the 8 header bytes.</summary>
    /// <param name="dest">At least 8 bytes.</param>
    public void Write(Span<byte> dest)
    {
        dest[0] = Flags; dest[1] = Tag;
        dest[2] = (byte)((DestPort << 5) | (DestCpu & 0x1F));
        dest[3] = (byte)((SrcPort << 5) | (SrcCpu & 0x1F));
        dest[4] = DestY; dest[5] = DestX; dest[6] = SrcY; dest[7] = SrcX;
    }

    /// <summary>Reads 8 header bytes.</summary>
    /// <param name="src">At least 8 bytes.</param>
    /// <returns>The header.</returns>
    /// <exception cref="ArgumentException">When fewer than 8 bytes are given.</exception>
    public static SdpHeader Read(ReadOnlySpan<byte> src)
    {
        if (src.Length < Size) throw new ArgumentException($"SDP header needs {Size} bytes, got {src.Length}.", nameof(src));
        return new(src[0], src[1], (byte)(src[2] >> 5), (byte)(src[2] & 0x1F), (byte)(src[3] >> 5), (byte)(src[3] & 0x1F),
            src[5], src[4], src[7], src[6]);
    }

    /// <summary>Reads a little-endian u32 (helper shared by the packet types).</summary>
    /// <param name="s">The bytes.</param>
    /// <param name="offset">Byte offset.</param>
    /// <returns>The value.</returns>
    internal static uint U32(ReadOnlySpan<byte> s, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(s[offset..]);
}
