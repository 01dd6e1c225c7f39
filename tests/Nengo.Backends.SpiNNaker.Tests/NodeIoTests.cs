using System.Net;
using System.Net.Sockets;
using Nengo.Backends.Cpu;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Backend;
using Nengo.Backends.SpiNNaker.Emulation;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

/// <summary>Host Nodes with input: SDP receiver and transmitter cores, the IP tag, the host loop and its two clocks.</summary>
public sealed class NodeIoTests
{
    private const byte App = 66;

    /// <summary>u(t) → a → host f(t, x) = x² − 0.2 → b, with the host Node and b probed.</summary>
    private static (Network Net, Probe F, Probe B) Loop()
    {
        var net = new Network("host-loop", seed: 5);
        var u = net.Node(t => Math.Sin(2 * Math.PI * t));
        var a = net.Ensemble(100, 1);
        var f = net.Node((t, x) => x[0] * x[0] - 0.2, sizeIn: 1);
        var b = net.Ensemble(100, 1);
        net.Connect(u, a);
        net.Connect(a, f, synapse: 0.01);
        net.Connect(f, b);
        return (net, net.Probe(f), net.Probe(b, synapse: 0.03));
    }

    private static double Rmse(MathNet.Numerics.LinearAlgebra.Matrix<double> x, MathNet.Numerics.LinearAlgebra.Matrix<double> y, int from) =>
        Math.Sqrt(Enumerable.Range(from, x.RowCount - from).Average(i => Math.Pow(x[i, 0] - y[i, 0], 2)));

