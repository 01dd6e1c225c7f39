namespace Nengo.Graph.Operators;

/// <summary>Y += A·X with A a row-major (|Y| × |X|) matrix. Incs Y; reads A, X.</summary>
/// <remarks>Nengo equivalent: <c>DotInc</c>. Encoders, decoders, weight matrices and matrix transforms.</remarks>
public sealed class DotInc : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="x">The input vector.</param>
    /// <param name="y">The accumulator.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the shapes do not match.</exception>
    public DotInc(Signal a, Signal x, Signal y, string? tag = null) : base(tag)
    {
        if (!a.IsMatrix || a.Rows != y.Size || a.Cols != x.Size)
            throw new ArgumentException($"DotInc: {a} cannot map {x} to {y}");
        A = a; X = x; Y = y;
    }

    /// <summary>The matrix.</summary>
    public Signal A { get; }
    /// <summary>The input.</summary>
    public Signal X { get; }
    /// <summary>The accumulator.</summary>
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
