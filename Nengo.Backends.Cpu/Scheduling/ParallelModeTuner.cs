using System.Diagnostics;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// Chooses, while a simulation runs, whether the parallel levels of a plan use the worker threads or
/// run on the calling thread. Both give bit-identical results, so the choice is only about speed: on a
/// quiet machine the workers win; on an oversubscribed one (other processes, a background JIT or GC thread,
/// a host that takes a virtual core away) a worker may wait for a core and the calling thread alone is faster.
/// </summary>
/// <remarks>
/// Steps are timed in windows of at least <see cref="Window"/> steps and <see cref="WindowTicks"/> (1 ms); a window's
/// figure is its mean step without the slowest one. A worker that loses its core to another thread (a background
/// JIT, the GC, another process) stalls a step for a whole time slice, milliseconds: stalls that recur within a
/// window count, a single one (a worker waking up) does not.
/// Starting on the calling thread, the tuner measures a window in each mode and
/// keeps the faster. A plan whose levels are large enough that the workers are expected to win starts on the workers
/// instead and first measures the calling thread alone after <see cref="FirstCheck"/> steps: a short run (the benchmark
/// suite's scale-K models run 200 steps) then spends no step in the slower mode, where starting on the calling thread
/// cost it about 30 steps at the serial speed (scale-64 ran about 15 % faster, scale-256 about 6 %).
/// While it keeps a mode it goes on measuring: a window more than <see cref="Margin"/> slower
/// than the other mode's last figure tries the other mode at once (the machine changed), and the other mode is
/// re-checked anyway after an interval that doubles each time it loses (up to <see cref="MaxInterval"/> steps).
/// A few exploring steps in a row far slower than the kept mode's figure end the exploration at once. The first steps (JIT,
/// cold caches) and the first steps after a switch are not measured.
/// </remarks>
internal sealed class ParallelModeTuner
{
    private const int Window = 16;

    /// <summary>The shortest window, in stopwatch ticks (1 ms).</summary>
    private static readonly long WindowTicks = Stopwatch.Frequency / 1000;

    /// <summary>Exploring steps this many times slower than the kept mode's figure, <see cref="GiveUpSteps"/> in a row, end the exploration at once.</summary>
    private const double GiveUpFactor = 4;

    /// <summary>How many far slower exploring steps in a row end the exploration (one alone may be a worker waking up after a long sleep, which takes milliseconds on a virtual machine).</summary>
    private const int GiveUpSteps = 3;

    /// <summary>A kept mode whose window is this much slower than the other mode's last figure is re-checked at once.</summary>
    private const double Margin = 1.25;

    private const int MinInterval = 1024;
    private const int MaxInterval = 65_536;

    /// <summary>When the tuner starts on the workers, the step after which it first measures the calling thread alone.</summary>
    internal const int FirstCheck = 256;

    private const int WarmUp = 16;
    private const int SettleSteps = 4;

    private long _windowSum, _windowMax;
    private readonly double[] _cost = [double.NaN, double.NaN];   // last window's figure of [serial, parallel]
    private readonly long _windowTicks;
    private int _filled = -WarmUp;                                  // steps in the current window; negative: steps to skip
    private int _sinceSwitch, _farSlower;
    private int _interval = MinInterval;
    private bool _exploring;
    private readonly bool _checkLater;                              // started on the workers: the first check waits for FirstCheck

    /// <summary>A tuner whose windows last at least <paramref name="windowTicks"/> (default <see cref="WindowTicks"/>).</summary>
    /// <param name="windowTicks">The shortest window, in the unit of the recorded step times.</param>
    /// <param name="startParallel">Whether the first steps run on the workers (the calling thread alone is then first measured after <see cref="FirstCheck"/> steps).</param>
    public ParallelModeTuner(long? windowTicks = null, bool startParallel = false)
    {
        _windowTicks = windowTicks ?? WindowTicks;
        Parallel = _checkLater = startParallel;
        if (startParallel) _interval = FirstCheck;
    }

    /// <summary>Whether the next step should use the worker threads.</summary>
    public bool Parallel { get; private set; }

    /// <summary>The start time to pass to <see cref="Stepped"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Records one step that began at <paramref name="start"/> and switches mode when a window says so.</summary>
    public void Stepped(long start) => Record(Stopwatch.GetTimestamp() - start);

    /// <summary>Records one step that took <paramref name="ticks"/> (any unit, the same for every step).</summary>
    internal void Record(long ticks)
    {
        _sinceSwitch++;
        if (_filled < 0) { _filled++; return; }
        double kept = _cost[Index(!Parallel)];
        _farSlower = _exploring && !double.IsNaN(kept) && ticks > GiveUpFactor * kept ? _farSlower + 1 : 0;
        if (_farSlower >= GiveUpSteps)
        {
            _cost[Index(Parallel)] = ticks;
            Switch(exploring: false);                                  // far slower: back at once
            _interval = Math.Min(MaxInterval, 2 * _interval);
            return;
        }
        _windowSum += ticks;
        _windowMax = Math.Max(_windowMax, ticks);
        if (++_filled < Window || _windowSum < _windowTicks) return;
        double cost = (double)(_windowSum - _windowMax) / (_filled - 1);
        _filled = 0;
        _windowSum = _windowMax = 0;
        _cost[Index(Parallel)] = cost;
        double other = _cost[Index(!Parallel)];
        if (_exploring)
        {
            if (cost < other) { _exploring = false; _interval = MinInterval; }   // the new mode wins: keep it
            else { Switch(exploring: false); _interval = Math.Min(MaxInterval, 2 * _interval); }
            return;
        }
        if ((double.IsNaN(other) && !_checkLater) || cost > Margin * other || _sinceSwitch >= _interval) Switch(exploring: true);
    }

    private void Switch(bool exploring)
    {
        Parallel = !Parallel;
        _exploring = exploring;
        _filled = -SettleSteps;
        _windowSum = _windowMax = 0;
        _sinceSwitch = 0;
        _farSlower = 0;
    }

    private static int Index(bool parallel) => parallel ? 1 : 0;
}
