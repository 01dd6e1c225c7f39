using System.Buffers.Binary;

namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// A vertex's SDRAM block (SPINNAKER.md §4.3): a table of byte offsets, one u32 per region index 0..max (index 0
/// unused), then the regions in index order, each padded to whole words. Region n starts at base + table[n].
/// </summary>
public sealed class RegionImage
{
    private readonly SortedDictionary<int, byte[]> _regions = [];

    /// <summary>Sets region <paramref name="index"/> to <paramref name="bytes"/> (padded to words on layout).</summary>
    /// <param name="index">Region index ≥ 1.</param>
    /// <param name="bytes">Its contents.</param>
    /// <returns>This image.</returns>
    public RegionImage Set(int index, byte[] bytes) { _regions[index] = bytes; return this; }

    /// <summary>Sets region <paramref name="index"/> to little-endian words.</summary>
    /// <param name="index">Region index ≥ 1.</param>
    /// <param name="words">The words.</param>
    /// <returns>This image.</returns>
    public RegionImage SetWords(int index, IEnumerable<int> words) => Set(index, Words(words));

    /// <summary>Reserves a zeroed region (recordings).</summary>
    /// <param name="index">Region index ≥ 1.</param>
    /// <param name="bytes">Its size.</param>
    /// <returns>This image.</returns>
    public RegionImage Reserve(int index, int bytes) => Set(index, new byte[bytes]);

    /// <summary>Largest region index set (the table has this + 1 entries).</summary>
    public int MaxIndex => _regions.Count == 0 ? 0 : _regions.Keys.Max();

    /// <summary>Byte offset of region <paramref name="index"/> from the block base.</summary>
    /// <param name="index">Region index.</param>
    /// <returns>The offset.</returns>
    public int OffsetOf(int index)
    {
        int off = 4 * (MaxIndex + 1);
        foreach (var (i, b) in _regions) { if (i == index) return off; off += Pad(b.Length); }
        throw new KeyNotFoundException($"Region {index} is not set.");
    }

    /// <summary>Total size in bytes.</summary>
    public int Size => 4 * (MaxIndex + 1) + _regions.Values.Sum(b => Pad(b.Length));

    /// <summary>Lays out the block.</summary>
    /// <returns>Table plus regions.</returns>
    public byte[] ToBytes()
    {
        var result = new byte[Size];
        int off = 4 * (MaxIndex + 1);
        foreach (var (i, b) in _regions)
        {
            BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(4 * i), off);
            b.CopyTo(result, off);
            off += Pad(b.Length);
        }
        return result;
    }

    /// <summary>Packs words little-endian.</summary>
    /// <param name="words">The words.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Words(IEnumerable<int> words)
    {
        var list = words as IList<int> ?? words.ToList();
        var b = new byte[4 * list.Count];
        for (int i = 0; i < list.Count; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 * i), list[i]);
        return b;
    }

    private static int Pad(int n) => (n + 3) & ~3;
}
