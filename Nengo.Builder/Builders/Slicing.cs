using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Turns index selections into signal views (contiguous) or gathered copies (anything else).</summary>
internal static class Slicing
{
    /// <summary>The selected part of <paramref name="full"/>: itself, a view, or a new signal set by a Copy each step.</summary>
    public static Signal Select(BuildContext ctx, Signal full, IReadOnlyList<int>? indices, string tag)
    {
        if (indices is null || (indices.Count == full.Size && IsRun(indices) && indices[0] == 0)) return full;
        if (IsRun(indices)) return full.View(indices[0], indices.Count);
        var gathered = Signal.Zeros($"{full.Name}[…]", indices.Count);
        ctx.Add(new Copy(full, gathered, srcIndices: indices.ToArray(), tag: tag));
        return gathered;
    }

    /// <summary>True if the indices are start, start+1, ….</summary>
    public static bool IsRun(IReadOnlyList<int> indices)
    {
        for (int i = 1; i < indices.Count; i++) if (indices[i] != indices[0] + i) return false;
        return indices.Count > 0;
    }
}
