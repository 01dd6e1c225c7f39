using System.Runtime.CompilerServices;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// A fixed set of worker threads that run one job per call of <see cref="Run"/> and return when all are
/// done. Levels of one step follow each other within microseconds, so workers spin on a generation
/// counter for a short while before they sleep on a semaphore, and the caller spins on a completion count:
/// a hand-over costs well under a microsecond while a simulation runs, and idle workers cost nothing.
/// No allocation per call.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    /// <summary>How long (0.5 ms) a worker spins for the next job before it sleeps: longer than the serial work between two parallel levels of a step.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 2000;

    private readonly Thread[] _threads;
    private readonly SemaphoreSlim _wake = new(0);
    private Action<int>? _job;
    private int _generation, _done, _sleepers;
    private volatile bool _stopping;
    private Exception? _failure;

    public WorkerPool(int workers)
    {
        Workers = Math.Max(1, workers);
        _threads = new Thread[Workers - 1];
        for (int i = 0; i < _threads.Length; i++)
        {
            int index = i + 1;
            _threads[i] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"NengoSharp CPU worker {index}" };
            _threads[i].Start();
        }
    }

    /// <summary>The number of parallel workers, the calling thread included.</summary>
    public int Workers { get; }

    /// <summary>Runs <paramref name="job"/>(w) for every worker index w in parallel; returns when all are done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(Action<int> job)
    {
        if (Workers == 1) { job(0); return; }
        _job = job;
        Volatile.Write(ref _done, 0);
        Interlocked.Increment(ref _generation);
        // Every worker that announced it sleeps gets a permit (one that saw the new generation in time
        // leaves a spare permit behind: it costs one spurious wake-up later, never a lost one).
        int sleepers = Interlocked.Exchange(ref _sleepers, 0);
        if (sleepers > 0) _wake.Release(sleepers);
        try { job(0); }
        catch (Exception e) { Interlocked.CompareExchange(ref _failure, e, null); }
        var spin = new SpinWait();
        while (Volatile.Read(ref _done) < _threads.Length) spin.SpinOnce(sleep1Threshold: -1);
        _job = null;
        if (_failure is { } f) { _failure = null; System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(f); }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop(int index)
    {
        int seen = 0;
        while (true)
        {
            long since = System.Diagnostics.Stopwatch.GetTimestamp();
            int spins = 0;
            while (Volatile.Read(ref _generation) == seen && !_stopping)
            {
                Thread.SpinWait(1);
                if ((++spins & 63) != 0 || System.Diagnostics.Stopwatch.GetTimestamp() - since < SpinTicks) continue;
                Interlocked.Increment(ref _sleepers);
                if (Volatile.Read(ref _generation) == seen && !_stopping) _wake.Wait();
                since = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            if (_stopping) return;
            seen = Volatile.Read(ref _generation);
            try { _job!(index); }
            catch (Exception e) { Interlocked.CompareExchange(ref _failure, e, null); }
            Interlocked.Increment(ref _done);
        }
    }

    public void Dispose()
    {
        if (Workers == 1 || _stopping) return;
        _stopping = true;
        _wake.Release(_threads.Length);
        foreach (var t in _threads) t.Join();
        _wake.Dispose();
    }
}
