using MathNet.Numerics.LinearAlgebra;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Mapping;
using Nengo.Graph;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>
/// The host-side translation of a <see cref="Model"/> into what the board runs (SPINNAKER.md §4.1): validation of the
/// supported subset (before anything is sent), the netlist of ensemble cores, value sources, value sinks and SDP
/// receivers/transmitters, the host-side part (Nodes with input, evaluated on the host, §4.9), and the recipes that turn
/// a mapping into region images. Passthrough Nodes are multiplied out: every path from an ensemble or a Node through
/// them becomes one net with the product of the transforms and at most one synapse.
/// </summary>
internal sealed partial class ModelPlan
{
    internal sealed record EnsembleVertex(Ensemble Ensemble, CoreSlice Slice, int[] ClusterLengths, int PopulationId, bool FirstOfCluster);
    internal sealed record SourceVertex(Connection Connection, Node Node, Matrix<double>? Weights, Matrix<double> Map, int[] KeyIndex, int Net);
    /// <summary>A host Node's outgoing path into the board: the host sends <c>Map · weights · f(slice(x))</c> (KeyIndex rows) each step.</summary>
    internal sealed record ReceiverVertex(Connection Connection, Node Node, Matrix<double>? Weights, Matrix<double> Map, int[] KeyIndex, int Net);
    /// <summary>The board's contribution to a host Node's input: the nets of the paths from ensembles, filtered on the core.</summary>
    internal sealed record TransmitterVertex(Node Node, List<(int Net, double? Tau)> Nets);
    internal sealed record SinkVertex(int ProbeIndex, int Size, int Lag, List<(int Net, double? Tau, bool Latching)> Nets);
    /// <summary>A path from an ensemble or a Node through passthrough Nodes: <c>Map</c> (target dims × first.SizeOut) after the first connection.</summary>
    internal sealed record Route(Connection First, Matrix<double> Map, double? Tau, object Target);
    internal sealed record Incoming(List<int> Nets, double? Tau, bool Latching);
    /// <summary>Decoded rows of an ensemble: static, or learnt by <paramref name="Rule"/> with row i driven by error dimension <c>ErrorDims[i]</c>.</summary>
    internal sealed record Outgoing(Connection Connection, Matrix<double> Weights, int[] KeyIndex, int Net, LearningRule? Rule = null, int[]? ErrorDims = null);
    internal sealed record EnsemblePlan(Ensemble Ensemble, BuiltEnsemble Built, List<Outgoing> Outputs, List<Incoming> Inputs, double[] DirectInput,
        List<int> Vertices, List<CoreSlice> Slices)
    {
        /// <summary>Error inputs of the PES rules on this ensemble's outgoing connections (modulatory filters).</summary>
        public List<(LearningRule Rule, Incoming Input)> Errors { get; } = [];
    }
    internal sealed record HostProbe(int ProbeIndex, Node Node, IReadOnlyList<int>? Slice, double? Tau);
    /// <summary>A host-side path into a host Node from a Node (value or host): float64, Nengo's semantics.</summary>
    internal sealed record HostInput(Connection Connection, Node Pre, Matrix<double>? Weights, Matrix<double> Map, double? Tau, Node Target);

    public required Model Model { get; init; }
    public Netlist Netlist { get; } = new();
    public Dictionary<int, object> Vertices { get; } = [];
    public List<EnsemblePlan> Ensembles { get; } = [];
    public List<SourceVertex> Sources { get; } = [];
    public List<(int Vertex, SinkVertex Sink)> Sinks { get; } = [];
    public List<HostProbe> HostProbes { get; } = [];
    public List<HostInput> HostInputs { get; } = [];

    /// <summary>Whether any path crosses between host and board through SDP receivers or transmitters.</summary>
    public bool HasNodeIo => Vertices.Values.Any(v => v is ReceiverVertex or TransmitterVertex);

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

    /// <summary>A Node evaluated on the host every step because its output depends on its input (SPINNAKER.md §4.9).</summary>
    internal static bool IsHostNode(Node n) => n.Process is null && n.Function is { SizeIn: > 0 };

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
            if (node.Process is not null) throw Unsupported($"Nodes with a process ({node.Describe}: processes run neither on the cores nor on the host here)");
        foreach (var conn in Model.Connections.Keys)
        {
            string me = conn.Describe;
            if (conn.LearningRule is { } rule) ValidateLearning(conn, rule);
            if (conn.PreObject is Neurons || conn.PostObject is Neurons) throw Unsupported($"connections from or to Neurons ({me})");
            if (conn.IsDecoded && (conn.Solver is { Weights: true } || Model.Connections[conn].Weights is { } w && w.RowCount != conn.SizeOut))
                throw Unsupported($"weight solvers ({me}: full weight matrices into the post neurons; only decoders are sent as packets)");
            if (conn.Transform is not null and not Dense) throw Unsupported($"the transform {conn.Transform} of {me} (only Dense)");
            Tau(ConnectionSynapse(conn), me);
            bool preOk = conn.PreObject is Ensemble or Node;
            bool postOk = conn.PostObject is Ensemble or ProbeSink or Node || conn.PostObject is LearningRule { RuleType: PES };
            if (!preOk || !postOk) throw Unsupported($"connections from {conn.PreObject.Describe} into {conn.PostObject.Describe} ({me})");
            if (conn.PreObject is Node { IsPassthrough: true } && conn.Function is not null)
                throw Unsupported($"functions on connections from passthrough Nodes ({me}: passthrough Nodes are multiplied out, which needs a linear path)");
        }
        foreach (var p in Model.Probes)
        {
            object target = p.Probe.Target is ObjView v ? v.Target : p.Probe.Target;
            bool ok = (target is Ensemble && p.Probe.Attr == "decoded_output") || (target is Node && p.Probe.Attr == "output")
                || (target is LearningRule { RuleType: PES } && p.Probe.Attr == "error");
            if (!ok) throw Unsupported($"probes of '{p.Probe.Attr}' of {(target is IConnectable ic ? ic.Describe : target.ToString())} (only an ensemble's decoded_output, a Node's output and a PES rule's error)");
            if (target is Node or LearningRule) Tau(ProbeSynapse(p.Probe), p.Probe.Describe);
        }
    }

    /// <summary>PES on decoded connections from ensembles (SPINNAKER.md §4.11); every other rule or target is rejected.</summary>
    private static void ValidateLearning(Connection conn, LearningRule rule)
    {
        string me = conn.Describe;
        if (rule.RuleType is not PES pes)
            throw Unsupported($"the learning rule {rule.RuleType.GetType().Name} on {me} (only PES, on decoded connections from ensembles)");
        if (conn.PreObject is not Ensemble)
            throw Unsupported($"PES on {me} from {conn.PreObject.Describe} (the ensemble program learns decoders of connections from whole ensembles only)");
        if (pes.PreSynapse is not null and not Lowpass)
            throw Unsupported($"the PES pre_synapse {pes.PreSynapse} on {me} (the ensemble program applies each spike unfiltered, which equals a unit-gain Lowpass only in its integral)");
    }

    /// <summary>Direct-mode ensembles with no connection and no probe: nothing observable, so they are left out.</summary>
    public HashSet<Ensemble> Ignored { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every Node that is not a passthrough: evaluated on the host every step (as the reference does), so their failures surface.</summary>
    public List<Node> HostEvaluated => [.. Model.Sig.Keys.OfType<Node>().Where(n => !n.IsPassthrough)];

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
}
