using System.Runtime.CompilerServices;
namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// A fixed set of worker threads that run one job per call of <see cref="Run"/>, with a barrier before
/// and after: no allocation per call, so it can be used on every step.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Barrier _start, _end;
    private readonly Thread[] _threads;
    private Action<int>? _job;
    private volatile bool _stopping;
    private Exception? _failure;

    public WorkerPool(int workers)
    {
        Workers = Math.Max(1, workers);
        _start = new Barrier(Workers);
        _end = new Barrier(Workers);
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
        _start.SignalAndWait();
        try { job(0); }
        catch (Exception e) { _failure ??= e; }
        _end.SignalAndWait();
        _job = null;
        if (_failure is { } f) { _failure = null; System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(f); }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop(int index)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping) return;
            try { _job!(index); }
            catch (Exception e) { _failure ??= e; }
            _end.SignalAndWait();
        }
    }

    public void Dispose()
    {
        if (Workers == 1 || _stopping) return;
        _stopping = true;
        _start.SignalAndWait();
        foreach (var t in _threads) t.Join();
        _start.Dispose();
        _end.Dispose();
    }
}
