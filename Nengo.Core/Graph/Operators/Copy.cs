namespace Nengo.Graph.Operators;

/// <summary>
/// dst[dstIndices] = src[srcIndices] (or += when <see cref="Inc"/>). Null index lists mean "all, in
/// order". Repeated dst indices accumulate (inc only). Sets dst (or incs it); reads src.
/// </summary>
/// <remarks>Nengo equivalent: <c>Copy</c>.</remarks>
public sealed class Copy : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="src">Source.</param>
    /// <param name="dst">Destination.</param>
    /// <param name="srcIndices">Source indices, or null for all.</param>
    /// <param name="dstIndices">Destination indices, or null for all.</param>
    /// <param name="inc">Accumulate instead of overwrite.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the selected lengths differ.</exception>
    public Copy(Signal src, Signal dst, int[]? srcIndices = null, int[]? dstIndices = null, bool inc = false, string? tag = null)
        : base(tag)
    {
        int n = srcIndices?.Length ?? src.Size, m = dstIndices?.Length ?? dst.Size;
        if (n != m) throw new ArgumentException($"Copy {src.Name} -> {dst.Name}: selects {n} source and {m} destination elements");
        if (!inc && dstIndices is not null && dstIndices.Distinct().Count() != dstIndices.Length)
            throw new ArgumentException($"Copy {src.Name} -> {dst.Name}: repeated destination indices need inc");
        Src = src; Dst = dst; SrcIndices = srcIndices; DstIndices = dstIndices; Inc = inc;
    }

    /// <summary>Source.</summary>
    public Signal Src { get; }
    /// <summary>Destination.</summary>
    public Signal Dst { get; }
    /// <summary>Source indices or null.</summary>
    public IReadOnlyList<int>? SrcIndices { get; }
    /// <summary>Destination indices or null.</summary>
    public IReadOnlyList<int>? DstIndices { get; }
    /// <summary>Whether the copy accumulates.</summary>
    public bool Inc { get; }
    /// <summary>The number of elements copied.</summary>
    public int Length => SrcIndices?.Count ?? Src.Size;

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => Inc ? None : [Dst];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => Inc ? [Dst] : None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [Src];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments =>
        $"{Src.Name}{(SrcIndices is null ? "" : "[…]")} -> {Dst.Name}{(DstIndices is null ? "" : "[…]")}{(Inc ? ", inc" : "")}";
}
