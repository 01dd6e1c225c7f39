using System.Diagnostics;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Emulation;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>How host steps and board ticks interleave during one run period of a model with node I/O.</summary>
internal interface IHostClock
{
    /// <summary>Runs one period of <paramref name="ticks"/> ticks, calling <paramref name="hostStep"/> once before each tick.</summary>
    /// <param name="loader">The loaded application.</param>
    /// <param name="ticks">Ticks of the period.</param>
    /// <param name="hostStep">Evaluates the next host step and sends its SDP messages.</param>
    void RunPeriod(ApplicationLoader loader, int ticks, Action hostStep);
}

/// <summary>
/// The emulator's externally stepped clock: host step k, then board tick k (which waits for the host's SDP messages of
/// step k), then the host waits for every transmitter's message of tick k. Deterministic and bit-identical across reruns;
/// the wire protocol is the real one, only the stepping goes through <see cref="BoardEmulator.StepTick"/>.
/// </summary>
internal sealed class LockstepClock(BoardEmulator board, NodeIoLink link, int receivers, IReadOnlyList<(byte X, byte Y, byte Cpu)> transmitters, TimeSpan timeout)
    : IHostClock
{
    private long _ticks;

    /// <inheritdoc />
    public void RunPeriod(ApplicationLoader loader, int ticks, Action hostStep)
    {
        board.ExternallyStepped = true;
        loader.BeginPeriod(ticks);
        loader.Release();
        for (int j = 0; j < ticks; j++)
        {
            hostStep();
            try
            {
                if (board.StepTick(receivers, timeout) == 0)
                    throw new SpiNNakerException($"The emulated board finished its period after {j} of {ticks} ticks (a core stopped or failed: {string.Join("; ", board.CoreErrors)}).");
            }
            catch (TimeoutException e) { throw new SpiNNakerException($"Lockstep tick {_ticks + 1}: {e.Message}"); }
            _ticks++;
            if (transmitters.Count > 0) link.WaitFor(transmitters, _ticks, timeout);
        }
        loader.EndPeriod();
    }
}

/// <summary>
/// A real board's clock (SPINNAKER.md §4.9): after sync1 the host steps at wall-clock pace (host step j at j × dt after
/// release), reading whatever the transmitters sent last and sending without any handshake; late or lost packets are
/// silently late or lost, as in nengo_spinnaker.
/// </summary>
internal sealed class RealTimeClock(double dt) : IHostClock
{
    /// <inheritdoc />
    public void RunPeriod(ApplicationLoader loader, int ticks, Action hostStep)
    {
        loader.BeginPeriod(ticks);
        loader.Release();
        var clock = Stopwatch.StartNew();
        for (int j = 0; j < ticks; j++)
        {
            var due = TimeSpan.FromSeconds(j * dt);
            while (clock.Elapsed < due)
            {
                var left = due - clock.Elapsed;
                if (left > TimeSpan.FromMilliseconds(2)) Thread.Sleep(left - TimeSpan.FromMilliseconds(1)); else Thread.SpinWait(100);
            }
            hostStep();
        }
        loader.EndPeriod();
    }
}
