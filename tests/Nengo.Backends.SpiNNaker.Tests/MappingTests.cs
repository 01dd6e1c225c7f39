using Nengo.Backends.SpiNNaker.Mapping;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

public sealed class MappingTests
{
    /// <summary>Routes one packet through the minimised tables as the hardware would and returns the cores reached.</summary>
    private static HashSet<(Chip, int)> Walk(MachineModel m, MappingResult r, Chip from, uint key)
    {
        var reached = new HashSet<(Chip, int)>();
        var todo = new Stack<(Chip Chip, int Arrived, int Hops)>();
        todo.Push((from, -1, 0));
        while (todo.Count > 0)
        {
            var (c, arrived, hops) = todo.Pop();
            Assert.That(hops, Is.LessThan(64), "routing loop");
            Assert.That(m.Has(c), $"packet left the machine at {c}");
            uint? route = r.Tables.TryGetValue(c, out var t) ? t.FirstOrDefault(e => e.Matches(key))?.Route : null;
            if (route is null)
            {
                if (arrived < 0) continue; // local packet matching nothing is dropped
                route = 1u << ((arrived + 3) % 6);
            }
            for (int l = 0; l < 6; l++) if ((route.Value & (1u << l)) != 0) todo.Push((c.Step(l), (l + 3) % 6, hops + 1));
            for (int p = 0; p < 18; p++) if ((route.Value & (1u << (6 + p))) != 0) Assert.That(reached.Add((c, p)), "delivered twice");
        }
        return reached;
    }

    private static void CheckEveryKey(MachineModel m, Netlist nl, MappingResult r)
    {
        for (int n = 0; n < nl.Nets.Count; n++)
        {
            var (sources, sinks, width) = nl.Nets[n];
            var expected = sinks.Select(v => r.Placements[v]).ToHashSet();
            foreach (var (v, cluster) in sources)
                for (int d = 0; d < width; d++)
                    Assert.That(Walk(m, r, r.Placements[v].Chip, r.Keys[(n, cluster)] | (uint)d), Is.EquivalentTo(expected), $"net {n} cluster {cluster} dim {d}");
        }
        foreach (var (chip, t) in r.Tables) Assert.That(t.Count, Is.LessThanOrEqualTo(m.RouterEntries), $"table of {chip}");
        foreach (var g in r.Placements.GroupBy(p => p.Value.Chip)) Assert.That(g.Count(), Is.LessThanOrEqualTo(m.CoresPerChip));
        Assert.That(r.Placements.Values.Distinct().Count(), Is.EqualTo(r.Placements.Count), "one vertex per core");
    }

    private static Netlist Random(int seed, int vertices, int nets, out List<int> groups)
    {
        var rng = new Random(seed);
        var nl = new Netlist();
        groups = [];
        for (int i = 0; i < vertices; i++) nl.AddVertex($"v{i}", rng.Next(4) == 0 ? i / 8 : -1);
        for (int n = 0; n < nets; n++)
        {
            var src = Enumerable.Range(0, rng.Next(1, 4)).Select(c => (rng.Next(vertices), c)).ToList();
            var sinks = Enumerable.Range(0, rng.Next(1, 12)).Select(_ => rng.Next(vertices));
            nl.AddNet(src, sinks, rng.Next(1, 17));
        }
        return nl;
    }

    [Test]
    public void RandomNetlists_EveryKeyReachesExactlyItsSinks([Values(1, 2, 3)] int seed)
    {
        var m = MachineModel.Rectangle(8, 8);
        var nl = Random(seed, 300, 120, out _);
        var r = Mapper.Map(m, nl);
        CheckEveryKey(m, nl, r);
        Assert.That(r.Placements.Where(p => nl.Vertices[p.Key].Group >= 0).GroupBy(p => nl.Vertices[p.Key].Group).All(g => g.Select(p => p.Value.Chip).Distinct().Count() == 1));
    }

    [Test]
    public void SmallTarget_ForcesOrderedCovering_StillExact()
    {
        var m = MachineModel.Rectangle(3, 3, routerEntries: 12);
        var nl = new Netlist();
        for (int i = 0; i < 40; i++) nl.AddVertex($"v{i}");
        for (int n = 0; n < 30; n++) nl.AddNet([(0, 0)], [39 - n / 10, 20 + n / 15], 4);
        var r = Mapper.Map(m, nl);
        Assert.That(r.RawTables.Values.Max(t => t.Count), Is.GreaterThan(12));
        CheckEveryKey(m, nl, r);
    }

