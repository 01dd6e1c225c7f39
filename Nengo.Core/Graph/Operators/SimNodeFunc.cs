namespace Nengo.Graph.Operators;

/// <summary>A host callback: output = f(t, x).</summary>
/// <param name="t">Simulation time.</param>
/// <param name="x">Input (empty if none).</param>
/// <param name="output">Receives the output.</param>
public delegate void NodeCallback(double t, ReadOnlySpan<double> x, Span<double> output);

/// <summary>
/// Calls user code on the host: a node's output function, or the exact function of a connection from a
/// node or Direct-mode ensemble. Reads time and x; sets output.
/// </summary>
/// <remarks>Nengo equivalent: <c>SimPyFunc</c>. The callback checks sizes and finiteness and names the object in errors.</remarks>
public sealed class SimNodeFunc : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="callback">The function.</param>
    /// <param name="output">Output signal.</param>
    /// <param name="time">Time signal, or null when the function does not use t.</param>
    /// <param name="input">Input signal, or null.</param>
    /// <param name="tag">What built it.</param>
    public SimNodeFunc(NodeCallback callback, Signal output, Signal? time, Signal? input, string? tag = null) : base(tag)
    {
        Callback = callback; Output = output; Time = time; Input = input;
    }

    /// <summary>The function.</summary>
    public NodeCallback Callback { get; }
    /// <summary>Output.</summary>
    public Signal Output { get; }
    /// <summary>Time or null.</summary>
    public Signal? Time { get; }
    /// <summary>Input or null.</summary>
    public Signal? Input { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => [Output];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [.. (Time is null ? [] : new[] { Time }), .. (Input is null ? [] : new[] { Input })];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{Time?.Name ?? "-"}, {Input?.Name ?? "-"} -> {Output.Name}";
}
