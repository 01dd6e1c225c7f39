using System.Numerics;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// Finds the bias copies the encoder product can do itself. An ensemble's step sets its input current
/// J = bias (a Copy), then adds the encoded input (J += E·x, a DotInc with read-only E and dense x). When
/// nothing else touches J in between, the DotInc kernel computes J = bias + E·x directly: the same value
/// (it adds the same products to the same bias), without the copy's pass over J, and inside the encoder
/// level, which runs in parallel, instead of the first one, which the joined copies keep on one thread.
/// </summary>
internal static class BiasFusion
{
    /// <summary>For each fusable DotInc (step-order index), the Copy (step-order index) whose source it starts from.</summary>
    /// <param name="model">The model.</param>
    /// <param name="panelRows">The fewest rows for which the DotInc kernel uses its panel path (the vector width).</param>
    /// <param name="isSpiking">Whether a signal is the output of spiking neurons (those products are spike gathers).</param>
    public static Dictionary<int, int> Find(Model model, int panelRows, Func<Signal, bool> isSpiking)
    {
        var order = model.StepOrder;
        var touching = new Dictionary<Signal, List<int>>(ReferenceEqualityComparer.Instance);
        var written = new HashSet<Signal>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            var op = order[i];
            foreach (var s in op.Sets.Concat(op.Incs).Concat(op.Reads).Concat(op.Updates).Select(s => s.Root).Distinct(ReferenceEqualityComparer.Instance).Cast<Signal>())
            {
                if (!touching.TryGetValue(s, out var list)) touching[s] = list = [];
                list.Add(i);
            }
            foreach (var s in op.Sets.Concat(op.Incs).Concat(op.Updates)) written.Add(s.Root);
        }
        var fused = new Dictionary<int, int>();
        foreach (var (j, users) in touching)
        {
            if (j.Base is not null) continue;
            int copy = users.FirstOrDefault(i => order[i] is Copy c && IsFullSet(c, j) && !written.Contains(c.Src.Root), -1);
            if (copy < 0) continue;
            // The first user after the copy, in level then step order, must be the encoder product; every other user comes later.
            var rest = users.Where(i => i != copy).OrderBy(i => model.StepLevels[i]).ThenBy(i => i).ToArray();
            if (rest.Length == 0 || order[rest[0]] is not DotInc d) continue;
            int level = model.StepLevels[rest[0]];
            bool encoder = ReferenceEquals(d.Y, j) && d.A.ReadOnly && d.A.Rows >= panelRows && !isSpiking(d.X) && !d.Reads.Any(s => ReferenceEquals(s.Root, j));
            bool alone = level > model.StepLevels[copy]
                && rest.Skip(1).All(i => model.StepLevels[i] > level || (model.StepLevels[i] == level && order[i].Reads.All(s => !ReferenceEquals(s.Root, j))));
            if (encoder && alone) fused[rest[0]] = copy;
        }
        return fused;
    }

    /// <summary>A plain, non-accumulating copy of a whole signal of the same size onto the whole of <paramref name="j"/>.</summary>
    private static bool IsFullSet(Copy c, Signal j) =>
        !c.Inc && c.SrcIndices is null && c.DstIndices is null && ReferenceEquals(c.Dst, j) && c.Src.Size == j.Size && c.Length == j.Size;
}
