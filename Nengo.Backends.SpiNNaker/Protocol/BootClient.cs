using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>
/// Sends an SC&amp;MP boot image to the boot ROM (SPINNAKER.md §2.6): START, DATA per 1024-byte block, END, with
/// the <c>sv</c> defaults patched into image bytes 384..511. No replies exist in this protocol.
/// </summary>
public static class BootClient
{
    /// <summary>Offset of the patched <c>sv</c> prefix in the image.</summary>
    public const int SvPatchOffset = 384;

    /// <summary>Bytes of <c>sv</c> patched into the image.</summary>
    public const int SvPatchLength = 128;

    /// <summary>Builds the first 128 bytes of the packed <c>sv</c> struct with boot overrides.</summary>
    /// <param name="hwVer">Board hardware version (3 SpiNN-3, 5 SpiNN-5).</param>
    /// <param name="led0">LED configuration word (SpiNN-3 0x502, SpiNN-5 0x1).</param>
    /// <param name="unixTime">Boot time (also the boot signature).</param>
    /// <returns>128 bytes.</returns>
    public static byte[] SvPatch(byte hwVer, uint led0, uint unixTime)
    {
        var sv = new byte[SvPatchLength];
        sv[SystemVariables.HwVer] = hwVer;
        BinaryPrimitives.WriteUInt32LittleEndian(sv.AsSpan(SystemVariables.UnixTime), unixTime);
        BinaryPrimitives.WriteUInt16LittleEndian(sv.AsSpan(SystemVariables.CpuClk), 200);
        BinaryPrimitives.WriteUInt32LittleEndian(sv.AsSpan(SystemVariables.Led0), led0);
        sv[SystemVariables.RootChip] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(sv.AsSpan(SystemVariables.IobufSize), 16384);
        BinaryPrimitives.WriteUInt32LittleEndian(sv.AsSpan(SystemVariables.BootSig), unixTime);
        return sv;
    }

    /// <summary>Builds the boot packets for an image.</summary>
    /// <param name="image">The SC&amp;MP image (at most 32 KiB).</param>
    /// <param name="svPatch">The 128 bytes to put at image offset 384.</param>
    /// <returns>START, DATA…, END in order.</returns>
    /// <exception cref="ArgumentException">When the image is larger than 32 blocks.</exception>
    public static IReadOnlyList<BootPacket> Packets(byte[] image, byte[] svPatch)
    {
        int blocks = (Math.Max(image.Length, SvPatchOffset + SvPatchLength) + BootPacket.BlockBytes - 1) / BootPacket.BlockBytes;
        if (blocks > 32) throw new ArgumentException($"Boot image must be at most 32 KiB, got {image.Length} bytes.", nameof(image));
        var padded = new byte[blocks * BootPacket.BlockBytes];
        image.CopyTo(padded, 0);
        svPatch.AsSpan(0, SvPatchLength).CopyTo(padded.AsSpan(SvPatchOffset));
        var list = new List<BootPacket> { new(BootPacket.Start, 0, 0, (uint)(blocks - 1), []) };
        for (int b = 0; b < blocks; b++)
            list.Add(new BootPacket(BootPacket.DataOp, (255u << 8) | (uint)b, 0, 0, padded.AsSpan(b * BootPacket.BlockBytes, BootPacket.BlockBytes).ToArray()));
        list.Add(new BootPacket(BootPacket.End, 1, 0, 0, []));
        return list;
    }

    /// <summary>Sends the boot packets to <paramref name="bootEndpoint"/> with the configured pauses.</summary>
    /// <param name="bootEndpoint">The board's boot ROM endpoint.</param>
    /// <param name="image">The image.</param>
    /// <param name="svPatch">The sv prefix.</param>
    /// <param name="delay">Pause between packets.</param>
    public static void Send(IPEndPoint bootEndpoint, byte[] image, byte[] svPatch, TimeSpan delay)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        foreach (var p in Packets(image, svPatch))
        {
            s.SendTo(p.Encode(), bootEndpoint);
            if (delay > TimeSpan.Zero) Thread.Sleep(delay);
        }
    }
}
