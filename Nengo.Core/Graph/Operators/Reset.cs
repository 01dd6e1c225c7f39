namespace Nengo.Graph.Operators;

/// <summary>Sets every element of <see cref="Dst"/> to <see cref="Value"/>. Sets: dst.</summary>
/// <remarks>Nengo equivalent: <c>Reset</c>. Clears accumulators (decoded inputs, connection outputs) each step.</remarks>
public sealed class Reset : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="dst">The signal to reset.</param>
    /// <param name="value">The value (default 0).</param>
    /// <param name="tag">What built it.</param>
    public Reset(Signal dst, double value = 0.0, string? tag = null) : base(tag) { Dst = dst; Value = value; }

    /// <summary>The signal reset.</summary>
    public Signal Dst { get; }

    /// <summary>The value written.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => [Dst];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{Dst.Name} <- {Check.Show(Value)}";
}
