namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>
/// An SDP message as carried in a UDP datagram: 2 zero pad bytes, the 8-byte <see cref="SdpHeader"/>, then up to
/// 16 + 256 payload bytes (SPINNAKER.md §2.2).
/// </summary>
/// <param name="Header">The header.</param>
/// <param name="Payload">The bytes after the header (an SCP packet for port 0).</param>
public sealed record SdpPacket(SdpHeader Header, byte[] Payload)
{
    /// <summary>Largest payload after the SDP header: 16 bytes of SCP header and arguments + 256 data bytes.</summary>
    public const int MaxPayload = 16 + 256;

    /// <summary>Largest UDP payload SC&amp;MP accepts: 2 + 8 + 272 = 282 bytes.</summary>
    public const int MaxDatagram = 2 + SdpHeader.Size + MaxPayload;

    /// <summary>Encodes the datagram, including the two pad bytes.</summary>
    /// <returns>The UDP payload.</returns>
    /// <exception cref="ArgumentException">When the payload is longer than <see cref="MaxPayload"/>.</exception>
    public byte[] ToDatagram()
    {
        if (Payload.Length > MaxPayload) throw new ArgumentException($"SDP payload must be at most {MaxPayload} bytes, got {Payload.Length}.");
        var d = new byte[2 + SdpHeader.Size + Payload.Length];
        Header.Write(d.AsSpan(2));
        Payload.CopyTo(d, 2 + SdpHeader.Size);
        return d;
    }

    /// <summary>Decodes a datagram.</summary>
    /// <param name="datagram">The UDP payload.</param>
    /// <returns>The packet.</returns>
    /// <exception cref="FormatException">When it is too short, too long or the pad bytes are not zero.</exception>
    public static SdpPacket FromDatagram(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < 2 + SdpHeader.Size || datagram.Length > MaxDatagram)
            throw new FormatException($"SDP datagram must be {2 + SdpHeader.Size}..{MaxDatagram} bytes, got {datagram.Length}.");
        if (datagram[0] != 0 || datagram[1] != 0) throw new FormatException("SDP datagram must start with two zero pad bytes.");
        return new SdpPacket(SdpHeader.Read(datagram[2..]), datagram[(2 + SdpHeader.Size)..].ToArray());
    }
}
