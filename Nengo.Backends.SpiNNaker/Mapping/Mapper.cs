namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>
/// Places a <see cref="Netlist"/> (greedy, deterministic: groups first, chips in order), allocates keys
/// (<c>[user 0 | cluster | connection_id | index]</c> from MSB, fields as narrow as the largest value,
/// SPINNAKER.md §3.5), builds one NER tree per (net, source chip), emits per-chip tables and minimises them
/// against the chip's free router entries.
/// </summary>
public static class Mapper
{
    /// <summary>Maps the netlist.</summary>
    /// <param name="machine">The machine.</param>
    /// <param name="netlist">Vertices and nets.</param>
    /// <returns>Placements, keys and minimised tables.</returns>
    /// <exception cref="BuildError">When the netlist does not fit the machine or its keys do not fit 32 bits.</exception>
    public static MappingResult Map(MachineModel machine, Netlist netlist)
    {
        var placements = Place(machine, netlist);
        int indexBits = Bits(netlist.Nets.Select(n => n.Width).DefaultIfEmpty(1).Max());
        int netBits = Bits(netlist.Nets.Count);
        int clusterBits = Bits(netlist.Nets.SelectMany(n => n.Sources.Select(s => s.Cluster + 1)).DefaultIfEmpty(1).Max());
        if (indexBits + netBits + clusterBits > 31) throw new BuildError($"Keys need {indexBits + netBits + clusterBits + 1} bits; at most 32 exist.");
        uint mask = ~(uint)((1L << indexBits) - 1); // routing mask: everything but the index field
        var keys = new Dictionary<(int Net, int Cluster), uint>();
        var raw = new Dictionary<Chip, List<RoutingEntry>>();
        for (int n = 0; n < netlist.Nets.Count; n++)
        {
            var (sources, sinks, _) = netlist.Nets[n];
            var sinkCores = sinks.Select(v => placements[v]).ToList();
            foreach (var cluster in sources.GroupBy(s => s.Cluster))
            {
                uint key = ((uint)n << indexBits) | ((uint)cluster.Key << (indexBits + netBits));
                keys[(n, cluster.Key)] = key;
                foreach (var chip in cluster.Select(s => placements[s.Vertex].Chip).Distinct())
                {
                    var tree = new RoutingTree(machine, chip, sinkCores);
                    foreach (var (c, (route, arrived)) in tree.Nodes)
                    {
                        if (route == 0) continue;
                        if (!raw.TryGetValue(c, out var list)) raw[c] = list = [];
                        uint src = arrived < 0 ? 1u << 6 : 1u << arrived;
                        int existing = list.FindIndex(e => e.Key == key && e.Mask == mask);
                        if (existing < 0) list.Add(new RoutingEntry(key, mask, route, src));
                        else if (list[existing].Route != route) throw new BuildError($"Net {n} cluster {cluster.Key} needs two different routes at chip {c}.");
                        else list[existing] = list[existing] with { Sources = list[existing].Sources | src };
                    }
                }
            }
        }
        var tables = raw.ToDictionary(kv => kv.Key, kv => TableMinimiser.Minimise(kv.Value, machine.RouterEntries, kv.Key.ToString()));
        return new MappingResult(placements, keys, mask, (uint)((1L << indexBits) - 1), tables, raw);
    }

    private static int Bits(int maxValue)
    {
        int b = 0;
        while ((1L << b) < maxValue) b++;
        return Math.Max(b, 0);
    }

    private static Dictionary<int, (Chip Chip, int Core)> Place(MachineModel machine, Netlist netlist)
    {
        var chips = machine.Chips.OrderBy(c => c.X + c.Y).ThenBy(c => c.X).ToList();
        var used = chips.ToDictionary(c => c, _ => 0);
        var result = new Dictionary<int, (Chip, int)>();
        var groups = netlist.Vertices.Select((v, i) => (v.Group, i)).GroupBy(v => v.Group < 0 ? -1 - v.i : v.Group)
            .OrderByDescending(g => g.Count()).ToList();
        int cursor = 0;
        foreach (var g in groups)
        {
            int need = g.Count();
            if (need > machine.CoresPerChip) throw new BuildError($"A group of {need} cores cannot share one chip of {machine.CoresPerChip} application cores.");
            int tried = 0;
            while (used[chips[cursor]] + need > machine.CoresPerChip)
            {
                cursor = (cursor + 1) % chips.Count;
                if (++tried > chips.Count) throw new BuildError($"The model needs more than the {chips.Count * machine.CoresPerChip} application cores of the machine.");
            }
            foreach (var (_, i) in g) result[i] = (chips[cursor], 1 + used[chips[cursor]]++);
        }
        return result;
    }
}
