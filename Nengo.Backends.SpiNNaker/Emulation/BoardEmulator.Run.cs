using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Emulation.Cores;
using Nengo.Backends.SpiNNaker.Protocol;
using RC = Nengo.Backends.SpiNNaker.Protocol.ScpReturnCode;

namespace Nengo.Backends.SpiNNaker.Emulation;

public sealed partial class BoardEmulator
{
    private Task _running = Task.CompletedTask;

    private (RC, uint[], byte[]) ApplicationStart(EmulatedChip chip, uint address, uint a2)
    {
        string? name = Aplx.NameOf(chip.Memory.Read(address, 64));
        if (name is null) return (RC.Arg, NoArgs, []);
        byte app = (byte)(a2 >> 24);
        bool wait = ((a2 >> 18) & 1) != 0;
        for (int p = 1; p < EmulatedChip.CoreCount; p++)
        {
            if ((a2 & (1u << p)) == 0) continue;
            chip.ProgramNames[p] = name; chip.SetApp(p, app); chip.Models[p] = null;
            chip.Memory.Write(EmulatedChip.Vcpu(p) + SystemVariables.VcpuAppName, System.Text.Encoding.ASCII.GetBytes((name + new string('\0', 16))[..16]));
            if (wait) chip.SetState(p, CoreState.Wait); else StartCore(chip, p);
        }
        return (RC.Ok, NoArgs, []);
    }

    /// <summary>c_main: build the core model from its SDRAM block (app_id, tag = core), then wait at SYNC0.</summary>
    private void StartCore(EmulatedChip chip, int p)
    {
        byte app = chip.AppId(p);
        uint block = chip.TagPointer(app, (byte)p);
        if (block == 0) { chip.Fail(p, 14, "no SDRAM block tagged with this core"); return; }
        try
        {
            chip.Models[p] = chip.ProgramNames[p] switch
            {
                Aplx.Ensemble => new EnsembleCore(chip, p, block),
                Aplx.ValueSource => new ValueSourceCore(chip, p, block),
                Aplx.ValueSink => new ValueSinkCore(chip, p, block),
                Aplx.SdpReceiver => new SdpReceiverCore(chip, p, block),
                Aplx.SdpTransmitter => new SdpTransmitterCore(chip, p, block, (core, values) => SendTagged(chip, core, values)),
                var n => throw new NotSupportedException($"unknown executable '{n}'"),
            };
            chip.SetState(p, CoreState.Sync0);
        }
        catch (Exception e) when (e is not OutOfMemoryException) { chip.Fail(p, 12, e.Message); }
    }

    private (RC, uint[], byte[]) Signal(uint type, uint a2)
    {
        var signal = (SignalKind)((a2 >> 16) & 0xF);
        byte mask = (byte)(a2 >> 8), app = (byte)a2;
        if (type == 1) return (RC.Arg, NoArgs, []); // current SC&MP rejects P2P-type (legacy counting) signals
        // A period whose cores are all back in SYNC0 may still have its task returning: the host can see SYNC0 and send
        // the next signal first. Wait for that task (releasing the lock, which it may need for one last look) instead
        // of dropping the signal; a board with cores still running ignores it, as before.
        for (int waited = 0; !_running.IsCompleted && _steppedTick is null && signal != SignalKind.Stop && !AnyCoreRunning() && waited < 5000; waited++)
            Monitor.Wait(_lock, 1);
        if ((!_running.IsCompleted || _steppedTick is not null) && signal != SignalKind.Stop) return (RC.Ok, NoArgs, []);
        foreach (var chip in _chips)
            for (int p = 1; p < EmulatedChip.CoreCount; p++)
            {
                if ((chip.AppId(p) & mask) != app || chip.ProgramNames[p] is null) continue;
                var s = chip.State(p);
                switch (signal)
                {
                    case SignalKind.Start when s == CoreState.Wait: StartCore(chip, p); break;
                    case SignalKind.Sync0 when s == CoreState.Sync0:
                        chip.Models[p]!.BeginRun((int)chip.User1(p));
                        if (chip.Models[p]!.Overflowed) chip.Fail(p, 9, "packet queue overflowed"); else chip.SetState(p, CoreState.Sync1);
                        break;
                    case SignalKind.Sync1 when s == CoreState.Sync1: chip.SetState(p, CoreState.Run); break;
                    case SignalKind.Stop:
                        chip.SetState(p, CoreState.Idle); chip.Models[p] = null; chip.ProgramNames[p] = null; chip.SetApp(p, 0); break;
                }
            }
        if (signal == SignalKind.Stop) { foreach (var chip in _chips) { chip.FreeApp(app); chip.Router.FreeApp(app); } _steppedTick = null; }
        if (signal == SignalKind.Sync1)
        {
            if (ExternallyStepped) { _steppedTick = 0; Running(1); } // the host calls StepTick for every tick
            else _running = Task.Run(RunTicks);
        }
        return (RC.Ok, NoArgs, []);
    }

