using System.Diagnostics;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// Chooses, while a simulation runs, whether the parallel levels of a plan use the worker threads or
/// run on the calling thread. Both give bit-identical results, so the choice is only about speed: on a
/// quiet machine the workers win; on an oversubscribed one (other processes, test runners in parallel)
/// a worker may wait milliseconds for a core and the calling thread alone is faster. Starting on the
/// calling thread, the tuner times a short window of steps in each mode (the mean step without the
/// slowest one: stalls count, a single stray pause does not), keeps the faster, and re-checks the
/// other mode after an interval that doubles every time it loses again (up to <see cref="MaxInterval"/>
/// steps); one exploring step far slower than the reference ends the exploration at once. The first
/// steps (JIT, cold caches) are not measured.
/// </summary>
internal sealed class ParallelModeTuner
{
    private const int Window = 16;

    /// <summary>An exploring step this many times slower than the reference ends the exploration at once.</summary>
    private const double GiveUpFactor = 4;
    private const int MinInterval = 1024;
    private const int MaxInterval = 65_536;

    private const int WarmUp = 16;
    private const int SettleSteps = 2;

    private readonly double[] _window = new double[Window];
    private int _interval = MinInterval;
    private int _steps = -WarmUp;
    private bool _exploring = true;
    private double _exploitCost = double.NaN;

    /// <summary>Whether the next step should use the worker threads.</summary>
    public bool Parallel { get; private set; }

    /// <summary>The start time to pass to <see cref="Stepped"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Records one step that began at <paramref name="start"/> and switches mode when a window or interval ends.</summary>
    public void Stepped(long start)
    {
        long ticks = Stopwatch.GetTimestamp() - start;
        int step = _steps++;
        if (step < 0) return;                                        // warm-up, or the first steps after a switch
        if (_exploring && !double.IsNaN(_exploitCost) && ticks > GiveUpFactor * _exploitCost)
        {
            // Far slower (a worker waiting for a core): back to the reference mode without finishing the window.
            Parallel = !Parallel;
            _exploring = false;
            _steps = 0;
            _interval = Math.Min(MaxInterval, 2 * _interval);
            return;
        }
        int length = _exploring ? Window : _interval;
        if (step >= length - Window) _window[step - (length - Window)] = ticks;   // the window is the last steps of the span
        if (_steps < length) return;
        double cost = (_window.Sum() - _window.Max()) / (Window - 1);
        if (_exploring && !double.IsNaN(_exploitCost))
        {
            _exploring = false;
            _steps = 0;
            if (cost < _exploitCost) _interval = MinInterval;        // the other mode is faster: keep it
            else { Parallel = !Parallel; _interval = Math.Min(MaxInterval, 2 * _interval); }
            return;
        }
        // A span in the chosen mode (or the very first window) is over: it is the reference; try the other mode.
        _exploitCost = cost;
        _exploring = true;
        _steps = -SettleSteps;
        Parallel = !Parallel;
    }
}
