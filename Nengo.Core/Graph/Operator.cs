namespace Nengo.Graph;

/// <summary>
/// One computation of a simulation step. Every operator declares the signals it
/// <see cref="Sets"/> (writes first, at most one per signal), <see cref="Incs"/> (accumulates into),
/// <see cref="Reads"/> and <see cref="Updates"/> (writes last, after every reader: the one-step delay
/// of synapses). The scheduler orders a step by these four lists alone, so every backend can run the
/// same graph.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.builder.operator.Operator</c>.</remarks>
public abstract class Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="tag">A readable note of what built it, e.g. the connection.</param>
    protected Operator(string? tag) { Tag = tag; }

    /// <summary>What built this operator (for printing and errors).</summary>
    public string? Tag { get; }

    /// <summary>Signals written before any inc or read this step.</summary>
    public abstract IReadOnlyList<Signal> Sets { get; }

    /// <summary>Signals accumulated into, after the set and before reads.</summary>
    public abstract IReadOnlyList<Signal> Incs { get; }

    /// <summary>Signals read, after all sets and incs.</summary>
    public abstract IReadOnlyList<Signal> Reads { get; }

    /// <summary>Signals written after every reader has read them.</summary>
    public abstract IReadOnlyList<Signal> Updates { get; }

    /// <summary>Dispatches to the visitor's method for this operator type.</summary>
    /// <typeparam name="T">The visitor's result.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>Whatever the visitor returns.</returns>
    public abstract T Accept<T>(IOperatorVisitor<T> visitor);

    /// <summary>The operator's arguments for printing.</summary>
    protected abstract string Arguments { get; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}{{{Arguments}{(Tag is null ? "" : $" '{Tag}'")}}}";

    /// <summary>An empty signal list.</summary>
    protected static IReadOnlyList<Signal> None => [];
}
