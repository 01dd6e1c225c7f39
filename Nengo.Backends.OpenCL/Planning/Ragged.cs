namespace Nengo.Backends.OpenCL.Planning;

/// <summary>
/// Blocks for ragged elementwise launches: every item (a population, a filtered signal) is cut into
/// blocks of <see cref="Block"/> elements and work-item g handles element g mod Block of block g / Block,
/// so populations of 10 and of 100 000 neurons share one launch (nengo_ocl's "blockify").
/// </summary>
internal static class Ragged
{
    /// <summary>Elements per block; must equal BLOCK in Common.cl.</summary>
    public const int Block = 64;

    /// <summary>The (item, first element) pair of every block of items of the given lengths.</summary>
    /// <param name="lengths">Elements per item.</param>
    /// <returns>2 ints per block.</returns>
    public static int[] Blocks(IReadOnlyList<int> lengths)
    {
        var blocks = new List<int>();
        for (int k = 0; k < lengths.Count; k++)
            for (int start = 0; start < lengths[k]; start += Block) { blocks.Add(k); blocks.Add(start); }
        return [.. blocks];
    }
}
