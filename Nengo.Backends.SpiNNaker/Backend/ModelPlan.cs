using MathNet.Numerics.LinearAlgebra;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Mapping;
using Nengo.Graph;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>
/// The host-side translation of a <see cref="Model"/> into what the board runs (SPINNAKER.md §4.1): validation of the
/// supported subset (before anything is sent), the netlist of ensemble cores, value sources and value sinks, and the
/// recipes that turn a mapping into region images. Passthrough Nodes are multiplied out: every path from an ensemble or
/// a value Node through them becomes one net with the product of the transforms and at most one synapse.
/// </summary>
internal sealed class ModelPlan
{
    internal sealed record EnsembleVertex(Ensemble Ensemble, CoreSlice Slice, int[] ClusterLengths, int PopulationId, bool FirstOfCluster);
    internal sealed record SourceVertex(Connection Connection, Node Node, Matrix<double>? Weights, Matrix<double> Map, int[] KeyIndex, int Net);
    internal sealed record SinkVertex(int ProbeIndex, int Size, int Lag, List<(int Net, double? Tau)> Nets);
    /// <summary>A path from an ensemble or value Node through passthrough Nodes: <c>Map</c> (target dims × first.SizeOut) after the first connection.</summary>
    internal sealed record Route(Connection First, Matrix<double> Map, double? Tau, object Target);
    internal sealed record Incoming(List<int> Nets, double? Tau);
    internal sealed record Outgoing(Connection Connection, Matrix<double> Weights, int[] KeyIndex, int Net);
    internal sealed record EnsemblePlan(Ensemble Ensemble, BuiltEnsemble Built, List<Outgoing> Outputs, List<Incoming> Inputs, double[] DirectInput,
        List<int> Vertices, List<CoreSlice> Slices);
    internal sealed record HostProbe(int ProbeIndex, Node Node, IReadOnlyList<int>? Slice, double? Tau);

    public required Model Model { get; init; }
    public Netlist Netlist { get; } = new();
    public Dictionary<int, object> Vertices { get; } = [];
    public List<EnsemblePlan> Ensembles { get; } = [];
    public List<SourceVertex> Sources { get; } = [];
    public List<(int Vertex, SinkVertex Sink)> Sinks { get; } = [];
    public List<HostProbe> HostProbes { get; } = [];

    private static NotSupportedByBackendError Unsupported(string what) =>
        new($"The SpiNNaker backend does not support {what}.");

    /// <summary>Default synapse resolution (the builder's <c>Defaults.ConnectionSynapse</c>).</summary>
    internal static Synapse? ConnectionSynapse(Connection c)
    {
        if (c.Synapse.IsSet) return c.Synapse.Value;
        for (Network? n = c.Network; n is not null; n = n.Network)
            if (n.Defaults.Connection.Synapse.IsSet) return n.Defaults.Connection.Synapse.Value;
        return new Lowpass(0.005);
    }

    private static double? Tau(Synapse? s, string owner) => s switch
    {
        null => null,
        Lowpass l => l.Tau,
        _ => throw Unsupported($"the synapse {s} of {owner} (only Lowpass synapses or none: the input filters of the core programs are low-pass or pass-through)"),
    };

    private static bool IsValueSource(Node n) => n.Process is null && (n.Constant is not null || n.Function is { SizeIn: 0 }) && n.SizeIn == 0;

    private static string DescribeNode(Node n) =>
        n.Process is not null ? $"Nodes with a process ({n.Describe}: processes run neither on the cores nor on the host here)"
        : $"Nodes with input ({n.Describe}: host Nodes need SDP round trips, which this backend does not implement)";

    /// <summary>Validates the model and builds the netlist; throws before anything touches the board.</summary>
    /// <param name="model">The model.</param>
    /// <param name="timestepUs">The machine timestep.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="NotSupportedByBackendError">Naming the first unsupported feature.</exception>
    public static ModelPlan Create(Model model, int timestepUs)
    {
        var plan = new ModelPlan { Model = model };
        plan.Validate();
        plan.Build(timestepUs);
        return plan;
    }

