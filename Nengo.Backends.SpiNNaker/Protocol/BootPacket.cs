using System.Buffers.Binary;

namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>
/// A boot-ROM packet (UDP port 54321, SPINNAKER.md §2.6): u16 protocol version 1, then opcode and three arguments
/// as big-endian u32, then data whose 32-bit words are byte-swapped to big-endian.
/// </summary>
/// <param name="Opcode">1 START, 3 DATA, 5 END.</param>
/// <param name="Arg1">Argument 1.</param>
/// <param name="Arg2">Argument 2.</param>
/// <param name="Arg3">Argument 3.</param>
/// <param name="Data">Image bytes in little-endian (word) order; swapped on the wire.</param>
public sealed record BootPacket(uint Opcode, uint Arg1, uint Arg2, uint Arg3, byte[] Data)
{
    /// <summary>START opcode (arg3 = blocks - 1).</summary>
    public const uint Start = 1;
    /// <summary>DATA opcode (arg1 = ((words - 1) &lt;&lt; 8) | block).</summary>
    public const uint DataOp = 3;
    /// <summary>END opcode (arg1 = 1).</summary>
    public const uint End = 5;
    /// <summary>Bytes per DATA block.</summary>
    public const int BlockBytes = 1024;

    /// <summary>Encodes the packet.</summary>
    /// <returns>18 + data bytes.</returns>
    /// <exception cref="ArgumentException">When the data is not a whole number of words.</exception>
    public byte[] Encode()
    {
        if (Data.Length % 4 != 0) throw new ArgumentException($"Boot data must be whole words, got {Data.Length} bytes.");
        var b = new byte[18 + Data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(b, 1);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(2), Opcode);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(6), Arg1);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(10), Arg2);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(14), Arg3);
        for (int i = 0; i < Data.Length; i += 4)
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(18 + i), BinaryPrimitives.ReadUInt32LittleEndian(Data.AsSpan(i)));
        return b;
    }

    /// <summary>Decodes a boot packet.</summary>
    /// <param name="b">The UDP payload.</param>
    /// <returns>The packet (data back in little-endian word order).</returns>
    /// <exception cref="FormatException">When it is too short, the version is not 1 or the data is not whole words.</exception>
    public static BootPacket Decode(ReadOnlySpan<byte> b)
    {
        if (b.Length < 18 || (b.Length - 18) % 4 != 0) throw new FormatException($"Boot packet must be 18 + 4k bytes, got {b.Length}.");
        if (BinaryPrimitives.ReadUInt16BigEndian(b) != 1) throw new FormatException("Boot packet protocol version must be 1.");
        var data = new byte[b.Length - 18];
        for (int i = 0; i < data.Length; i += 4)
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(i), BinaryPrimitives.ReadUInt32BigEndian(b[(18 + i)..]));
        return new BootPacket(BinaryPrimitives.ReadUInt32BigEndian(b[2..]), BinaryPrimitives.ReadUInt32BigEndian(b[6..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[10..]), BinaryPrimitives.ReadUInt32BigEndian(b[14..]), data);
    }
}
