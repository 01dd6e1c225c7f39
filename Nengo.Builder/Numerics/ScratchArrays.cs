namespace Nengo.Builder.Numerics;

/// <summary>
/// Large double arrays of exact lengths, reused within one build: the tuning curves and Gram matrices of the decoder
/// solves. Allocated one by one they go to the large-object heap, where each is zeroed, touches fresh pages and soon
/// triggers a blocking gen-2 collection (a circconv build allocated 285 MB and paused 70 ms in 12 gen-2 collections);
/// the solves of one build mostly have the same few shapes, so a handful of arrays serve them all.
/// </summary>
/// <remarks>
/// The pool belongs to a <see cref="Scope"/> (a build) and flows to the tasks it starts; it is dropped when the scope
/// ends. Outside a scope <see cref="Rent"/> allocates and <see cref="Return"/> does nothing. A rented array holds
/// whatever its last user left in it; an array may be returned only when nothing reads it any more.
/// </remarks>
internal static class ScratchArrays
{
    /// <summary>Shorter arrays are not pooled: the small-object heap serves them well.</summary>
    public const int MinLength = 8192;

    /// <summary>The most a scope keeps for reuse.</summary>
    private const long MaxPooledBytes = 1L << 30;

    private static readonly AsyncLocal<Pool?> Current = new();

    /// <summary>Starts a pool for the current thread and the tasks it starts, until the result is disposed.</summary>
    /// <returns>The scope; dispose it on the thread that started it.</returns>
    public static IDisposable Scope()
    {
        var previous = Current.Value;
        Current.Value = new Pool();
        return new Exit(previous);
    }

    /// <summary>An array of exactly <paramref name="length"/> values, with arbitrary contents.</summary>
    /// <param name="length">The length.</param>
    /// <returns>A pooled array, or a new one (not zeroed).</returns>
    public static double[] Rent(int length) =>
        length >= MinLength && Current.Value is { } pool ? pool.Rent(length) : GC.AllocateUninitializedArray<double>(length);

    /// <summary>Gives an array back for reuse; nothing may read or write it afterwards.</summary>
    /// <param name="array">The array (null and short arrays are ignored).</param>
    public static void Return(double[]? array)
    {
        if (array is { Length: >= MinLength } && Current.Value is { } pool) pool.Return(array);
    }

    // Lock-free: a thread that holds a lock and is preempted makes the other spin.
    private sealed class Pool
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Collections.Concurrent.ConcurrentStack<double[]>> _free = [];
        private long _bytes;

        public double[] Rent(int length)
        {
            if (_free.TryGetValue(length, out var stack) && stack.TryPop(out var array))
            {
                Interlocked.Add(ref _bytes, -8L * length);
                return array;
            }
            return GC.AllocateUninitializedArray<double>(length);
        }

        public void Return(double[] array)
        {
            if (Interlocked.Add(ref _bytes, 8L * array.Length) > MaxPooledBytes)
            {
                Interlocked.Add(ref _bytes, -8L * array.Length);
                return;
            }
            _free.GetOrAdd(array.Length, _ => new System.Collections.Concurrent.ConcurrentStack<double[]>()).Push(array);
        }
    }

    private sealed class Exit(Pool? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