    /// <summary>Whether some core is in RUN (caller holds the lock).</summary>
    private bool AnyCoreRunning()
    {
        foreach (var chip in _chips)
            for (int p = 1; p < EmulatedChip.CoreCount; p++)
                if (chip.State(p) == CoreState.Run) return true;
        return false;
    }

    /// <summary>Runs every core in RUN until each has done its ticks; phases are barriers across the board.</summary>
    private void RunTicks()
    {
        var period = TickPeriod;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int t = 1; ; t++)
        {
            if (period is { } p) // real time: tick t starts (t - 1) periods after SYNC1
                while (clock.Elapsed < p * (t - 1))
                {
                    var left = p * (t - 1) - clock.Elapsed;
                    if (left > TimeSpan.FromMilliseconds(2)) Thread.Sleep(left - TimeSpan.FromMilliseconds(1)); else Thread.SpinWait(100);
                }
            bool more;
            lock (_lock) more = !_disposed && TickOnce(t);
            if (more) continue;
            if (_faults.RunEndDelay > TimeSpan.Zero) Thread.Sleep(_faults.RunEndDelay);
            return;
        }
    }

    /// <summary>The cores still running at tick <paramref name="t"/>; those whose run is over go back to SYNC0 (caller holds the lock).</summary>
    private List<(EmulatedChip Chip, int Core, CoreModel Model)> Running(int t)
    {
        var running = new List<(EmulatedChip Chip, int Core, CoreModel Model)>();
        foreach (var chip in _chips)
            for (int p = 1; p < EmulatedChip.CoreCount; p++)
                if (chip.State(p) == CoreState.Run && chip.Models[p] is { } m)
                {
                    if (m.Stops(t)) chip.SetState(p, CoreState.Sync0); else running.Add((chip, p, m));
                }
        return running;
    }

    /// <summary>One timer tick of every running core (caller holds the lock): phases 0–2, routing, then the late phase
    /// (SDP transmitters, which see the packets of this tick) and its routing. False when no core runs any more.</summary>
    private bool TickOnce(int t)
    {
        var running = Running(t);
        if (running.Count == 0) return false;
        var sent = new List<(EmulatedChip, uint, int)>();
        void Phase(int phase)
        {
            foreach (var (chip, p, m) in running)
            {
                if (chip.Models[p] is null) continue; // failed earlier in this tick
                try { m.Tick(t, phase, (k, v) => sent.Add((chip, k, v))); }
                catch (Exception e) when (e is not OutOfMemoryException) { chip.Fail(p, 9, e.Message); }
            }
        }
        for (int phase = 0; phase < 3; phase++) Phase(phase);
        foreach (var (chip, key, payload) in sent) Route(chip, key, payload, -1, 0);
        sent.Clear();
        Phase(SdpTransmitterCore.LatePhase);
        foreach (var (chip, key, payload) in sent) Route(chip, key, payload, -1, 0);
        return true;
    }

    /// <summary>Routes one MC packet hop by hop: first-match entry, else straight through for link arrivals, else drop.</summary>
    private void Route(EmulatedChip chip, uint key, int payload, int arrivedOn, int hops)
    {
        if (hops > 64) { chip.DroppedPackets++; return; }
        uint? route = chip.Router.Lookup(key);
        if (route is null)
        {
            if (arrivedOn < 0) { chip.DroppedPackets++; return; }
            route = 1u << ((arrivedOn + 3) % 6);
        }
        uint r = route.Value;
        for (int l = 0; l < 6; l++)
            if ((r & (1u << l)) != 0)
            {
                if (Neighbour(chip, l) is { } next) Route(next, key, payload, (l + 3) % 6, hops + 1);
                else chip.DroppedPackets++;
            }
        for (int p = 0; p < EmulatedChip.CoreCount; p++)
            if ((r & (1u << (6 + p))) != 0)
            {
                if (chip.Models[p] is { } m) m.Deliver(key, payload); else chip.DroppedPackets++;
            }
    }
}
