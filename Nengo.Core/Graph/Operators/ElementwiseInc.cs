namespace Nengo.Graph.Operators;

/// <summary>
/// Y += A ⊙ X, elementwise, where A and X each have Y's length or length 1 (broadcast). Incs Y; reads A, X.
/// </summary>
/// <remarks>Nengo equivalent: <c>ElementwiseInc</c>. Used for scalar/diagonal transforms and post-neuron gains.</remarks>
public sealed class ElementwiseInc : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="a">Multiplier (length 1 or Y's length).</param>
    /// <param name="x">Input (length 1 or Y's length).</param>
    /// <param name="y">Accumulator.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the shapes do not broadcast.</exception>
    public ElementwiseInc(Signal a, Signal x, Signal y, string? tag = null) : base(tag)
    {
        if ((a.Size != 1 && a.Size != y.Size) || (x.Size != 1 && x.Size != y.Size))
            throw new ArgumentException($"ElementwiseInc: {a} and {x} do not broadcast to {y}");
        A = a; X = x; Y = y;
    }

    /// <summary>Multiplier.</summary>
    public Signal A { get; }
    /// <summary>Input.</summary>
    public Signal X { get; }
    /// <summary>Accumulator.</summary>
    public Signal Y { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => [Y];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [A, X];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{A.Name}, {X.Name} -> {Y.Name}";
}
