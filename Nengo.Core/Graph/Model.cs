using System.Text;
using Nengo.Graph.Operators;

namespace Nengo.Graph;

/// <summary>
/// The compiled model: signals, operators (in a valid step order), the probes to record and the
/// built parameters of ensembles and connections. It is what every backend receives; backends must
/// treat it as immutable.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.builder.Model</c> after <c>Simulator</c> has sorted its operators.
/// One step = <see cref="StepOrder"/> executed in order, then every due probe copies its signal.
/// </remarks>
public sealed class Model
{
    internal Model(double dt, string? label, Signal step, Signal time, IReadOnlyList<Operator> operators,
        IReadOnlyList<Operator> stepOrder, IReadOnlyList<int> stepLevels, IReadOnlyList<ProbeRecord> probes,
        IReadOnlyDictionary<object, IReadOnlyDictionary<string, Signal>> sig,
        IReadOnlyDictionary<Ensemble, BuiltEnsemble> ensembles, IReadOnlyDictionary<Connection, BuiltConnection> connections)
    {
        Dt = dt; Label = label; StepSignal = step; TimeSignal = time; Operators = operators; StepOrder = stepOrder; StepLevels = stepLevels;
        Probes = probes; Sig = sig; Ensembles = ensembles; Connections = connections;
    }

    /// <summary>Creates a model from a list of operators, ordering them with <see cref="OperatorScheduler"/>.</summary>
    /// <param name="dt">Time step (s).</param>
    /// <param name="label">The network's label.</param>
    /// <param name="step">The step counter signal.</param>
    /// <param name="time">The time signal.</param>
    /// <param name="operators">Every operator, in build order.</param>
    /// <param name="probes">The probes to record.</param>
    /// <param name="sig">Signals by object and key.</param>
    /// <param name="ensembles">Built ensembles.</param>
    /// <param name="connections">Built connections.</param>
    /// <returns>The model.</returns>
    /// <exception cref="BuildError">When the operators form an algebraic loop or conflict.</exception>
    public static Model Create(double dt, string? label, Signal step, Signal time, IReadOnlyList<Operator> operators,
        IReadOnlyList<ProbeRecord> probes, IReadOnlyDictionary<object, IReadOnlyDictionary<string, Signal>> sig,
        IReadOnlyDictionary<Ensemble, BuiltEnsemble> ensembles, IReadOnlyDictionary<Connection, BuiltConnection> connections)
    {
        var (order, levels) = OperatorScheduler.Schedule(operators);
        return new Model(dt, label, step, time, operators, order, levels, probes, sig, ensembles, connections);
    }

    /// <summary>The time step in seconds.</summary>
    public double Dt { get; }

    /// <summary>The label of the network it was built from.</summary>
    public string? Label { get; }

    /// <summary>The step counter (1 element).</summary>
    public Signal StepSignal { get; }

    /// <summary>The simulation time (1 element), step·dt.</summary>
    public Signal TimeSignal { get; }

    /// <summary>Every operator, in the order the builder added them.</summary>
    public IReadOnlyList<Operator> Operators { get; }

    /// <summary>The operators in the order one step executes them.</summary>
    public IReadOnlyList<Operator> StepOrder { get; }

    /// <summary>
    /// The dependency level of each operator of <see cref="StepOrder"/> (same index): operators of one
    /// level do not depend on each other, so backends may batch or parallelise them.
    /// </summary>
    public IReadOnlyList<int> StepLevels { get; }

    /// <summary>What each probe records.</summary>
    public IReadOnlyList<ProbeRecord> Probes { get; }

    /// <summary>Signals by object (Ensemble, Neurons, Node, Connection, Probe) and key ("in", "out", "encoders", …).</summary>
    public IReadOnlyDictionary<object, IReadOnlyDictionary<string, Signal>> Sig { get; }

    /// <summary>Built parameters of every ensemble.</summary>
    public IReadOnlyDictionary<Ensemble, BuiltEnsemble> Ensembles { get; }

    /// <summary>Built parameters of every connection.</summary>
    public IReadOnlyDictionary<Connection, BuiltConnection> Connections { get; }

    /// <summary>Every distinct base signal touched by an operator or probe, in first-use order.</summary>
    public IReadOnlyList<Signal> BaseSignals => _bases ??= CollectBases();

    private IReadOnlyList<Signal>? _bases;

    private List<Signal> CollectBases()
    {
        var seen = new HashSet<Signal>(ReferenceEqualityComparer.Instance);
        var list = new List<Signal>();
        void Add(Signal s) { if (seen.Add(s.Root)) list.Add(s.Root); }
        Add(StepSignal); Add(TimeSignal);
        foreach (var op in StepOrder)
            foreach (var s in op.Sets.Concat(op.Incs).Concat(op.Reads).Concat(op.Updates)) Add(s);
        foreach (var p in Probes) Add(p.Signal);
        return list;
    }

    /// <summary>Prints the model: signals, then the step order, one operator per line.</summary>
    /// <returns>A readable listing.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Model '{Label ?? "network"}' dt={Check.Show(Dt)}: {BaseSignals.Count} signals, {StepOrder.Count} operators, {Probes.Count} probes");
        foreach (var g in StepOrder.GroupBy(o => o.GetType().Name))
            sb.AppendLine($"  {g.Key}: {g.Count()}");
        sb.AppendLine("Step order:");
        for (int i = 0; i < StepOrder.Count; i++) sb.AppendLine($"  {i,4}  L{StepLevels[i],-3} {StepOrder[i]}");
        foreach (var p in Probes) sb.AppendLine($"  probe {p}");
        return sb.ToString();
    }
}
