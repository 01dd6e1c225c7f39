namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>
/// Routing-table minimisation as rig does it (SPINNAKER.md §3.7): keep a table already below the target; else remove
/// default-routable entries; else ordered covering (merge entries with equal routes, insert each merge above the
/// entries of equal generality, reject merges that would capture keys of entries below them and drop members that
/// an entry between them and the insertion point intersects), then default-route removal again.
/// </summary>
/// <remarks>
/// Deviation: where rig's down-check shrinks a covering merge bit by bit, this abandons that candidate and tries the
/// next route set; the result is still exact (every key routes as before), possibly less compact.
/// </remarks>
public static class TableMinimiser
{
    /// <summary>Minimises <paramref name="table"/> to at most <paramref name="target"/> entries.</summary>
    /// <param name="table">Orthogonal entries.</param>
    /// <param name="target">The largest free router block the chip reports.</param>
    /// <param name="chip">Chip name for the error.</param>
    /// <returns>The minimised table, in priority order.</returns>
    /// <exception cref="BuildError">When the table cannot be made to fit.</exception>
    public static List<RoutingEntry> Minimise(IReadOnlyList<RoutingEntry> table, int target, string chip)
    {
        if (table.Count < target) return [.. table];
        var t = RemoveDefaultRoutes(table);
        if (t.Count <= target) return t;
        t = OrderedCovering(table, target);
        t = RemoveDefaultRoutes(t);
        if (t.Count > target) throw new BuildError($"Routing table of chip {chip} has {t.Count} entries after minimisation; only {target} are free.");
        return t;
    }

    /// <summary>Drops entries that default routing already handles: one arrival link, one target link opposite it, nothing below intersecting.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The reduced table.</returns>
    public static List<RoutingEntry> RemoveDefaultRoutes(IReadOnlyList<RoutingEntry> table)
    {
        var result = new List<RoutingEntry>();
        for (int i = 0; i < table.Count; i++)
        {
            var e = table[i];
            bool oneSource = System.Numerics.BitOperations.PopCount(e.Sources) == 1 && e.Sources < 64;
            bool oneLink = System.Numerics.BitOperations.PopCount(e.Route) == 1 && e.Route < 64;
            bool straight = oneSource && oneLink && e.Route == 1u << ((System.Numerics.BitOperations.TrailingZeroCount(e.Sources) + 3) % 6);
            if (straight && !table.Skip(i + 1).Any(o => o.Intersects(e))) continue;
            result.Add(e);
        }
        return result;
    }

    private static List<RoutingEntry> OrderedCovering(IReadOnlyList<RoutingEntry> input, int target)
    {
        var t = input.OrderBy(e => e.Generality).ToList();
        var aliases = new Dictionary<(uint, uint), List<RoutingEntry>>();
        IEnumerable<RoutingEntry> Originals(RoutingEntry e) => aliases.TryGetValue((e.Key, e.Mask), out var a) ? a : [e];
        while (t.Count > target)
        {
            RoutingEntry? bestMerge = null; List<RoutingEntry>? bestSet = null; int bestAt = -1;
            foreach (var route in t.Select(e => e.Route).Distinct())
            {
                var set = t.Where(e => e.Route == route).ToList();
                if (set.Count < 2 || (bestSet is not null && set.Count <= bestSet.Count)) continue;
                while (set.Count >= 2)
                {
                    var merged = Merge(set);
                    int at = t.FindIndex(e => e.Generality >= merged.Generality);
                    if (at < 0) at = t.Count;
                    // Down-check: the merge must not capture keys of any non-member at or below its insertion point.
                    // Merged entries below stand only for their original keys (their aliases), so only those count.
                    bool covers = t.Skip(at).Where(e => !set.Contains(e)).SelectMany(Originals).Any(o => o.Intersects(merged));
                    if (covers) { set = Shrink(set); continue; }
                    // Up-check: a member intersected by an entry between it and the insertion point must stay put.
                    var blocked = set.Where(m => { int mi = t.IndexOf(m); return mi < at && t.Skip(mi + 1).Take(at - mi - 1).Any(o => !set.Contains(o) && o.Intersects(m)); }).ToList();
                    if (blocked.Count > 0) { set = set.Except(blocked).ToList(); continue; }
                    if (bestSet is null || set.Count > bestSet.Count) { bestMerge = merged; bestSet = set; bestAt = at; }
                    break;
                }
            }
            if (bestSet is null || bestMerge is null) break;
            int removedAbove = bestSet.Count(m => t.IndexOf(m) < bestAt);
            aliases[(bestMerge.Key, bestMerge.Mask)] = bestSet.SelectMany(Originals).ToList();
            foreach (var m in bestSet) t.Remove(m);
            t.Insert(bestAt - removedAbove, bestMerge);
        }
        return t;
    }

    /// <summary>Shrinks a covering merge: split it on the highest bit all members define but disagree on.</summary>
    private static List<RoutingEntry> Shrink(List<RoutingEntry> set)
    {
        // Split the set on the highest bit that is defined in every member but disagrees; keep the bigger half.
        var merged = Merge(set);
        for (int bit = 31; bit >= 0; bit--)
        {
            uint b = 1u << bit;
            if ((merged.Mask & b) != 0 || set.Any(e => (e.Mask & b) == 0)) continue;
            var ones = set.Where(e => (e.Key & b) != 0).ToList();
            var zeros = set.Where(e => (e.Key & b) == 0).ToList();
            return ones.Count >= zeros.Count ? ones : zeros;
        }
        return set.Take(set.Count - 1).ToList();
    }

    private static RoutingEntry Merge(IReadOnlyList<RoutingEntry> set)
    {
        uint any1 = 0, all1 = 0xFFFFFFFF, mask = 0xFFFFFFFF, sources = 0;
        foreach (var e in set) { mask &= e.Mask; any1 |= e.Key; all1 &= e.Key; sources |= e.Sources; }
        uint defined = mask & ~(any1 ^ all1); // defined in every entry and every key agrees
        return new RoutingEntry(all1 & defined, defined, set[0].Route, sources);
    }
}
