namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>One multicast routing entry: packets with (key AND Mask) == Key leave by <see cref="Route"/>
/// (bits 0..5 links, 6..23 cores); <see cref="Sources"/> is the set of links packets arrive on (bit 6 = local).</summary>
/// <param name="Key">Key.</param>
/// <param name="Mask">Mask.</param>
/// <param name="Route">Route word.</param>
/// <param name="Sources">Arrival links (bits 0..5) and bit 6 for locally sourced packets.</param>
public sealed record RoutingEntry(uint Key, uint Mask, uint Route, uint Sources)
{
    /// <summary>Number of X (mask 0) bits.</summary>
    public int Generality => 32 - System.Numerics.BitOperations.PopCount(Mask);

    /// <summary>Whether some key matches both entries: (k1 AND m2) == (k2 AND m1).</summary>
    /// <param name="other">The other entry's key and mask.</param>
    /// <returns>True if they intersect.</returns>
    public bool Intersects(RoutingEntry other) => (Key & other.Mask) == (other.Key & Mask);

    /// <summary>Whether this entry matches <paramref name="key"/>.</summary>
    /// <param name="key">A packet key.</param>
    /// <returns>True if it matches.</returns>
    public bool Matches(uint key) => (key & Mask) == Key;
}
