using System.Diagnostics;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// Chooses, while a simulation runs, whether the parallel levels of a plan use the worker threads or
/// run on the calling thread. Both give bit-identical results, so the choice is only about speed: on a
/// quiet machine the workers win; on an oversubscribed one (other processes, test runners in parallel)
/// a worker may wait milliseconds for a core and the calling thread alone is faster. The tuner times
/// a short window of steps in each mode, keeps the faster, and re-checks the other mode after an
/// interval that doubles every time it loses again (up to <see cref="MaxInterval"/> steps).
/// </summary>
internal sealed class ParallelModeTuner
{
    private const int Window = 32;
    private const int MinInterval = 1024;
    private const int MaxInterval = 65_536;

    private int _interval = MinInterval;
    private int _steps;
    private long _ticks;
    private bool _exploring = true;
    private double _exploitCost = double.NaN;

    /// <summary>Whether the next step should use the worker threads.</summary>
    public bool Parallel { get; private set; } = true;

    /// <summary>The start time to pass to <see cref="Stepped"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Records one step that began at <paramref name="start"/> and switches mode when a window or interval ends.</summary>
    public void Stepped(long start)
    {
        _ticks += Stopwatch.GetTimestamp() - start;
        _steps++;
        if (_steps < (_exploring ? Window : _interval)) return;
        double cost = (double)_ticks / _steps;
        _ticks = 0;
        _steps = 0;
        if (!_exploring)
        {
            // The interval in the chosen mode is over: its average is the reference; try the other mode.
            _exploitCost = cost;
            _exploring = true;
            Parallel = !Parallel;
            return;
        }
        _exploring = false;
        if (double.IsNaN(_exploitCost))
        {
            // First window (parallel): measure the serial mode next before choosing.
            _exploitCost = cost;
            _exploring = true;
            Parallel = !Parallel;
            return;
        }
        if (cost < _exploitCost) _interval = MinInterval;            // the other mode is faster: keep it
        else { Parallel = !Parallel; _interval = Math.Min(MaxInterval, 2 * _interval); }
    }
}
