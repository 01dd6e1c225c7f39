using Nengo.Backends.Cpu;
using Nengo.Backends.SpiNNaker.Backend;
using Nengo.Backends.SpiNNaker.Emulation;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

/// <summary>
/// Wide passthrough Nodes (the circconv benchmark's Output): multiplied out, every decoded row of every ensemble behind
/// the Node is one packet per tick for each dimension it reaches, all into the probe's value sink. A core's packet queue
/// holds 1024 packets per tick; beyond that the board drops packets (circconv with 32 or 64 dimensions decoded garbage),
/// so Prepare rejects such models.
/// </summary>
public sealed class WideModelTests
{
    /// <summary><paramref name="ensembles"/> 1-D ensembles, each fanned out by a dense row into a 32-D passthrough Node, which is probed.</summary>
    private static (Network Net, Probe P) FanIn(int ensembles, int width = 32)
    {
        var net = new Network("fan-in", seed: 5);
        var rng = new Random(5);
        var output = net.Node(label: "output", sizeIn: width);
        for (int i = 0; i < ensembles; i++)
        {
            var e = net.Ensemble(20, 1);
            net.Connect(net.Node(0.8 * (rng.NextDouble() * 2 - 1)), e, synapse: SynapseArg.None);
            var t = new double[width, 1];
            for (int k = 0; k < width; k++) t[k, 0] = (rng.NextDouble() * 2 - 1) / ensembles;
            net.Connect(e, output, transform: t, synapse: 0.005);
        }
        return (net, net.Probe(output));
    }

    [Test]
    public void WidePassthroughAtQueueCapacity_AgreesWithCpu()
    {
        var (net, p) = FanIn(32); // 32 ensembles x 32 dimensions = 1024 packets per tick into the sink
        using var spin = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(), 1);
        Assert.That(ModelPlan.Create(spin.Model, 1000).PacketsPerTick().Values.Max(), Is.EqualTo(ModelPlan.PacketQueueCapacity));
        using var cpu = new Simulator(net, 0.001, new CpuBackend(), 1);
        cpu.Run(0.2); spin.Run(0.2);
        spin.Run(0.01); // a second run: the cores abort at SYNC0 if their queue ever overflowed
        for (int d = 0; d < 32; d++)
        {
            double c = Enumerable.Range(100, 100).Average(i => cpu.Data[p][i, d]), s = Enumerable.Range(100, 100).Average(i => spin.Data[p][i, d]);
            Assert.That(s, Is.EqualTo(c).Within(0.02), $"dimension {d}");
        }
    }

    [Test]
    public void WidePassthroughBeyondQueueCapacity_IsRejectedBeforeAnythingIsSent()
    {
        var (net, _) = FanIn(33); // 33 x 32 = 1056 packets per tick
        using var board = new BoardEmulator(2, 2, TimeSpan.Zero, booted: true);
        var ex = Assert.Throws<NotSupportedByBackendError>(() => new Simulator(net, 0.001, SpiNNakerBackend.Emulated(board), 1).Dispose())!;
        Assert.That(ex.Message, Does.Contain("1056 multicast packets per tick").And.Contain("Probe of Node 'output'").And.Contain("at most 1024"));
        Thread.Sleep(50);
        Assert.That(board.RequestsExecuted, Is.Zero, "no SCP request reached the board");
    }
}
