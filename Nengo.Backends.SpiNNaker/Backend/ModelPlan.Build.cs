using MathNet.Numerics.LinearAlgebra;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Mapping;
using Nengo.Graph;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>
/// The netlist: ensemble cores (static rows first, then learnt rows), value sinks, value sources, SDP receivers (one per
/// path from a host Node into the board) and transmitters (one per host Node fed from ensembles), and the host-side paths.
/// </summary>
internal sealed partial class ModelPlan
{
    private void Build(int timestepUs)
    {
        var ensPlans = new Dictionary<Ensemble, EnsemblePlan>();
        foreach (var (ens, built) in Model.Ensembles)
        {
            if (Ignored.Contains(ens)) continue;
            var p = new EnsemblePlan(ens, built, [], [], new double[ens.Dimensions], [], []);
            ensPlans[ens] = p; Ensembles.Add(p);
        }
        // Expand routes to probed passthrough Nodes into one route per probe (target = the probe index).
        var routes = new List<(Route Route, object Target)>();
        // A PES rule's error probe is a sink fed by the error paths, like a passthrough Node's.
        foreach (var r in Routes())
        {
            if (r.Target is LearningRule) routes.Add((r, r.Target));
            else if (r.Target is not Node { IsPassthrough: true }) { routes.Add((r, r.Target)); continue; }
            int width = r.Target is Node n ? n.SizeOut : ((LearningRule)r.Target).SizeIn;
            for (int i = 0; i < Model.Probes.Count; i++)
            {
                var pr = Model.Probes[i].Probe;
                if (!ReferenceEquals(pr.Target is ObjView v ? v.Target : pr.Target, r.Target)) continue;
                routes.Add((r with { Map = Select((pr.Target as ObjView)?.Indices, width) * r.Map }, i));
            }
        }
        // Outgoing decoded rows of every ensemble (all-zero rows are not sent): static rows first, then learnt rows.
        var outputs = new List<(int Route, EnsemblePlan Pre, int Output)>();
        foreach (bool learnt in new[] { false, true })
            for (int i = 0; i < routes.Count; i++)
            {
                var (r, _) = routes[i];
                if (r.First.PreObject is not Ensemble e || (r.First.LearningRule is not null) != learnt) continue;
                var rows = NonZeroRows(r.Map);
                var o = new Outgoing(r.First, Rows(r.Map * Model.Connections[r.First].Weights!, rows), rows, -1);
                if (learnt) o = o with { Rule = r.First.LearningRule, ErrorDims = ErrorDims(r, rows) };
                ensPlans[e].Outputs.Add(o);
                outputs.Add((i, ensPlans[e], ensPlans[e].Outputs.Count - 1));
            }
        AddEnsembleVertices(timestepUs);
        var sinkOf = AddSinks(routes);
        var txOf = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);

        // Creates the net from the given sources to a board-side target and registers it there.
        int Deliver(Route r, object target, List<(int Vertex, int Cluster)> sources, bool latching)
        {
            string me = r.First.Describe;
            switch (target)
            {
                case Ensemble post:
                {
                    if (r.Tau is null)
                        throw Unsupported($"connections into ensembles without a synapse from {r.First.PreObject.Describe} ({me}: packets reach the next core one tick later, so a same-step connection is impossible)");
                    int net = Netlist.AddNet(sources, ensPlans[post].Vertices, post.Dimensions);
                    ensPlans[post].Inputs.Add(new Incoming([net], r.Tau, latching));
                    return net;
                }
                case LearningRule rule:
                {
                    var pre = ensPlans[(Ensemble)rule.Connection.PreObject];
                    int net = Netlist.AddNet(sources, pre.Vertices, rule.SizeIn);
                    pre.Errors.Add((rule, new Incoming([net], r.Tau, latching)));
                    return net;
                }
                case Node host:
                {
                    if (r.Tau is null)
                        throw Unsupported($"connections without a synapse from ensembles into host Nodes ({me}: a decoded value reaches the host one tick after it is computed, so the Node cannot read it in the same step)");
                    if (host.SizeIn > SdpReceiverData.MaxDimensions)
                        throw Unsupported($"{host.Describe} with size_in = {host.SizeIn} fed from ensembles (an SDP transmitter carries at most {SdpReceiverData.MaxDimensions} dimensions per message)");
                    if (!txOf.TryGetValue(host, out int tx))
                    {
                        tx = Netlist.AddVertex($"{host.Describe} transmitter");
                        Vertices[tx] = new TransmitterVertex(host, []);
                        txOf[host] = tx;
                    }
                    int net = Netlist.AddNet(sources, [tx], host.SizeIn);
                    ((TransmitterVertex)Vertices[tx]).Nets.Add((net, r.Tau));
                    return net;
                }
                default:
                {
                    int sv = SinkVertexOf(target, sinkOf);
                    var sk = (SinkVertex)Vertices[sv];
                    int net = Netlist.AddNet(sources, [sv], sk.Size);
                    sk.Nets.Add((net, SinkTau(target, r), latching));
                    return net;
                }
            }
        }

