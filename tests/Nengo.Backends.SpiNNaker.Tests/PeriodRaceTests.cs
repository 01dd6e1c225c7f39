using Nengo.Backends.SpiNNaker.Emulation;
using Nengo.Backends.SpiNNaker.Protocol;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

/// <summary>
/// Back-to-back run periods on the emulated board: the host sees every core back in SYNC0 and sends the next
/// period's sync0 while the emulator's run task may still be returning. The signal must not be lost (it used to be
/// dropped, and the next barrier timed out with "0 of N cores reached Sync1" on a loaded CI machine). The fault
/// option RunEndDelay holds the task open after the last tick, so the race happens every period.
/// </summary>
public sealed class PeriodRaceTests
{
    [Test]
    public void PeriodsBackToBack_WhileTheRunTaskIsStillReturning_AllComplete()
    {
        var net = new Network("periods", seed: 2);
        var a = net.Ensemble(20, 1);
        net.Connect(net.Node(0.5), a);
        var probe = net.Probe(a, synapse: 0.01);
        using var board = new BoardEmulator(2, 2, TimeSpan.Zero, booted: true) { Faults = new FaultOptions { RunEndDelay = TimeSpan.FromMilliseconds(30) } };
        var options = new SpiNNakerOptions { BarrierTimeout = TimeSpan.FromSeconds(2) };
        using var sim = new Simulator(net, 0.001, SpiNNakerBackend.Emulated(board, options), 1);
        for (int i = 0; i < 10; i++) sim.RunSteps(5);
        Assert.That(sim.Data[probe].RowCount, Is.EqualTo(50));
    }
}