    private void Validate()
    {
        if (Math.Abs(Model.Dt * 1e6 - Math.Round(Model.Dt * 1e6)) > 1e-6 || Model.Dt < 1e-6)
            throw Unsupported($"dt = {Model.Dt} s (the machine timestep is a whole number of microseconds)");
        foreach (var (ens, built) in Model.Ensembles)
        {
            if (built.NeuronType is Direct && !IsUsed(ens)) { Ignored.Add(ens); continue; }
            if (built.NeuronType is Direct) throw Unsupported($"Direct mode ({ens.Describe})");
            if (built.NeuronType is not LIF lif || lif.GetType() != typeof(LIF)) throw Unsupported($"the neuron type {built.NeuronType.GetType().Name} of {ens.Describe} (only LIF)");
            if (lif.MinVoltage != 0 || lif.Amplitude != 1) throw Unsupported($"LIF with min_voltage or amplitude other than 0 and 1 ({ens.Describe})");
            if (ens.Noise is not null) throw Unsupported($"ensemble noise processes ({ens.Describe})");
        }
        foreach (var node in Model.Sig.Keys.OfType<Node>())
            if (!IsValueSource(node) && !node.IsPassthrough) throw Unsupported(DescribeNode(node));
        foreach (var conn in Model.Connections.Keys)
        {
            string me = conn.Describe;
            if (conn.LearningRule is { } rule) throw Unsupported($"learning rules ({rule.RuleType.GetType().Name} on {me})");
            if (conn.PreObject is Neurons || conn.PostObject is Neurons) throw Unsupported($"connections from or to Neurons ({me})");
            if (conn.IsDecoded && (conn.Solver is { Weights: true } || Model.Connections[conn].Weights is { } w && w.RowCount != conn.SizeOut))
                throw Unsupported($"weight solvers ({me}: full weight matrices into the post neurons; only decoders are sent as packets)");
            if (conn.Transform is not null and not Dense) throw Unsupported($"the transform {conn.Transform} of {me} (only Dense)");
            Tau(ConnectionSynapse(conn), me);
            bool preOk = conn.PreObject is Ensemble || conn.PreObject is Node pn && (IsValueSource(pn) || pn.IsPassthrough);
            bool postOk = conn.PostObject is Ensemble or ProbeSink || conn.PostObject is Node { IsPassthrough: true };
            if (!preOk || !postOk) throw Unsupported($"connections from {conn.PreObject.Describe} into {conn.PostObject.Describe} ({me})");
            if (conn.PreObject is Node { IsPassthrough: true } && conn.Function is not null)
                throw Unsupported($"functions on connections from passthrough Nodes ({me}: passthrough Nodes are multiplied out, which needs a linear path)");
        }
        foreach (var p in Model.Probes)
        {
            object target = p.Probe.Target is ObjView v ? v.Target : p.Probe.Target;
            bool ok = (target is Ensemble && p.Probe.Attr == "decoded_output") || (target is Node && p.Probe.Attr == "output");
            if (target is Node { IsPassthrough: true } && ok) Tau(ProbeSynapse(p.Probe), p.Probe.Describe);
            if (!ok) throw Unsupported($"probes of '{p.Probe.Attr}' of {(target is IConnectable ic ? ic.Describe : target.ToString())} (only an ensemble's decoded_output and a Node's output)");
            if (target is Node) Tau(ProbeSynapse(p.Probe), p.Probe.Describe);
        }
    }