        foreach (var (ri, pre, o) in outputs)
        {
            var (r, target) = routes[ri];
            var sources = pre.Vertices.Select(v => (v, ((EnsembleVertex)Vertices[v]).Slice.Cluster)).ToList();
            int net = Deliver(r, target, sources, latching: false);
            pre.Outputs[o] = pre.Outputs[o] with { Net = net };
        }
        foreach (var (r, target) in routes)
        {
            if (r.First.PreObject is not Node node) continue;
            var bc = Model.Connections[r.First];
            if (target is Node { IsPassthrough: false } hostTarget)
            {
                HostInputs.Add(new HostInput(r.First, node, bc.Weights, r.Map, r.Tau, hostTarget));
                continue;
            }
            var rows = NonZeroRows(r.Map);
            var map = Rows(r.Map, rows);
            if (IsHostNode(node))
            {
                if (rows.Length > SdpReceiverData.MaxDimensions)
                    throw Unsupported($"{rows.Length}-dimensional paths from host Nodes into the board ({r.First.Describe}: an SDP receiver carries at most {SdpReceiverData.MaxDimensions} dimensions per message)");
                int v = Netlist.AddVertex($"{r.First.Describe} receiver");
                var rx = new ReceiverVertex(r.First, node, bc.Weights, map, rows, -1);
                int net = Deliver(r, target, [(v, 0)], latching: true);
                Vertices[v] = rx with { Net = net };
                continue;
            }
            if (target is Ensemble ens && r.Tau is null)
            {
                if (node.Constant is null) throw Unsupported($"time-varying Node inputs without a synapse ({r.First.Describe}: a value source reaches its ensemble one tick later)");
                var value = map * Vector<double>.Build.DenseOfArray(NodeConnectionValue(node, r.First, bc.Weights, 0.0));
                for (int i = 0; i < rows.Length; i++) ensPlans[ens].DirectInput[rows[i]] += value[i];
                continue;
            }
            int sv = Netlist.AddVertex($"{r.First.Describe} source");
            int srcNet = Deliver(r, target, [(sv, 0)], latching: false);
            var src = new SourceVertex(r.First, node, bc.Weights, map, rows, srcNet);
            Vertices[sv] = src; Sources.Add(src);
        }
        CheckPacketRates();
    }

    /// <summary>Multicast packets one core can take per tick: the 1024-entry packet queue of the core programs (SPINNAKER.md §4.6).</summary>
    internal const int PacketQueueCapacity = 1024;

    /// <summary>Multicast packets that arrive at each vertex per tick: every sending core sends one packet per row it owns
    /// (ensemble clusters each send all rows of an output, value sources and receivers one per dimension), and every sink
    /// vertex of a net receives all of the net's packets.</summary>
    internal Dictionary<int, int> PacketsPerTick()
    {
        var perNet = new Dictionary<int, int>();
        void Add(int net, int packets) => perNet[net] = perNet.GetValueOrDefault(net) + packets;
        foreach (var p in Ensembles)
        {
            int clusters = p.Slices.Select(s => s.Cluster).Distinct().Count();
            foreach (var o in p.Outputs) Add(o.Net, o.Weights.RowCount * clusters);
        }
        foreach (var v in Vertices.Values)
            switch (v)
            {
                case SourceVertex s: Add(s.Net, s.KeyIndex.Length); break;
                case ReceiverVertex r: Add(r.Net, r.KeyIndex.Length); break;
            }
        var perVertex = new Dictionary<int, int>();
        foreach (var (net, packets) in perNet)
            foreach (int sink in Netlist.Nets[net].Sinks) perVertex[sink] = perVertex.GetValueOrDefault(sink) + packets;
        return perVertex;
    }

    /// <summary>Rejects models in which a core would receive more packets per tick than its queue holds: the board drops
    /// the rest (and aborts the core at the next run), so the decoded values would be silently wrong. Passthrough Nodes are
    /// multiplied out (no interposer cores sum the traffic as in nengo_spinnaker), so every (source row, target dimension)
    /// pair of a wide passthrough is one packet per tick.</summary>
    private void CheckPacketRates()
    {
        foreach (var (vertex, packets) in PacketsPerTick().OrderBy(kv => kv.Key))
        {
            if (packets <= PacketQueueCapacity) continue;
            var nets = Netlist.Nets.Count(n => n.Sinks.Contains(vertex));
            throw Unsupported($"{packets} multicast packets per tick into the core '{Netlist.Vertices[vertex].Name}' from {nets} nets " +
                $"(at most {PacketQueueCapacity}, the packet queue of a core program; passthrough Nodes are multiplied out without " +
                "interposer cores, so each decoded row of every ensemble behind a passthrough Node is a packet for each dimension it reaches)");
        }
    }

    /// <summary>The error dimension behind each learnt row: the path after a PES connection must select, not mix, its outputs
    /// (the ensemble program subtracts rate × error[d] from exactly one row per error dimension).</summary>
    private static int[] ErrorDims(Route r, int[] rows)
    {
        var dims = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var nz = Enumerable.Range(0, r.Map.ColumnCount).Where(j => r.Map[rows[i], j] != 0).ToList();
            if (nz.Count != 1 || r.Map[rows[i], nz[0]] != 1)
                throw Unsupported($"PES on {r.First.Describe} whose outputs are summed or scaled on the way to {r.Target} (each learnt row must be one output dimension of the connection)");
            dims[i] = nz[0];
        }
        return dims;
    }

    private void AddEnsembleVertices(int timestepUs)
    {
        int group = 0;
        foreach (var p in Ensembles)
        {
            int rows = p.Outputs.Sum(o => o.Weights.RowCount);
            p.Slices.AddRange(EnsemblePartitioner.Partition(p.Ensemble.Describe, p.Ensemble.NNeurons, p.Ensemble.Dimensions, rows, timestepUs));
            foreach (var cluster in p.Slices.GroupBy(s => s.Cluster))
            {
                var lengths = cluster.Select(s => s.Neurons).ToArray();
                int id = 0;
                foreach (var s in cluster)
                {
                    int v = Netlist.AddVertex($"{p.Ensemble.Describe}[{s.Cluster}.{id}]", group);
                    Vertices[v] = new EnsembleVertex(p.Ensemble, s, lengths, id, id == 0);
                    p.Vertices.Add(v); id++;
                }
                group++;
            }
        }
    }

    /// <summary>Value sinks for decoded-output, passthrough-Node and PES-error probes; host probes for the other Nodes.</summary>
    private Dictionary<int, int> AddSinks(List<(Route Route, object Target)> routes)
    {
        var sinkOf = new Dictionary<int, int>();
        for (int i = 0; i < Model.Probes.Count; i++)
        {
            var pr = Model.Probes[i].Probe;
            object target = pr.Target is ObjView view ? view.Target : pr.Target;
            if (target is Node { IsPassthrough: false } node)
            {
                HostProbes.Add(new HostProbe(i, node, (pr.Target as ObjView)?.Indices, Tau(ProbeSynapse(pr), pr.Describe)));
                continue;
            }
            bool viaPaths = target is Node or LearningRule; // the probe sees the sum of the paths into it
            double? probeTau = viaPaths ? Tau(ProbeSynapse(pr), pr.Describe) : null;
            var into = routes.Where(r => viaPaths ? Equals(r.Target, i) : r.Target is ProbeSink ps && ReferenceEquals(ps.Probe, pr)).ToList();
            var lags = into.Select(r => r.Route.Tau is null && probeTau is null ? 1 : 0).Distinct().ToList();
            if (lags.Count > 1) throw Unsupported($"probes of passthrough Nodes fed by paths with and without synapses ({pr.Describe})");
            foreach (var r in into)
                if (r.Route.Tau is not null && probeTau is not null)
                    throw Unsupported($"two synapses in series ({r.Route.First.Describe}, then {pr.Describe})");
            int v = Netlist.AddVertex(pr.Describe);
            var sink = new SinkVertex(i, Model.Probes[i].Signal.Size, lags.FirstOrDefault(), []);
            Vertices[v] = sink; Sinks.Add((v, sink));
            sinkOf[i] = v;
        }
        return sinkOf;
    }

    private int SinkVertexOf(object target, Dictionary<int, int> sinkOf) =>
        target is int i ? sinkOf[i] : sinkOf[Model.Probes.Select((p, k) => (p, k)).Single(x => ReferenceEquals(x.p.Probe, ((ProbeSink)target).Probe)).k];

    private double? SinkTau(object target, Route r) =>
        r.Tau ?? (target is int i ? Tau(ProbeSynapse(Model.Probes[i].Probe), Model.Probes[i].Probe.Describe) : null);
}
