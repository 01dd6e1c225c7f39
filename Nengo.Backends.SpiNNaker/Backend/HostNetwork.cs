namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>
/// The host side of a model (SPINNAKER.md §4.9) in float64 with Nengo's semantics: every Node that is not a passthrough
/// is evaluated once per host step, in an order that lets a Node read the same-step output of the Nodes feeding it
/// without a synapse; a Lowpass path is read before its update (one step of delay, as in Nengo); the board's part of a
/// host Node's input is the latest vector its SDP transmitter sent. Probed Node outputs are recorded per step.
/// </summary>
internal sealed class HostNetwork
{
    private readonly ModelPlan _plan;
    private readonly List<Node> _order;
    private readonly Dictionary<Node, double[]> _outputs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ModelPlan.HostInput, double[]> _filters = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, List<double[]>> _recorded = new(ReferenceEqualityComparer.Instance);

    public HostNetwork(ModelPlan plan)
    {
        _plan = plan;
        _order = Order(plan);
        foreach (var hp in plan.HostProbes) _recorded.TryAdd(hp.Node, []);
        Reset();
    }

    /// <summary>The last host step evaluated (0 before the first).</summary>
    public long Step { get; private set; }

    /// <summary>Topological order over the synapse-None paths between Nodes (Nengo rejects loops without a synapse at build).</summary>
    private static List<Node> Order(ModelPlan plan)
    {
        var nodes = plan.HostEvaluated;
        var order = new List<Node>();
        var state = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        void Visit(Node n)
        {
            if (state.TryGetValue(n, out int s))
            {
                if (s == 1) throw new BuildError($"{n.Describe}: a loop of Node connections without a synapse has no evaluation order.");
                return;
            }
            state[n] = 1;
            foreach (var input in plan.HostInputs.Where(h => h.Tau is null && ReferenceEquals(h.Target, n))) Visit(input.Pre);
            state[n] = 2;
            order.Add(n);
        }
        foreach (var n in nodes) Visit(n);
        return order;
    }

    /// <summary>Back to step 0: zero filters, no recordings.</summary>
    public void Reset()
    {
        Step = 0;
        _outputs.Clear();
        foreach (var h in _plan.HostInputs) _filters[h] = h.Tau is null ? [] : new double[h.Target.SizeIn];
        foreach (var list in _recorded.Values) list.Clear();
    }

    /// <summary>Evaluates host step <see cref="Step"/> + 1 at t = step × dt.</summary>
    /// <param name="boardInput">The latest vector the board sent for a host Node, or null when none arrives for it.</param>
    /// <exception cref="SimulationError">When a Node function fails.</exception>
    public void Advance(Func<Node, double[]?> boardInput)
    {
        long k = ++Step;
        double t = k * _plan.Model.Dt;
        foreach (var node in _order)
        {
            if (!ModelPlan.IsHostNode(node)) { _outputs[node] = ModelPlan.NodeOutput(node, t); continue; }
            var x = new double[node.SizeIn];
            if (boardInput(node) is { } b) for (int i = 0; i < x.Length; i++) x[i] += b[i];
            foreach (var h in _plan.HostInputs)
            {
                if (!ReferenceEquals(h.Target, node)) continue;
                var v = h.Tau is null ? Deliver(h) : _filters[h];
                for (int i = 0; i < x.Length; i++) x[i] += v[i];
            }
            var y = new double[node.SizeOut];
            node.Function!.Invoke(t, x, y);
            _outputs[node] = y;
        }
        foreach (var h in _plan.HostInputs)
        {
            if (h.Tau is not { } tau) continue;
            double a = tau > 0 ? Math.Exp(-_plan.Model.Dt / tau) : 0;
            var u = Deliver(h);
            var y = _filters[h];
            for (int i = 0; i < y.Length; i++) y[i] = a * y[i] + (1 - a) * u[i];
        }
        foreach (var (node, list) in _recorded) list.Add(_outputs[node]);
    }

    /// <summary>What a host-side path delivers to its target this step: Map · weights · f(slice(x)).</summary>
    private double[] Deliver(ModelPlan.HostInput h) => Path(h.Connection, h.Weights, h.Map, _outputs[h.Pre]);

    /// <summary>What an SDP receiver gets this step: the KeyIndex rows of Map · weights · f(slice(x)).</summary>
    public double[] ReceiverValue(ModelPlan.ReceiverVertex rx) => Path(rx.Connection, rx.Weights, rx.Map, _outputs[rx.Node]);

    private static double[] Path(Connection c, MathNet.Numerics.LinearAlgebra.Matrix<double>? weights, MathNet.Numerics.LinearAlgebra.Matrix<double> map, double[] output)
    {
        var v = ModelPlan.ConnectionValue(c, weights, output);
        var r = new double[map.RowCount];
        for (int i = 0; i < r.Length; i++) { double acc = 0; for (int j = 0; j < v.Length; j++) acc += map[i, j] * v[j]; r[i] = acc; }
        return r;
    }

    /// <summary>The recorded output of a probed Node at host step <paramref name="step"/> (1-based).</summary>
    public double[] Recorded(Node node, long step) => _recorded[node][(int)(step - 1)];
}
