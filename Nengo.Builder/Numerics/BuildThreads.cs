namespace Nengo.Builder.Numerics;

/// <summary>
/// Whether the numerics may start parallel loops of their own: not on a thread that is already one of the workers of
/// a parallel loop over independent solves (<see cref="Builders.DecoderSolving"/>). A nested loop there only makes its
/// caller wait, spinning, for pieces that the other workers, busy with their own solves, pick up late.
/// </summary>
internal static class BuildThreads
{
    [ThreadStatic] private static bool _inParallelLoop;

    /// <summary>False while the current thread runs a body of a parallel loop given to <see cref="AsWorker"/>.</summary>
    public static bool MayParallelize => !_inParallelLoop;

    /// <summary>Runs <paramref name="body"/> as one worker of a parallel loop: the numerics it calls stay on this thread.</summary>
    /// <param name="body">The loop body.</param>
    public static void AsWorker(Action body)
    {
        bool outer = _inParallelLoop;
        _inParallelLoop = true;
        try { body(); }
        finally { _inParallelLoop = outer; }
    }
}
