namespace Nengo.Builder.Builders;

/// <summary>
/// Resolves parameters left unset: the object's own value, else the nearest enclosing network whose
/// <see cref="Network.Defaults"/> sets it, else Nengo's library default (NEF.md §1.2, §4).
/// </summary>
internal static class Defaults
{
    public static T? Find<T>(NengoObject obj, Func<NetworkDefaults, T?> get) where T : class
    {
        for (Network? n = obj as Network ?? obj.Network; n is not null; n = n.Network)
            if (get(n.Defaults) is { } v) return v;
        return null;
    }

    public static T? FindValue<T>(NengoObject obj, Func<NetworkDefaults, T?> get) where T : struct
    {
        for (Network? n = obj as Network ?? obj.Network; n is not null; n = n.Network)
            if (get(n.Defaults) is { } v) return v;
        return null;
    }

    public static Synapse? ConnectionSynapse(Connection c)
    {
        if (c.Synapse.IsSet) return c.Synapse.Value;
        for (Network? n = c.Network; n is not null; n = n.Network)
            if (n.Defaults.Connection.Synapse.IsSet) return n.Defaults.Connection.Synapse.Value;
        return new Lowpass(0.005);
    }

    public static Synapse? ProbeSynapse(Probe p)
    {
        if (p.Synapse.IsSet) return p.Synapse.Value;
        for (Network? n = p.Network; n is not null; n = n.Network)
            if (n.Defaults.Probe.Synapse.IsSet) return n.Defaults.Probe.Synapse.Value;
        return null;
    }

    public static Solver ConnectionSolver(Connection c) => c.Solver ?? Find(c, d => d.Connection.Solver) ?? new LstsqL2();

    public static Solver ProbeSolver(Probe p) =>
        p.Solver ?? Find(p, d => d.Probe.Solver) ?? Find(p, d => d.Connection.Solver) ?? new LstsqL2();

    /// <summary>Nengo's heuristic: max(clip(500·d, 750, 2500), 2·n).</summary>
    public static int NEvalPoints(int nNeurons, int dimensions) => Math.Max(Math.Clamp(500 * dimensions, 750, 2500), 2 * nNeurons);
}
