using System.Numerics;
using Nengo.Backends.Cpu.Kernels;
using Nengo.Backends.Cpu.Memory;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// Runs the many tiny Reset and block Copy operators of a level (one per ensemble and connection in arrays of
/// ensembles) as one kernel each, joining those that <see cref="ArenaLayout"/> made adjacent. The
/// joined operations compute exactly what the operators compute one after the other.
/// </summary>
internal static class OperatorBatching
{
    /// <summary>
    /// A copy of one contiguous block: without index lists, or with lists of consecutive ascending indices (a
    /// connection into a slice of its post object, such as one dimension of a Node); the blocks start at these
    /// element offsets within the source and the destination.
    /// </summary>
    public static bool IsBlock(Copy c, out int srcFirst, out int dstFirst)
    {
        srcFirst = dstFirst = 0;
        if (!Consecutive(c.SrcIndices) || !Consecutive(c.DstIndices)) return false;
        if (c.SrcIndices is { Count: > 0 } si) srcFirst = si[0];
        if (c.DstIndices is { Count: > 0 } di) dstFirst = di[0];
        return true;
    }

    /// <inheritdoc cref="IsBlock(Copy, out int, out int)"/>
    public static bool IsBlock(Copy c) => IsBlock(c, out _, out _);

    private static bool Consecutive(IReadOnlyList<int>? indices)
    {
        if (indices is null) return true;
        for (int k = 1; k < indices.Count; k++) if (indices[k] != indices[0] + k) return false;
        return true;
    }

    /// <summary>The batch kernels of every level with two or more Resets or block Copies, and the step-order indices they replace.</summary>
    public static List<PlannedKernel> Batches<T>(Model model, SignalStore<T> store, HashSet<int> consumed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new List<PlannedKernel>();
        foreach (var level in Enumerable.Range(0, model.StepOrder.Count).Where(i => !consumed.Contains(i)).GroupBy(i => model.StepLevels[i]))
        {
            int[] resets = level.Where(i => model.StepOrder[i] is Reset).ToArray();
            if (resets.Length > 1)
            {
                var fills = new List<(int Start, int Length, double Value)>();
                foreach (var r in resets.Select(i => (Reset)model.StepOrder[i]).Select(r => (Start: store.OffsetOf(r.Dst), r.Dst.Size, r.Value)).OrderBy(f => f.Start))
                {
                    if (fills.Count > 0 && fills[^1].Start + fills[^1].Length == r.Start && fills[^1].Value.Equals(r.Value))
                        fills[^1] = (fills[^1].Start, fills[^1].Length + r.Size, r.Value);
                    else fills.Add(r);
                }
                result.Add(new PlannedKernel(new ResetBatchKernel<T>(store.Arena, [.. fills.Select(f => (f.Start, f.Length, T.CreateTruncating(f.Value)))]), level.Key, resets[0],
                    fills.Select(f => (f.Start, f.Length)).ToArray(), fills.Sum(f => (long)f.Length), "Reset"));
                consumed.UnionWith(resets);
            }
            int[] copies = level.Where(i => model.StepOrder[i] is Copy c && IsBlock(c)).ToArray();
            if (copies.Length > 1)
            {
                var runs = new List<(int Src, int Dst, int Length, bool Inc)>();
                foreach (var c in copies.Select(i => (Copy)model.StepOrder[i]))
                {
                    IsBlock(c, out int srcFirst, out int dstFirst);
                    var next = (Src: store.OffsetOf(c.Src) + srcFirst, Dst: store.OffsetOf(c.Dst) + dstFirst, c.Length, c.Inc);
                    if (runs.Count > 0 && Joinable(runs[^1], next))
                        runs[^1] = (runs[^1].Src, runs[^1].Dst, runs[^1].Length + next.Length, next.Inc);
                    else runs.Add(next);
                }
                result.Add(new PlannedKernel(new CopyBatchKernel<T>(store.Arena, [.. runs]), level.Key, copies[0],
                    runs.Select(r => (r.Dst, r.Length)).ToArray(), runs.Sum(r => 2L * r.Length), "Copy"));
                consumed.UnionWith(copies);
            }
        }
        return result;
    }

    /// <summary>Whether <paramref name="next"/> continues <paramref name="run"/> at both ends, with the joined target clear of the joined source.</summary>
    private static bool Joinable((int Src, int Dst, int Length, bool Inc) run, (int Src, int Dst, int Length, bool Inc) next)
    {
        if (run.Inc != next.Inc || run.Src + run.Length != next.Src || run.Dst + run.Length != next.Dst) return false;
        int n = run.Length + next.Length;
        return run.Dst + n <= run.Src || run.Src + n <= run.Dst;
    }
}
