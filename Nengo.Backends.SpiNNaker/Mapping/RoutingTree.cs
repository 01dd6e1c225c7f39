namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>
/// A multicast routing tree built with NER (SPINNAKER.md §3.4): sinks are taken nearest first; each is joined to the
/// nearest chip already in the tree by a longest-dimension-first path, cut where it re-enters the tree. Each chip
/// keeps its outgoing links and the cores packets are delivered to there.
/// </summary>
public sealed class RoutingTree
{
    private readonly Dictionary<Chip, (uint Route, int ArrivedOn)> _nodes = [];

    /// <summary>The source chip.</summary>
    public Chip Source { get; }

    /// <summary>Chip → (route word: link bits and core bits, arrival link or -1 at the source).</summary>
    public IReadOnlyDictionary<Chip, (uint Route, int ArrivedOn)> Nodes => _nodes;

    /// <summary>Builds the tree from <paramref name="source"/> to every (chip, core) sink.</summary>
    /// <param name="machine">The machine.</param>
    /// <param name="source">Source chip.</param>
    /// <param name="sinks">Sink cores.</param>
    /// <exception cref="BuildError">When a sink cannot be reached.</exception>
    public RoutingTree(MachineModel machine, Chip source, IEnumerable<(Chip Chip, int Core)> sinks)
    {
        Source = source;
        _nodes[source] = (0, -1);
        var list = sinks.ToList();
        foreach (var chip in list.Select(s => s.Chip).Distinct().OrderBy(c => source.Distance(c)).ThenBy(c => c.X).ThenBy(c => c.Y))
        {
            if (_nodes.ContainsKey(chip)) continue;
            var from = _nodes.Keys.OrderBy(n => n.Distance(chip)).ThenBy(n => n.X).ThenBy(n => n.Y).First();
            var path = LongestDimensionFirst(from, chip);
            int cut = path.FindLastIndex(p => _nodes.ContainsKey(p.Chip));
            var at = cut < 0 ? from : path[cut].Chip;
            foreach (var (link, next) in path.Skip(cut + 1))
            {
                if (!machine.Has(next)) throw new BuildError($"No route from chip {source} to chip {chip}: chip {next} is missing.");
                var (r, a) = _nodes[at];
                _nodes[at] = (r | (1u << link), a);
                _nodes[next] = (0, (link + 3) % 6);
                at = next;
            }
        }
        foreach (var (chip, core) in list)
        {
            var (r, a) = _nodes[chip];
            _nodes[chip] = (r | (1u << (6 + core)), a);
        }
    }

    /// <summary>A longest-dimension-first path: steps along the minimised hex vector's components, largest first.</summary>
    /// <param name="from">Start.</param>
    /// <param name="to">End.</param>
    /// <returns>(link taken, chip reached) per hop.</returns>
    public static List<(int Link, Chip Chip)> LongestDimensionFirst(Chip from, Chip to)
    {
        int x = to.X - from.X, y = to.Y - from.Y, z = 0;
        int med = new[] { x, y, z }.OrderBy(v => v).ElementAt(1);
        x -= med; y -= med; z -= med; // at most two non-zero components, of opposite signs
        var dims = new List<(int Magnitude, int Link)>();
        if (x != 0) dims.Add((Math.Abs(x), x > 0 ? 0 : 3));
        if (y != 0) dims.Add((Math.Abs(y), y > 0 ? 2 : 5));
        if (z != 0) dims.Add((Math.Abs(z), z > 0 ? 4 : 1)); // +z = the (-1,-1) diagonal
        var path = new List<(int, Chip)>();
        var at = from;
        foreach (var (mag, link) in dims.OrderByDescending(d => d.Magnitude))
            for (int i = 0; i < mag; i++) { at = at.Step(link); path.Add((link, at)); }
        return path;
    }
}
