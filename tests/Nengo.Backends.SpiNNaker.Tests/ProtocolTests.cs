using Nengo.Backends.SpiNNaker.Protocol;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

public sealed class ProtocolTests
{
    private static byte[] Datagram(ScpCommand cmd, ushort seq, uint a1, uint a2, uint a3, byte[]? data = null, byte x = 1, byte y = 2, byte cpu = 3) =>
        new SdpPacket(SdpHeader.ToBoard(x, y, cpu), ScpPacket.Request(cmd, seq, a1, a2, a3, data).Encode()).ToDatagram();

    [Test]
    public void SdpHeader_GoldenBytes()
    {
        var d = Datagram(ScpCommand.Ver, 0x1234, 0, 0, 0);
        Assert.That(d[..10], Is.EqualTo(new byte[] { 0, 0, 0x87, 0xFF, 0x03, 0xFF, 2, 1, 0, 0 }));
        Assert.That(d.Length, Is.EqualTo(26));
        Assert.That(d[10..14], Is.EqualTo(new byte[] { 0, 0, 0x34, 0x12 }));
    }

    private static readonly object[] Commands =
    [
        new object[] { ScpCommand.Ver, 0u, 0u, 0u, "00-00" },
        new object[] { ScpCommand.Read, 0x60000010u, 256u, 2u, "02-00" },
        new object[] { ScpCommand.Write, 0x60000011u, 3u, 0u, "03-00" },
        new object[] { ScpCommand.Fill, 0x60000000u, 0xDEADBEEFu, 64u, "05-00" },
        new object[] { ScpCommand.Count, 66u, 8u, 0u, "0F-00" },
        new object[] { ScpCommand.Sig, 0u, (4u << 16) | 0xFF00u | 66u, 0xFFFFu, "16-00" },
        new object[] { ScpCommand.As, 0x60000000u, (66u << 24) | (1u << 18) | 0x6u, 0u, "18-00" },
        new object[] { ScpCommand.IpTag, (1u << 16) | 1u, 50000u, 0u, "1A-00" },
        new object[] { ScpCommand.Alloc, (66u << 8) | 3u, 10u, 0u, "1C-00" },
        new object[] { ScpCommand.Rtr, (10u << 16) | (66u << 8) | 2u, 0x60000000u, 1u, "1D-00" },
        new object[] { ScpCommand.Info, 0u, 0u, 0u, "1F-00" },
    ];

    [TestCaseSource(nameof(Commands))]
    public void EveryCommand_GoldenLayoutAndRoundTrip(ScpCommand cmd, uint a1, uint a2, uint a3, string code)
    {
        var data = cmd == ScpCommand.Write ? new byte[] { 9, 8, 7 } : null;
        var d = Datagram(cmd, 7, a1, a2, a3, data);
        Assert.That(BitConverter.ToString(d, 10, 2), Is.EqualTo(code));
        Assert.That(BitConverter.ToUInt32(d, 14), Is.EqualTo(a1));
        Assert.That(BitConverter.ToUInt32(d, 18), Is.EqualTo(a2));
        Assert.That(BitConverter.ToUInt32(d, 22), Is.EqualTo(a3));
        Assert.That(d.Length, Is.EqualTo(26 + (data?.Length ?? 0)));
        var back = SdpPacket.FromDatagram(d);
        Assert.That(back.Header, Is.EqualTo(SdpHeader.ToBoard(1, 2, 3)));
        var scp = ScpPacket.Decode(back.Payload, 3);
        Assert.That((scp.CmdRc, scp.Seq, scp.Args, scp.Data), Is.EqualTo(((ushort)cmd, (ushort)7, new[] { a1, a2, a3 }, data ?? [])));
    }

