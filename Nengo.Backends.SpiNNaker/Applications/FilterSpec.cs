namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// One input filter of a core and the packets it accepts (SPINNAKER.md §4.5): a low-pass (or none, tau = 0 and
/// <see cref="IsNone"/>), its width, whether it latches, and the (key, mask) filter routes feeding it.
/// </summary>
/// <param name="Tau">Low-pass time constant (s); ignored when <see cref="IsNone"/>.</param>
/// <param name="Width">Input width.</param>
/// <param name="Latching">Keep the last input instead of clearing it each tick (SDP receivers).</param>
/// <param name="Routes">Routing entries (key, mask, dimension mask) feeding this filter.</param>
/// <param name="IsNone">A pass-through filter (kind 0).</param>
public sealed record FilterSpec(double Tau, int Width, bool Latching, IReadOnlyList<(uint Key, uint Mask, uint DimMask)> Routes, bool IsNone = false)
{
    /// <summary>The filter region: u32 count, then per filter a 4-word header (parameter words, kind, width, flags) and parameters.</summary>
    /// <param name="filters">The filters.</param>
    /// <param name="dt">Time step (s).</param>
    /// <returns>The region's words.</returns>
    public static List<int> FilterRegion(IReadOnlyList<FilterSpec> filters, double dt)
    {
        var w = new List<int> { filters.Count };
        foreach (var f in filters)
        {
            if (f.IsNone) { w.AddRange([0, 0, f.Width, f.Latching ? 1 : 0]); continue; }
            double a = f.Tau > 0 ? Math.Exp(-dt / f.Tau) : 0.0;
            w.AddRange([2, 1, f.Width, f.Latching ? 1 : 0, FixedPoint.ToFixed(a), FixedPoint.ToFixed(1 - a)]);
        }
        return w;
    }

    /// <summary>The filter-routing region: u32 count, then (key, mask, dimension mask, filter index) per entry.</summary>
    /// <param name="filters">The filters.</param>
    /// <returns>The region's words.</returns>
    public static List<int> RoutingRegion(IReadOnlyList<FilterSpec> filters)
    {
        var w = new List<int> { filters.Sum(f => f.Routes.Count) };
        for (int i = 0; i < filters.Count; i++)
            foreach (var (k, m, d) in filters[i].Routes) w.AddRange([(int)k, (int)m, (int)d, i]);
        return w;
    }
}