    [Test]
    public void EnsembleToHostNodeToEnsemble_AgreesWithCpu()
    {
        var (net, pf, pb) = Loop();
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 4);
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 4);
        cpu.Run(1.0); spin.Run(1.0);
        Assert.That(spin.Data[pf].RowCount, Is.EqualTo(1000));
        // The host Node sees a's decoded output through the transmitter's 10 ms low-pass: x² - 0.2 swings over [-0.2, 0.8].
        double rf = Rmse(spin.Data[pf], cpu.Data[pf], 50), rb = Rmse(spin.Data[pb], cpu.Data[pb], 100);
        Assert.That(rf, Is.LessThan(0.05), "host Node output");
        Assert.That(rb, Is.LessThan(0.06), "ensemble fed by the host Node");
        Assert.That(Enumerable.Range(100, 900).Max(i => spin.Data[pf][i, 0]), Is.GreaterThan(0.6), "the host Node follows the signal");
    }

    [Test]
    public void Lockstep_RerunsAreBitIdentical_OneMessageEachWayPerTick()
    {
        var (net, pf, pb) = Loop();
        using var board = new BoardEmulator(2, 2, TimeSpan.Zero, booted: true);
        using var sim = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(board, new SpiNNakerOptions
        {
            PeriodSteps = 120, Scp = new Protocol.ScpOptions { Timeout = TimeSpan.FromSeconds(0.1) },
        }), 4);
        sim.RunSteps(300);
        var first = (sim.Data[pf].ToArray(), sim.Data[pb].ToArray());
        // 301 board ticks (one ahead for the value sinks): one receiver message in and one transmitter message out per tick.
        Assert.That((board.NodeMessagesReceived, board.TaggedMessagesSent), Is.EqualTo((301L, 301L)));
        sim.Reset();
        sim.RunSteps(100); sim.RunSteps(200);
        Assert.That((sim.Data[pf].ToArray(), sim.Data[pb].ToArray()), Is.EqualTo(first), "after reset, in pieces, across periods of 120 ticks");
    }

    [Test]
    public void RealTime_AgainstAnEmulatorTickingEveryMillisecond_FollowsTheCpu()
    {
        // The real-board path end to end: the emulator's timer ticks every 1 ms on its own, the host steps at wall-clock
        // pace and nothing synchronises the two (no handshake), so only the signal's shape is compared, loosely.
        var (net, pf, pb) = Loop();
        using var board = new BoardEmulator(2, 2, TimeSpan.Zero, booted: true) { TickPeriod = TimeSpan.FromMilliseconds(1) };
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 4);
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(board), 4);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        spin.Run(1.0);
        double wall = clock.Elapsed.TotalSeconds;
        cpu.Run(1.0);
        Assert.That(wall, Is.GreaterThan(0.95), "1001 ticks of 1 ms in real time");
        Assert.That((board.NodeMessagesReceived, board.TaggedMessagesSent), Is.EqualTo((1001L, 1001L)), "one host step per tick, one transmission per tick");
        double rf = Rmse(spin.Data[pf], cpu.Data[pf], 50), rb = Rmse(spin.Data[pb], cpu.Data[pb], 100);
        TestContext.Out.WriteLine($"real time: rmse against the CPU backend, host Node {rf:F4}, ensemble {rb:F4} ({wall:F2} s wall)");
        // Measured 0.04–0.07 for both (lockstep: under 0.05); a host Node cut off from the board would be near 0.6.
        Assert.That(rf, Is.LessThan(0.15), "host Node output");
        Assert.That(rb, Is.LessThan(0.15), "ensemble fed by the host Node");
    }

    [Test]
    public void HostOnlyNodes_AreFloat64AndExact()
    {
        var net = new Network("host-only", seed: 1);
        var src = net.Node(t => t);
        var f = net.Node((t, x) => 2 * x[0], sizeIn: 1);
        var g = net.Node((t, x) => x[0] + t, sizeIn: 1);
        net.Connect(src, f, synapse: SynapseArg.None);
        net.Connect(f, g, synapse: 0.005);
        var pf = net.Probe(f);
        var pg = net.Probe(g, synapse: 0.01);
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 1);
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1);
        cpu.RunSteps(200); spin.RunSteps(200);
        Assert.That(spin.Data[pf].ToArray(), Is.EqualTo(cpu.Data[pf].ToArray()));
        Assert.That(spin.Data[pg].ToArray(), Is.EqualTo(cpu.Data[pg].ToArray()).Within(1e-12));
    }

    [Test]
    public void HostNodeIntoProbedPassthrough_ThroughReceiverAndValueSink_IsS1615OfTheCpuValue()
    {
        // No neurons on the way: host Node → rx → value sink (latching filter, 10 ms low-pass) differs from float64 only
        // by S16.15 truncation and the flooring filter multiply, whose -1 LSB per step settles at about 1 / (1 - a) ≈ 10 LSB
        // (3e-4); 1e-3 allows for that and nothing a timing slip would cause (one step of sin(2πt) is up to 6e-3).
        var net = new Network("host-to-sink", seed: 1);
        var h = net.Node((t, x) => new[] { Math.Sin(2 * Math.PI * t), 0.5 * Math.Cos(2 * Math.PI * t) + x[0] }, sizeIn: 1);
        var p = net.Node(sizeIn: 2);
        net.Connect(h, p, synapse: 0.01, transform: new[,] { { 1.0, 0.0 }, { 0.5, 1.0 } });
        var probe = net.Probe(p);
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 1);
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1);
        cpu.RunSteps(400); spin.RunSteps(400);
        Assert.That(spin.Data[probe].ToArray(), Is.EqualTo(cpu.Data[probe].ToArray()).Within(1e-3));
    }

    [Test]
    public void HostNodeFailure_IsASimulationErrorNamingTheNode()
    {
        var net = new Network("host-failure", seed: 1);
        var a = net.Ensemble(20, 1);
        var f = net.Node((t, x) => t > 0.05 ? throw new InvalidOperationException("boom") : x[0], sizeIn: 1, label: "fragile");
        net.Connect(a, f);
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1);
        var e = Assert.Throws<SimulationError>(() => spin.RunSteps(100));
        Assert.That(e!.Message, Does.Contain("fragile").And.Contain("boom"));
    }

    [Test]
    public void ReceiverToTransmitter_WireFormatOfSection28()
    {
        // rx on core 1 (keys 0x100, 0x101) → router → tx on core 2 (pass-through filter) → tag 1 → our UDP socket.
        var (emu, mc) = EmulatorTests.Board();
        using (emu) using (mc)
        using (var host = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            host.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            host.ReceiveTimeout = 2000;
            mc.IpTagSet(SdpTransmitterData.Tag, ((IPEndPoint)host.LocalEndPoint!).Port);
            mc.LoadRoutingTable(0, 0, App, [(0x100u, 0xFFFFFF00u, 1u << (6 + 2))]);
            var loader = new ApplicationLoader(mc, App, TimeSpan.FromSeconds(5));
            loader.AddVertex(0, 0, 1, Aplx.SdpReceiver, new SdpReceiverData(0.001, [0x100, 0x101]).ToImage());
            var filter = new FilterSpec(0, 2, false, [(0x100u, 0xFFFFFF00u, 0xFFu)], IsNone: true);
            loader.AddVertex(0, 0, 2, Aplx.SdpTransmitter, new SdpTransmitterData(0.001, 2, [filter]).ToImage());
            loader.Start(Aplx.Placeholder);
            emu.ExternallyStepped = true;
            loader.BeginPeriod(2);
            loader.Release();
            var payload = new byte[16 + 8];
            BitConverter.TryWriteBytes(payload.AsSpan(16), FixedPoint.ToFixed(1.5));
            BitConverter.TryWriteBytes(payload.AsSpan(20), FixedPoint.ToFixed(-0.25));
            mc.Connection.SendNoReply(new Protocol.SdpPacket(Protocol.SdpHeader.ToBoard(0, 0, 1, SdpReceiverData.Port, replyExpected: false), payload));
            Assert.That(emu.StepTick(1, TimeSpan.FromSeconds(2)), Is.EqualTo(1));
            var buf = new byte[512];
            int n = host.Receive(buf);
            var expected = new byte[] { 0, 0, 0x07, 1, 0xFF, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
                .Concat(BitConverter.GetBytes(FixedPoint.ToFixed(1.5))).Concat(BitConverter.GetBytes(FixedPoint.ToFixed(-0.25))).ToArray();
            Assert.That(buf[..n], Is.EqualTo(expected), "2 pad + SDP header (flags 0x07, tag 1, dest port 7 cpu 31, src core 2, chip (0,0)) + cmd_rc 1 + zeros + values");
            Assert.That(emu.StepTick(0, TimeSpan.FromSeconds(2)), Is.EqualTo(2));
            Assert.That(BitConverter.ToInt32(buf, 26 + 0), Is.EqualTo(FixedPoint.ToFixed(1.5)));
            n = host.Receive(buf);
            Assert.That(BitConverter.ToInt32(buf, 26), Is.EqualTo(0), "no fresh rx value in tick 2: the tx's non-latching input is empty");
            loader.EndPeriod();
            mc.IpTagClear(SdpTransmitterData.Tag);
        }
    }

    [Test]
    public void RealTimeClock_StepsAtWallClockPaceAgainstAFreeRunningBoard()
    {
        // The real-board path (no handshake) against the emulator running its ticks on its own: every host step runs, at
        // about dt apart, and the run completes; values are not compared (nothing synchronises them).
        var (net, pf, _) = Loop();
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 4);
        var plan = ModelPlan.Create(spin.Model, 1000);
        Assert.That(plan.HasNodeIo, Is.True);
        var clock = new RealTimeClock(0.002);
        var (emu, mc) = EmulatorTests.Board();
        using (emu) using (mc)
        {
            var loader = new ApplicationLoader(mc, App, TimeSpan.FromSeconds(5));
            loader.Start(Aplx.Placeholder);
            int steps = 0;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            clock.RunPeriod(loader, 50, () => steps++);
            Assert.That(steps, Is.EqualTo(50));
            Assert.That(sw.Elapsed.TotalSeconds, Is.GreaterThanOrEqualTo(0.098), "host step j is due at j × dt");
        }
    }
}
