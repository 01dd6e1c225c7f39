using System.Runtime.CompilerServices;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// A fixed set of worker threads that run one job per call of <see cref="Run"/> and return when all are
/// done. Levels of one step follow each other within microseconds, so workers spin on a generation
/// counter for a short while before they sleep on an event, and the caller spins on a completion count:
/// a hand-over costs well under a microsecond while a simulation runs, and idle workers cost nothing.
/// No allocation per call.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    /// <summary>Spin iterations (tens of microseconds) a worker waits for the next job before it sleeps.</summary>
    private const int SpinsBeforeSleep = 4_000;

    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim _wake = new(false);
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
        _wake.Reset();
        Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleepers) > 0) _wake.Set();
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
            int spins = 0;
            while (Volatile.Read(ref _generation) == seen && !_stopping)
            {
                if (++spins < SpinsBeforeSleep) { Thread.SpinWait(1); continue; }
                Interlocked.Increment(ref _sleepers);
                if (Volatile.Read(ref _generation) == seen && !_stopping) _wake.Wait();
                Interlocked.Decrement(ref _sleepers);
                spins = 0;
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
        _wake.Set();
        foreach (var t in _threads) t.Join();
        _wake.Dispose();
    }
}