    /// <summary>Direct-mode ensembles with no connection and no probe: nothing observable, so they are left out.</summary>
    public HashSet<Ensemble> Ignored { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Time-only Nodes, evaluated every step on the host (as the reference does) so their failures surface.</summary>
    public List<Node> TimeNodes => [.. Model.Sig.Keys.OfType<Node>().Where(n => n.Function is not null)];

    private bool IsUsed(Node n) =>
        Model.Connections.Keys.Any(c => ReferenceEquals(c.PreObject, n) || ReferenceEquals(c.PostObject, n))
        || Model.Probes.Any(p => ReferenceEquals(p.Probe.Target is ObjView v ? v.Target : (object)p.Probe.Target, n));

    private bool IsUsed(Ensemble e) =>
        Model.Connections.Keys.Any(c => ReferenceEquals(c.PreObject, e) || ReferenceEquals(c.PostObject, e)
            || ReferenceEquals(c.PreObject, e.Neurons) || ReferenceEquals(c.PostObject, e.Neurons))
        || Model.Probes.Any(p => (p.Probe.Target is ObjView v ? v.Target : (object)p.Probe.Target) is var t && (ReferenceEquals(t, e) || ReferenceEquals(t, e.Neurons)));

    internal static Synapse? ProbeSynapse(Probe p)
    {
        if (p.Synapse.IsSet) return p.Synapse.Value;
        for (Network? n = p.Network; n is not null; n = n.Network)
            if (n.Defaults.Probe.Synapse.IsSet) return n.Defaults.Probe.Synapse.Value;
        return null;
    }

    private static Matrix<double> Identity(int n) => Matrix<double>.Build.DenseIdentity(n);

    /// <summary>Scatter matrix of a connection's post slice: target dims × connection size_out (repeated indices sum).</summary>
    private static Matrix<double> PostScatter(Connection c, int targetDims)
    {
        var m = Matrix<double>.Build.Dense(targetDims, c.SizeOut);
        for (int i = 0; i < c.SizeOut; i++) m[c.PostSlice is { } s ? s[i] : i, i] += 1;
        return m;
    }

    /// <summary>Selection matrix of a slice of a <paramref name="full"/>-dimensional value.</summary>
    private static Matrix<double> Select(IReadOnlyList<int>? slice, int full)
    {
        if (slice is null) return Identity(full);
        var m = Matrix<double>.Build.Dense(slice.Count, full);
        for (int i = 0; i < slice.Count; i++) m[i, slice[i]] = 1;
        return m;
    }

    private static int Dims(object target) => target switch
    {
        Ensemble e => e.Dimensions,
        ProbeSink ps => ps.SizeIn,
        Node n => n.SizeIn,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Every path from an ensemble or value Node to an ensemble, a probe sink or a probed passthrough Node
    /// (passthrough Nodes multiplied out, SPINNAKER.md §4.1); at most one synapse along each path.</summary>
    private List<Route> Routes()
    {
        var routes = new List<Route>();
        var probed = Model.Probes.Select(p => p.Probe.Target is ObjView v ? v.Target : (object)p.Probe.Target).OfType<Node>().ToHashSet(ReferenceEqualityComparer.Instance);
        void Walk(Connection first, Matrix<double> map, double? tau, object target, int depth)
        {
            if (depth > 32) throw Unsupported($"loops through passthrough Nodes ({first.Describe})");
            if (target is not Node p) { routes.Add(new Route(first, map, tau, target)); return; }
            if (probed.Contains(p)) routes.Add(new Route(first, map, tau, p));
            foreach (var c in Model.Connections.Keys.Where(c => ReferenceEquals(c.PreObject, p)))
            {
                double? t2 = Tau(ConnectionSynapse(c), c.Describe);
                if (tau is not null && t2 is not null)
                    throw Unsupported($"two synapses in series through passthrough {p.Describe} ({first.Describe}, then {c.Describe}): a core input has one filter per path");
                var t = Model.Connections[c].Weights ?? Identity(c.SizeIn);
                Walk(first, PostScatter(c, Dims(c.PostObject)) * t * Select(c.PreSlice, p.SizeOut) * map, tau ?? t2, c.PostObject, depth + 1);
            }
        }
        foreach (var c in Model.Connections.Keys)
        {
            if (c.PreObject is Node { IsPassthrough: true }) continue;
            Walk(c, PostScatter(c, Dims(c.PostObject)), Tau(ConnectionSynapse(c), c.Describe), c.PostObject, 0);
        }
        return routes;
    }

    private static int[] NonZeroRows(Matrix<double> m) =>
        Enumerable.Range(0, m.RowCount).Where(i => Enumerable.Range(0, m.ColumnCount).Any(j => m[i, j] != 0)).ToArray();

    private static Matrix<double> Rows(Matrix<double> m, int[] rows)
    {
        var r = Matrix<double>.Build.Dense(rows.Length, m.ColumnCount);
        for (int i = 0; i < rows.Length; i++) r.SetRow(i, m.Row(rows[i]));
        return r;
    }

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
        foreach (var r in Routes())
        {
            if (r.Target is not Node node) { routes.Add((r, r.Target)); continue; }
            for (int i = 0; i < Model.Probes.Count; i++)
            {
                var pr = Model.Probes[i].Probe;
                if (!ReferenceEquals(pr.Target is ObjView v ? v.Target : pr.Target, node)) continue;
                routes.Add((r with { Map = Select((pr.Target as ObjView)?.Indices, node.SizeOut) * r.Map }, i));
            }
        }
        // Outgoing decoded rows of every ensemble (all-zero rows are not sent), in a fixed order.
        var outputs = new List<(int Route, EnsemblePlan Pre, int Output)>();
        for (int i = 0; i < routes.Count; i++)
            if (routes[i].Route.First.PreObject is Ensemble e)
            {
                var (r, _) = routes[i];
                var w = r.Map * Model.Connections[r.First].Weights!;
                var rows = NonZeroRows(r.Map);
                ensPlans[e].Outputs.Add(new Outgoing(r.First, Rows(w, rows), rows, -1));
                outputs.Add((i, ensPlans[e], ensPlans[e].Outputs.Count - 1));
            }
        // Vertices: ensemble cores (grouped per cluster), value sinks, value sources.
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
            double? probeTau = target is Node ? Tau(ProbeSynapse(pr), pr.Describe) : null;
            var into = routes.Where(r => target is Node ? Equals(r.Target, i) : r.Target is ProbeSink ps && ReferenceEquals(ps.Probe, pr)).ToList();
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
        int SinkVertexOf(object target) => target is int i ? sinkOf[i] : sinkOf[Model.Probes.Select((p, k) => (p, k)).Single(x => ReferenceEquals(x.p.Probe, ((ProbeSink)target).Probe)).k];
        double? SinkTau(object target, Route r) => r.Tau ?? (target is int i ? Tau(ProbeSynapse(Model.Probes[i].Probe), Model.Probes[i].Probe.Describe) : null);
        // Nets: one per route.
        foreach (var (ri, pre, o) in outputs)
        {
            var (r, target) = routes[ri];
            var sources = pre.Vertices.Select(v => (v, ((EnsembleVertex)Vertices[v]).Slice.Cluster));
            int net;
            if (target is Ensemble post)
            {
                if (r.Tau is null) throw Unsupported($"connections into ensembles without a synapse ({r.First.Describe}: packets reach the next core one tick later, so a same-step connection is impossible)");
                net = Netlist.AddNet(sources, ensPlans[post].Vertices, post.Dimensions);
                ensPlans[post].Inputs.Add(new Incoming([net], r.Tau));
            }
            else
            {
                int sv = SinkVertexOf(target);
                var sk = (SinkVertex)Vertices[sv];
                net = Netlist.AddNet(sources, [sv], sk.Size);
                sk.Nets.Add((net, SinkTau(target, r)));
            }
            pre.Outputs[o] = pre.Outputs[o] with { Net = net };
        }
        foreach (var (r, target) in routes)
        {
            if (r.First.PreObject is not Node node) continue;
            var bc = Model.Connections[r.First];
            var rows = NonZeroRows(r.Map);
            var map = Rows(r.Map, rows);
            if (target is Ensemble ens)
            {
                var post = ensPlans[ens];
                if (r.Tau is null)
                {
                    if (node.Constant is null) throw Unsupported($"time-varying Node inputs without a synapse ({r.First.Describe}: a value source reaches its ensemble one tick later)");
                    var value = map * Vector<double>.Build.DenseOfArray(NodeConnectionValue(node, r.First, bc.Weights, 0.0));
                    for (int i = 0; i < rows.Length; i++) post.DirectInput[rows[i]] += value[i];
                    continue;
                }
                int v = Netlist.AddVertex($"{r.First.Describe} source");
                int net = Netlist.AddNet([(v, 0)], post.Vertices, ens.Dimensions);
                var src = new SourceVertex(r.First, node, bc.Weights, map, rows, net);
                Vertices[v] = src; Sources.Add(src);
                post.Inputs.Add(new Incoming([net], r.Tau));
            }
            else
            {
                int sv = SinkVertexOf(target);
                var sk = (SinkVertex)Vertices[sv];
                int v = Netlist.AddVertex($"{r.First.Describe} source");
                int net = Netlist.AddNet([(v, 0)], [sv], sk.Size);
                var src = new SourceVertex(r.First, node, bc.Weights, map, rows, net);
                Vertices[v] = src; Sources.Add(src);
                sk.Nets.Add((net, SinkTau(target, r)));
            }
        }
    }

    /// <summary>A Node's output at time <paramref name="t"/>.</summary>
    internal static double[] NodeOutput(Node node, double t)
    {
        if (node.Constant is { } c) return [.. c];
        var y = new double[node.SizeOut];
        node.Function!.Invoke(t, ReadOnlySpan<double>.Empty, y);
        return y;
    }

    /// <summary>What a connection from a Node delivers at time <paramref name="t"/>: pre slice, function, then weights.</summary>
    internal static double[] NodeConnectionValue(Node node, Connection conn, Matrix<double>? weights, double t)
    {
        var x = NodeOutput(node, t);
        if (conn.PreSlice is { } s) x = s.Select(i => x[i]).ToArray();
        if (conn.Function is { } f) { var mid = new double[f.SizeOut]; f.Invoke(x, mid); x = mid; }
        if (weights is null) return x;
        var r = new double[weights.RowCount];
        for (int i = 0; i < r.Length; i++) { double acc = 0; for (int j = 0; j < x.Length; j++) acc += weights[i, j] * x[j]; r[i] = acc; }
        return r;
    }

    /// <summary>The region image of one ensemble core, given the mapping's keys and the cluster's shared SDRAM.</summary>
    internal EnsembleCoreData EnsembleData(EnsembleVertex ev, MappingResult map, uint sharedIn, uint sharedSpikes, uint sema, int steps)
    {
        var p = Ensembles.Single(e => ReferenceEquals(e.Ensemble, ev.Ensemble));
        var b = p.Built;
        var s = ev.Slice;
        int d = p.Ensemble.Dimensions;
        var enc = new double[s.Neurons * d];
        var bias = new double[s.Neurons];
        var gain = new double[s.Neurons];
        for (int i = 0; i < s.Neurons; i++)
        {
            int n = s.NeuronStart + i;
            double j = b.Bias[n];
            for (int k = 0; k < d; k++) { enc[i * d + k] = b.ScaledEncoders[n, k]; j += b.ScaledEncoders[n, k] * p.DirectInput[k]; }
            bias[i] = j; gain[i] = b.Gain[n];
        }
        var cluster = p.Slices.Where(c => c.Cluster == s.Cluster).ToList();
        int firstNeuron = cluster[0].NeuronStart, total = cluster.Sum(c => c.Neurons);
        var decoders = new double[s.Rows * total];
        var keys = new uint[s.Rows];
        int row = 0, r = 0;
        foreach (var o in p.Outputs)
            for (int i = 0; i < o.Weights.RowCount; i++, row++)
            {
                if (row < s.RowStart || row >= s.RowStart + s.Rows) continue;
                for (int n = 0; n < total; n++) decoders[r * total + n] = o.Weights[i, firstNeuron + n];
                keys[r++] = map.Keys[(o.Net, s.Cluster)] | (uint)o.KeyIndex[i];
            }
        var filters = p.Inputs.Select(inp => Filter(inp.Nets, inp.Tau, s.InputDims, map)).ToList();
        return new EnsembleCoreData(Model.Dt, ((LIF)b.NeuronType).TauRc, ((LIF)b.NeuronType).TauRef, d, s.InputStart, s.InputDims, enc, bias, gain,
            ev.ClusterLengths, ev.PopulationId, decoders, keys, filters, false, false, sharedIn, sharedSpikes, sema, steps);
    }

    /// <summary>One input filter fed by every cluster of the given nets.</summary>
    internal static FilterSpec Filter(IEnumerable<int> nets, double? tau, int width, MappingResult map)
    {
        var routes = map.Keys.Where(k => nets.Contains(k.Key.Net)).OrderBy(k => k.Key.Net).ThenBy(k => k.Key.Cluster)
            .Select(k => (k.Value, map.RoutingMask, map.IndexMask)).ToList();
        return new FilterSpec(tau ?? 0, width, false, routes, IsNone: tau is null);
    }
}
