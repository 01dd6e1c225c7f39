using Nengo.Builder.Numerics;

namespace Nengo.Builder.Caching;

/// <summary>
/// An on-disk cache of solved decoders, off unless one is given to the builder (or the environment variable
/// <see cref="EnvironmentVariable"/> names a directory). A hit returns the bit-identical solver result and skips
/// the tuning curves and the solve.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.cache.DecoderCache</c>. Entries are keyed by a SHA-256 of everything that
/// determines the decoders (<see cref="DecoderCacheKey"/>): the solver and its parameters, its implementation,
/// the neuron type and its parameters, the radius, the gains, biases, encoders, eval points and targets (the
/// arrays themselves) and the connection's seed.</para>
/// <para>Safe across processes: an entry is written to a unique temporary file and renamed into place, so a
/// reader sees either nothing or a whole file. Every file carries its key and a checksum; a truncated or
/// corrupt file is ignored (counted in <see cref="Corrupt"/>), deleted, and overwritten by the recomputed
/// result. When the entries exceed <see cref="MaxBytes"/>, the least recently used ones are deleted (a hit
/// refreshes an entry's time).</para>
/// </remarks>
public sealed class DecoderCache
{
    /// <summary>The environment variable that turns the cache on for every build without an explicit cache: a directory.</summary>
    public const string EnvironmentVariable = "NENGO_DECODER_CACHE";

    /// <summary>The default size bound, 512 MiB.</summary>
    public const long DefaultMaxBytes = 512L << 20;

    private long _hits, _misses, _corrupt;

    /// <summary>Opens (and creates if needed) a cache in <paramref name="directory"/>.</summary>
    /// <param name="directory">Where the entries live.</param>
    /// <param name="maxBytes">The most bytes of entries to keep (at least 1 MiB).</param>
    /// <exception cref="ValidationError">When the directory is empty or maxBytes is below 1 MiB.</exception>
    /// <exception cref="BuildError">When the directory cannot be created.</exception>
    public DecoderCache(string directory, long maxBytes = DefaultMaxBytes)
    {
        Check.That(!string.IsNullOrWhiteSpace(directory), nameof(DecoderCache), nameof(directory), "must name a directory", directory);
        Check.That(maxBytes >= 1L << 20, nameof(DecoderCache), nameof(maxBytes), "must be at least 1 MiB (1048576)", maxBytes);
        try { Directory = System.IO.Directory.CreateDirectory(directory).FullName; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BuildError($"{nameof(DecoderCache)}: cannot create the cache directory '{directory}': {e.Message}", e);
        }
        MaxBytes = maxBytes;
    }

    /// <summary>The cache directory (full path).</summary>
    public string Directory { get; }

    /// <summary>The size bound of the entries in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Lookups that found a valid entry.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that found none (including corrupt entries).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries found truncated or corrupt (and then recomputed).</summary>
    public long Corrupt => Interlocked.Read(ref _corrupt);

    /// <summary>The cache named by <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    /// <returns>The cache or null.</returns>
    /// <exception cref="BuildError">When the directory cannot be created.</exception>
    public static DecoderCache? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir ? new DecoderCache(dir) : null;

    /// <summary>Deletes every entry.</summary>
    public void Clear()
    {
        foreach (var file in Entries()) TryDelete(file.FullName);
    }

    internal bool TryGet(byte[] key, int rows, int cols, out SolverResult result)
    {
        string path = PathOf(key);
        switch (DecoderCacheFile.TryRead(path, key, rows, cols, out result!))
        {
            case DecoderCacheFile.ReadStatus.Ok:
                Interlocked.Increment(ref _hits);
                try { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                return true;
            case DecoderCacheFile.ReadStatus.Corrupt:
                Interlocked.Increment(ref _corrupt);
                TryDelete(path);
                break;
        }
        Interlocked.Increment(ref _misses);
        return false;
    }

    internal void Put(byte[] key, SolverResult result)
    {
        string path = PathOf(key);
        string temp = Path.Combine(Directory, $"{Convert.ToHexString(key)}.{Guid.NewGuid():N}.tmp");
        try
        {
            DecoderCacheFile.Write(temp, key, result);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp); // a cache that cannot be written only costs time
            return;
        }
        Evict();
    }

    private string PathOf(byte[] key) => Path.Combine(Directory, Convert.ToHexString(key) + DecoderCacheFile.Extension);

    private IEnumerable<FileInfo> Entries()
    {
        try { return new DirectoryInfo(Directory).GetFiles("*" + DecoderCacheFile.Extension); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    // Least recently used first until the entries fit (other processes may delete the same files).
    private void Evict()
    {
        var files = Entries().ToList();
        long total = files.Sum(f => f.Length);
        if (total <= MaxBytes) return;
        foreach (var file in files.OrderBy(f => f.LastWriteTimeUtc))
        {
            if (total <= MaxBytes) break;
            total -= file.Length;
            TryDelete(file.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