    [Test]
    public void TableThatCannotFit_IsBuildErrorNamingTheChip()
    {
        var m = MachineModel.Rectangle(2, 2, coresPerChip: 16, routerEntries: 2);
        var nl = new Netlist();
        for (int i = 0; i < 32; i++) nl.AddVertex($"v{i}");
        for (int n = 0; n < 16; n++) nl.AddNet([(n, 0)], [16 + n], 1);
        var e = Assert.Throws<BuildError>(() => Mapper.Map(m, nl));
        Assert.That(e!.Message, Does.Contain("Routing table of chip"));
    }

    [Test]
    public void Minimiser_MergesEqualRoutes_WithoutCapturingOthers()
    {
        var table = new List<RoutingEntry>
        {
            new(0b0000, 0xF, 1, 64), new(0b0001, 0xF, 1, 64), new(0b0010, 0xF, 1, 64), new(0b0011, 0xF, 2, 64), new(0b0100, 0xF, 1, 64),
        };
        var min = TableMinimiser.Minimise(table, 3, "t");
        Assert.That(min.Count, Is.LessThanOrEqualTo(3));
        for (uint k = 0; k < 16; k++)
        {
            uint? want = table.FirstOrDefault(e => e.Matches(k))?.Route;
            if (want is null) continue;
            Assert.That(min.First(e => e.Matches(k)).Route, Is.EqualTo(want), $"key {k}");
        }
    }

    [Test]
    public void DefaultRouteRemoval_DropsStraightThroughOnly()
    {
        var t = new List<RoutingEntry> { new(1, 0xFF, 1u << 0, 1u << 3), new(2, 0xFF, 1u << 1, 1u << 3), new(3, 0xFF, 1u << 0, 1u << 6) };
        Assert.That(TableMinimiser.RemoveDefaultRoutes(t).Select(e => e.Key), Is.EqualTo(new uint[] { 2, 3 }));
    }

    [Test]
    public void LongestDimensionFirst_IsShortest()
    {
        var a = new Chip(0, 0);
        foreach (var b in new[] { new Chip(3, 1), new Chip(1, 3), new Chip(2, 2), new Chip(0, 4), new Chip(4, 0) })
        {
            var p = RoutingTree.LongestDimensionFirst(a, b);
            Assert.That((p.Count, p[^1].Chip), Is.EqualTo((a.Distance(b), b)));
        }
        Assert.That(new Chip(0, 0).Distance(new Chip(3, 1)), Is.EqualTo(3));
    }

    [Test]
    public void Partitioner_RespectsCoreLimits_AndSlicesCoverEverything()
    {
        var s = EnsemblePartitioner.Partition("e", 5000, 4, 6, 1000);
        Assert.That(s.Sum(c => c.Neurons), Is.EqualTo(5000));
        foreach (var g in s.GroupBy(c => c.Cluster))
        {
            int nc = g.Sum(c => c.Neurons);
            Assert.That(g.Count(), Is.LessThanOrEqualTo(16));
            Assert.That(g.Sum(c => c.Rows), Is.EqualTo(6));
            Assert.That(g.Sum(c => c.InputDims), Is.EqualTo(4));
            foreach (var c in g)
            {
                Assert.That(EnsemblePartitioner.Cycles(c.Neurons, 4, c.InputDims, nc, c.Rows), Is.LessThanOrEqualTo(80_000));
                Assert.That(EnsemblePartitioner.Dtcm(c.Neurons, 4, nc, c.Rows), Is.LessThanOrEqualTo(EnsemblePartitioner.DtcmLimit));
            }
        }
        Assert.Throws<BuildError>(() => EnsemblePartitioner.Partition("huge", 10, 20000, 1, 1000));
    }

    [Test]
    public void HundredThousandNeurons_MapInSeconds()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var m = MachineModel.Rectangle(16, 16);
        var nl = new Netlist();
        var clusters = new List<List<(int Vertex, int Cluster)>>();
        for (int e = 0; e < 20; e++)
        {
            var slices = EnsemblePartitioner.Partition($"e{e}", 5000, 2, 2, 1000);
            var vs = slices.Select(s => (nl.AddVertex($"e{e}/{s.Cluster}", 100 * e + s.Cluster), s.Cluster)).ToList();
            clusters.Add(vs);
        }
        for (int e = 0; e < 20; e++) nl.AddNet(clusters[e], clusters[(e + 1) % 20].Select(v => v.Vertex), 2);
        var r = Mapper.Map(m, nl);
        Assert.That(sw.Elapsed.TotalSeconds, Is.LessThan(10));
        CheckEveryKey(m, nl, r);
    }
}
