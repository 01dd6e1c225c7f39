namespace Nengo.Builder.Builders;

/// <summary>Builds a network and everything in it.</summary>
/// <remarks>
/// Steps (NEF.md §9.5, §9.6):
/// 1. Seeds: a generator seeded with the network's seed draws one seed per child, in the type order
///    Connection, Ensemble, Network, Node, Probe (each in creation order); explicit seeds are kept, but
///    the draw still happens, so siblings' seeds never shift.
/// 2. Ensembles, then nodes; 3. subnetworks, recursively; 4. connections (their decoders solved together,
///    in parallel: <see cref="DecoderSolving"/>); 5. probes.
/// </remarks>
public static class NetworkBuilder
{
    /// <summary>Builds <paramref name="network"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="network">The network (its own seed must already be assigned).</param>
    public static void Build(BuildContext ctx, Network network)
    {
        var rng = new Random(ctx.SeedOf(network));
        void Draw(IEnumerable<NengoObject> children)
        {
            foreach (var child in children)
            {
                int s = rng.NextSeed();
                if (child.Seed is null) ctx.SetSeed(child, s);
            }
        }
        Draw(network.Connections);
        Draw(network.Ensembles);
        Draw(network.Networks);
        Draw(network.Nodes);
        Draw(network.Probes);

        foreach (var e in network.Ensembles) ctx.Build(e);
        foreach (var n in network.Nodes) ctx.Build(n);
        foreach (var sub in network.Networks) ctx.Build(sub);
        DecoderSolving.Presolve(ctx, network.Connections);
        foreach (var c in network.Connections) ctx.Build(c);
        foreach (var p in network.Probes) ctx.Build(p);
    }
}
