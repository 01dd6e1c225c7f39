namespace Nengo.Graph.Operators;

/// <summary>
/// Y += convᵀ(X; W): the adjoint of the convolution described by <see cref="Geometry"/> with kernel W, so
/// X has the geometry's output size and Y its input size, and ⟨conv(u; W), X⟩ = ⟨u, convᵀ(X; W)⟩. Incs Y; reads W, X.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>ConvTransposeInc</c>. Built for <see cref="ConvolutionTranspose"/> transforms; the geometry is
/// the forward convolution from the transform's output back to its input (see <see cref="ConvolutionGeometry"/>).
/// </remarks>
public sealed class ConvTransposeInc : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="w">The kernel of the forward convolution, flattened (kernel height, kernel width, channels per group, filters).</param>
    /// <param name="x">The input (the forward convolution's output size).</param>
    /// <param name="y">The accumulator (the forward convolution's input size).</param>
    /// <param name="geometry">The forward convolution's shapes.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When a signal size does not match the geometry.</exception>
    public ConvTransposeInc(Signal w, Signal x, Signal y, ConvolutionGeometry geometry, string? tag = null) : base(tag)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (w.Size != geometry.KernelSize || x.Size != geometry.OutputSize || y.Size != geometry.InputSize)
            throw new ArgumentException($"ConvTransposeInc: {w}, {x} -> {y} do not fit the transpose of {geometry}");
        W = w; X = x; Y = y; Geometry = geometry;
    }

    /// <summary>The kernel.</summary>
    public Signal W { get; }
    /// <summary>The input.</summary>
    public Signal X { get; }
    /// <summary>The accumulator.</summary>
    public Signal Y { get; }
    /// <summary>The forward convolution's shapes.</summary>
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
    protected override string Arguments => $"{W.Name}, {X.Name} -> {Y.Name} [transpose of {Geometry}]";
}
