namespace Nengo.Backends.SpiNNaker.Emulation;

/// <summary>
/// A chip's multicast router: 1024 (key, mask, route) entries; a packet matches entry i when
/// (key AND mask_i) == key_i and the lowest matching index wins (SPINNAKER.md §1.3). Route bits 0..5 are links,
/// 6..23 cores. Unused entries never match (key 0xFFFFFFFF, mask 0).
/// </summary>
public sealed class RouterTable
{
    /// <summary>Entries per chip.</summary>
    public const int Capacity = 1024;

    private readonly uint[] _key = new uint[Capacity], _mask = new uint[Capacity], _route = new uint[Capacity];
    private readonly bool[] _used = new bool[Capacity];
    private readonly byte[] _app = new byte[Capacity];

    /// <summary>Creates an empty table.</summary>
    public RouterTable() { for (int i = 0; i < Capacity; i++) Clear(i); }

    /// <summary>Sets entry <paramref name="index"/>.</summary>
    /// <param name="index">0..1023.</param>
    /// <param name="key">Key.</param>
    /// <param name="mask">Mask.</param>
    /// <param name="route">Route word.</param>
    public void Set(int index, uint key, uint mask, uint route) { _key[index] = key; _mask[index] = mask; _route[index] = route; }

    /// <summary>Makes entry <paramref name="index"/> never match.</summary>
    /// <param name="index">0..1023.</param>
    public void Clear(int index) { _key[index] = 0xFFFFFFFF; _mask[index] = 0; _route[index] = 0xFF000000; }

    /// <summary>The route of the first entry matching <paramref name="key"/>, or null.</summary>
    /// <param name="key">The packet key.</param>
    /// <returns>The route word or null.</returns>
    public uint? Lookup(uint key)
    {
        for (int i = 0; i < Capacity; i++)
            if ((key & _mask[i]) == _key[i]) return _route[i];
        return null;
    }

    /// <summary>Allocates <paramref name="count"/> contiguous entries (never index 0) for <paramref name="appId"/>.</summary>
    /// <param name="count">Entries.</param>
    /// <param name="appId">Owner.</param>
    /// <returns>The first index, or 0 on failure.</returns>
    public int Allocate(int count, byte appId)
    {
        if (count <= 0) return 0;
        for (int start = 1; start + count <= Capacity; start++)
        {
            int run = 0;
            while (run < count && !_used[start + run]) run++;
            if (run == count)
            {
                for (int i = start; i < start + count; i++) { _used[i] = true; _app[i] = appId; }
                return start;
            }
            start += run;
        }
        return 0;
    }

    /// <summary>Frees (and clears) every entry of <paramref name="appId"/>.</summary>
    /// <param name="appId">Owner.</param>
    public void FreeApp(byte appId)
    {
        for (int i = 1; i < Capacity; i++) if (_used[i] && _app[i] == appId) { _used[i] = false; Clear(i); }
    }

    /// <summary>The largest free contiguous block (what INFO reports).</summary>
    public int LargestFreeBlock
    {
        get
        {
            int best = 0, run = 0;
            for (int i = 1; i < Capacity; i++) { run = _used[i] ? 0 : run + 1; best = Math.Max(best, run); }
            return best;
        }
    }
}
