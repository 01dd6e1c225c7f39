namespace Nengo.Graph.Operators;

/// <summary>
/// Y += conv(X; W): the 1-D or 2-D correlation described by <see cref="Geometry"/>, with kernel W. Incs Y; reads W, X.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>ConvInc</c>. Built for <see cref="Convolution"/> transforms. Layouts and the formula are
/// those of <see cref="ConvolutionGeometry"/>: X has its input size, Y its output size, W its kernel size.
/// </remarks>
public sealed class ConvInc : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="w">The kernel, flattened (kernel height, kernel width, channels per group, filters).</param>
    /// <param name="x">The input.</param>
    /// <param name="y">The accumulator.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When a signal size does not match the geometry.</exception>
    public ConvInc(Signal w, Signal x, Signal y, ConvolutionGeometry geometry, string? tag = null) : base(tag)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (w.Size != geometry.KernelSize || x.Size != geometry.InputSize || y.Size != geometry.OutputSize)
            throw new ArgumentException($"ConvInc: {w}, {x} -> {y} do not fit the geometry {geometry}");
        W = w; X = x; Y = y; Geometry = geometry;
    }

    /// <summary>The kernel.</summary>
    public Signal W { get; }
    /// <summary>The input.</summary>
    public Signal X { get; }
    /// <summary>The accumulator.</summary>
    public Signal Y { get; }
    /// <summary>The shapes.</summary>
    public ConvolutionGeometry Geometry { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => [Y];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [W, X];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{W.Name}, {X.Name} -> {Y.Name} [{Geometry}]";
}
