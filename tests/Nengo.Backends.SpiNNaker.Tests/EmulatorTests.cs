using System.Net;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Emulation;
using Nengo.Backends.SpiNNaker.Protocol;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

public sealed class EmulatorTests
{
    private const byte App = 66;

    internal static (BoardEmulator, MachineController) Board(bool booted = true, double timeout = 0.1, int tries = 5)
    {
        var emu = new BoardEmulator(2, 2, TimeSpan.FromMilliseconds(50), booted);
        var mc = new MachineController(IPAddress.Loopback, new ScpOptions
        {
            ScpPort = emu.ScpPort, BootPort = emu.BootPort, Timeout = TimeSpan.FromSeconds(timeout), Tries = tries,
            BootPacketDelay = TimeSpan.Zero, BootWait = TimeSpan.FromSeconds(3),
        });
        return (emu, mc);
    }

    [Test]
    public void Boot_NoReplyBefore_ThenVersionAfter()
    {
        var (emu, mc) = Board(booted: false);
        using (emu) using (mc)
        {
            var e = Assert.Throws<SpiNNakerException>(() => mc.Version(255, 255, 0, tries: 1));
            Assert.That(e!.ReturnCode, Is.Null);
            Assert.That(mc.BootIfNeeded(new byte[4096], hwVer: 3, led0: 0x502), Is.True);
            Assert.That((emu.BootPacketsReceived, emu.BootHwVer), Is.EqualTo((6, (byte)3)));
            var v = mc.Version(255, 255, 0);
            Assert.That((v.IsBooted, v.Software, v.Version, v.BufferSize), Is.EqualTo((true, "SC&MP/SpiNNaker", "4.0.0", 256)));
            Assert.That(mc.Version(1, 1, 3).Software, Is.EqualTo("SARK/SpiNNaker"));
            Assert.That(mc.BootIfNeeded(new byte[4096]), Is.False);
        }
    }

    [Test]
    public void Discover_FindsEveryChipWithInfo()
    {
        var (emu, mc) = Board();
        using (emu) using (mc)
        {
            var (w, h, chips) = mc.Discover();
            Assert.That((w, h, chips.Count), Is.EqualTo((2, 2, 4)));
            var c00 = chips.Single(c => c.X == 0 && c.Y == 0);
            Assert.That((c00.Cores, c00.LinkMask, c00.LargestFreeRouterBlock), Is.EqualTo((18, 0b000111, 1023)));
            Assert.That(c00.CoreStates[0], Is.EqualTo(CoreState.Run));
            Assert.That(c00.CoreStates[1], Is.EqualTo(CoreState.Idle));
        }
    }

    [Test]
    public void Memory_ReadWriteFill_AcrossPacketsAndAliases()
    {
        var (emu, mc) = Board();
        using (emu) using (mc)
        {
            var data = Enumerable.Range(0, 700).Select(i => (byte)(i * 7)).ToArray();
            mc.Write(1, 0, 0x60001003, data);
            Assert.That(mc.Read(1, 0, 0x70001003, 700), Is.EqualTo(data));
            Assert.That(mc.Read(0, 0, 0x60001003, 4), Is.EqualTo(new byte[4]), "memory is per chip");
            mc.Fill(1, 0, 0x60002000, 0xA5A5A5A5, 16);
            Assert.That(mc.Read(1, 0, 0x60002000, 16).All(b => b == 0xA5));
            Assert.Throws<ArgumentException>(() => mc.Fill(1, 0, 0x60002001, 0, 16));
            Assert.That(BitConverter.ToUInt32(mc.Read(0, 0, SystemVariables.SvBase + SystemVariables.VcpuBase, 4)), Is.EqualTo(0xE5007000u));
        }
    }