    [Test]
    public void Reply_SwapsAddressesAndClearsBit7_ReadDataAtOffset14()
    {
        var req = SdpHeader.ToBoard(4, 5, 6);
        var rep = req.Reply();
        Assert.That((rep.Flags, rep.DestPort, rep.DestCpu, rep.SrcX, rep.SrcY, rep.DestX), Is.EqualTo(((byte)0x07, (byte)7, (byte)31, (byte)4, (byte)5, (byte)0)));
        var d = new SdpPacket(rep, new ScpPacket(0x80, 9, [], [1, 2, 3, 4]).Encode()).ToDatagram();
        Assert.That(d[14..], Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
        var back = ScpPacket.Decode(SdpPacket.FromDatagram(d).Payload, 0);
        Assert.That((back.ReturnCode, back.Seq, back.Data), Is.EqualTo((ScpReturnCode.Ok, (ushort)9, new byte[] { 1, 2, 3, 4 })));
    }

    [Test]
    public void ReplyWithFewerArgsThanAsked_DecodesWhatIsThere()
    {
        var d = new ScpPacket(0x80, 1, [42], []).Encode();
        Assert.That(ScpPacket.Decode(d, 3).Args, Is.EqualTo(new uint[] { 42 }));
    }

    [Test]
    public void Limits_AreEnforced()
    {
        Assert.Throws<ArgumentException>(() => ScpPacket.Request(ScpCommand.Write, 0, data: new byte[257]).Encode());
        Assert.Throws<FormatException>(() => SdpPacket.FromDatagram(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }));
        Assert.Throws<FormatException>(() => SdpPacket.FromDatagram(new byte[283]));
        Assert.That(SdpPacket.FromDatagram(new byte[282]).Payload.Length, Is.EqualTo(272));
    }

    [Test]
    public void BootPacket_BigEndianAndWordSwapped()
    {
        var p = new BootPacket(BootPacket.DataOp, (255u << 8) | 3, 0, 0, [1, 2, 3, 4]);
        var b = p.Encode();
        Assert.That(b, Is.EqualTo(new byte[] { 0, 1, 0, 0, 0, 3, 0, 0, 0xFF, 3, 0, 0, 0, 0, 0, 0, 0, 0, 4, 3, 2, 1 }));
        Assert.That(BootPacket.Decode(b), Is.EqualTo(p).Using<BootPacket>((a, c) => a.Opcode == c.Opcode && a.Arg1 == c.Arg1 && a.Data.SequenceEqual(c.Data)));
    }

    [Test]
    public void BootPackets_StartDataEnd_WithSvPatch()
    {
        var image = new byte[1500];
        var sv = BootClient.SvPatch(5, 1, 1234);
        var ps = BootClient.Packets(image, sv);
        Assert.That(ps.Select(p => p.Opcode), Is.EqualTo(new uint[] { 1, 3, 3, 5 }));
        Assert.That(ps[0].Arg3, Is.EqualTo(1u));
        Assert.That(ps[2].Arg1, Is.EqualTo((255u << 8) | 1));
        Assert.That(ps[1].Data[384 + 0x0A], Is.EqualTo(5));
        Assert.That(BitConverter.ToUInt32(ps[1].Data, 384 + 0x5C), Is.EqualTo(1234u));
        Assert.That(ps[3].Arg1, Is.EqualTo(1u));
    }

    [Test]
    public void AccessType_FromAlignment()
    {
        Assert.That(MachineController.AccessType(0x100, 8), Is.EqualTo(2u));
        Assert.That(MachineController.AccessType(0x102, 6), Is.EqualTo(1u));
        Assert.That(MachineController.AccessType(0x101, 4), Is.EqualTo(0u));
    }

    [Test]
    public void FixedPoint_SaturatesAndTruncatesTowardZero()
    {
        Assert.That(Applications.FixedPoint.ToFixed(1.0), Is.EqualTo(32768));
        Assert.That(Applications.FixedPoint.ToFixed(-1.5 / 32768), Is.EqualTo(-1));
        Assert.That(Applications.FixedPoint.ToFixed(1.9 / 32768), Is.EqualTo(1));
        Assert.That(Applications.FixedPoint.ToFixed(1e9), Is.EqualTo(int.MaxValue));
        Assert.That(Applications.FixedPoint.ToFixed(-1e9), Is.EqualTo(int.MinValue));
        Assert.That(Applications.FixedPoint.Mul(-1, 1), Is.EqualTo(-1)); // floor, not toward zero
    }
}
