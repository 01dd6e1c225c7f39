namespace Nengo;

/// <summary>
/// A slice of an ensemble's dimensions, a node's dimensions or an ensemble's neurons, made by indexing:
/// <c>ens[0]</c>, <c>ens[^1]</c>, <c>ens[1..3]</c>, <c>node[..2]</c>, <c>ens[new[] {2, 0}]</c>.
/// Usable on either end of a connection and as a probe target.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.base.ObjView</c>. Repeated post indices sum.</remarks>
public sealed class ObjView : IConnectable, IProbeable
{
    private readonly int[] _indices;

    private ObjView(IConnectable target, int[] indices)
    {
        Target = target;
        _indices = indices;
    }

    /// <summary>The sliced object (an <see cref="Ensemble"/>, <see cref="Node"/> or <see cref="Neurons"/>).</summary>
    public IConnectable Target { get; }

    /// <summary>The selected indices, in order (may repeat).</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>The selected indices as an array copy.</summary>
    /// <returns>The indices.</returns>
    public int[] IndexArray() => (int[])_indices.Clone();

    /// <summary>True when the indices are start, start+1, … (a plain view, no copy needed).</summary>
    public bool IsContiguous => _indices.Length > 0 && _indices.Select((v, i) => v - i).Distinct().Count() == 1;

    /// <summary>True when some index appears twice.</summary>
    public bool HasRepeats => _indices.Distinct().Count() != _indices.Length;

    /// <summary>The size of the object behind the view (its full length).</summary>
    public int FullLength => Math.Max(Target.SizeIn, Target.SizeOut);

    /// <inheritdoc />
    public int SizeIn => Target.SizeIn > 0 ? _indices.Length : 0;

    /// <inheritdoc />
    public int SizeOut => Target.SizeOut > 0 ? _indices.Length : 0;

    /// <inheritdoc />
    public string Describe => $"{Target.Describe}[{string.Join(", ", _indices.Take(8))}{(_indices.Length > 8 ? ", …" : "")}]";

    /// <inheritdoc />
    public IReadOnlyList<string> ProbeableAttributes => (Target as IProbeable)?.ProbeableAttributes ?? [];

    /// <inheritdoc />
    public override string ToString() => Describe;

    internal static ObjView Of(IConnectable target, int length, int index)
    {
        int i = index < 0 ? index + length : index;
        Check.That(i >= 0 && i < length, target.Describe, nameof(index), $"must be in [-{length}, {length})", index);
        return new ObjView(target, [i]);
    }

    internal static ObjView Of(IConnectable target, int length, Index index)
    {
        int i = index.IsFromEnd ? length - index.Value : index.Value;
        Check.That(i >= 0 && i < length, target.Describe, nameof(index), $"must be in [0, {length}) or [^{length}, ^1]", index);
        return new ObjView(target, [i]);
    }

    internal static ObjView Of(IConnectable target, int length, Range range)
    {
        int start, count;
        try { (start, count) = range.GetOffsetAndLength(length); }
        catch (ArgumentOutOfRangeException) { throw new ValidationError(Check.Message(target.Describe, nameof(range), $"must lie within [0, {length}]", range)); }
        Check.That(count > 0, target.Describe, nameof(range), "must select at least one element", range);
        return new ObjView(target, Enumerable.Range(start, count).ToArray());
    }

    internal static ObjView Of(IConnectable target, int length, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        Check.That(indices.Length > 0, target.Describe, nameof(indices), "must select at least one element", indices);
        var resolved = new int[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k] < 0 ? indices[k] + length : indices[k];
            Check.That(i >= 0 && i < length, target.Describe, nameof(indices), $"must all be in [-{length}, {length})", indices);
            resolved[k] = i;
        }
        return new ObjView(target, resolved);
    }
}