    [Test]
    public void Alloc_TagsAreUniquePerApp_AndStopFreesThem()
    {
        var (emu, mc) = Board();
        using (emu) using (mc)
        {
            uint a = mc.SdramAlloc(0, 0, App, 100, 1);
            Assert.That(a, Is.GreaterThanOrEqualTo(0x60000000u));
            var e = Assert.Throws<SpiNNakerException>(() => mc.SdramAlloc(0, 0, App, 100, 1));
            Assert.That(e!.Message, Does.Contain("tag 1"));
            Assert.That(mc.SdramAlloc(0, 0, 67, 100, 1), Is.Not.EqualTo(a));
            Assert.That(mc.RouterAlloc(0, 0, App, 10), Is.EqualTo(1));
            Assert.That(mc.Info(0, 0).LargestFreeRouterBlock, Is.EqualTo(1013));
            mc.Signal(App, SignalKind.Stop);
            Assert.That(mc.Info(0, 0).LargestFreeRouterBlock, Is.EqualTo(1023));
            Assert.That(mc.SdramAlloc(0, 0, App, 100, 1), Is.Not.Zero);
        }
    }

    [Test]
    public void RoutingTable_LoadedFirstMatchWins()
    {
        var (emu, mc) = Board();
        using (emu) using (mc)
        {
            mc.LoadRoutingTable(1, 1, App, [(0x10, 0xFFFFFFF0, 1u << 7), (0x00, 0xFFFFFF00, 1u << 0)]);
            var router = emu.Chip(1, 1)!.Router;
            Assert.That(router.Lookup(0x13), Is.EqualTo(1u << 7));
            Assert.That(router.Lookup(0x23), Is.EqualTo(1u << 0));
            Assert.That(router.Lookup(0x123), Is.Null);
        }
    }

    [Test]
    public void IpTag_SetAndClear_LoopbackOnly()
    {
        var (emu, mc) = Board();
        using (emu) using (mc)
        {
            mc.IpTagSet(1, 50000);
            var e = Assert.Throws<SpiNNakerException>(() => mc.IpTagSet(2, 50000, 0x0100000A));
            Assert.That(e!.ReturnCode, Is.EqualTo(ScpReturnCode.Arg));
            mc.IpTagClear(1);
        }
    }

    [Test]
    public void UnknownCommand_IsFatalReturnCode_NotRetried()
    {
        var (emu, mc) = Board();
        using (emu) using (mc)
        {
            int before = mc.Connection.Transmissions;
            var e = Assert.Throws<SpiNNakerException>(() => mc.Connection.Send(0, 0, 0, (ScpCommand)99));
            Assert.That((e!.ReturnCode, mc.Connection.Transmissions - before), Is.EqualTo((ScpReturnCode.Cmd, 1)));
        }
    }

    [Test]
    public void SilentBoard_FailsWithinTimeout_NeverHangs()
    {
        var (emu, mc) = Board(timeout: 0.05, tries: 3);
        using (emu) using (mc)
        {
            emu.Faults = new FaultOptions { Silent = true };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var e = Assert.Throws<SpiNNakerException>(() => mc.Info(0, 0));
            Assert.That(e!.Message, Does.Contain("no reply").And.Contain("3 tries"));
            Assert.That(sw.Elapsed.TotalSeconds, Is.LessThan(1.0));
        }
    }

    [Test]
    public void LossyDuplicatingBoard_SameResults()
    {
        var (emu, mc) = Board(timeout: 0.02, tries: 10);
        using (emu) using (mc)
        {
            emu.Faults = new FaultOptions { LossRate = 0.1, DuplicateRate = 0.3, Seed = 5 };
            var data = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
            mc.Write(0, 1, 0x60010000, data);
            Assert.That(mc.Read(0, 1, 0x60010000, data.Length), Is.EqualTo(data));
            uint a = mc.SdramAlloc(0, 1, App, 64, 3); // a retransmitted ALLOC must not fail on its own tag
            Assert.That(mc.SdramAlloc(0, 1, App, 64, 4), Is.GreaterThan(a));
            Assert.That(mc.Connection.Transmissions, Is.GreaterThan(emu.RequestsExecuted), "some requests were retried");
        }
    }
}
