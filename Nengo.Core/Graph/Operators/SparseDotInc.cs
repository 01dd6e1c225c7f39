namespace Nengo.Graph.Operators;

/// <summary>
/// Y += A·X with A a sparse matrix in compressed sparse row (CSR) form: row i holds the values
/// <c>Data[IndPtr[i] .. IndPtr[i+1]]</c> in the columns <c>Indices[IndPtr[i] .. IndPtr[i+1]]</c>. Incs Y; reads Data, X.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>SparseDotInc</c>. Built for <see cref="Sparse"/> transforms. The values are a signal (so a
/// learning rule could change them); the sparsity pattern is fixed and lives on the operator.
/// </remarks>
public sealed class SparseDotInc : Operator
{
    private readonly int[] _indices, _indptr;

    /// <summary>Creates the operator.</summary>
    /// <param name="data">The nonzero values, in CSR order (length IndPtr[^1]).</param>
    /// <param name="indices">The column of each value, in [0, |X|).</param>
    /// <param name="indptr">Row starts into <paramref name="data"/>: |Y| + 1 non-decreasing offsets from 0 to |data|.</param>
    /// <param name="x">The input vector.</param>
    /// <param name="y">The accumulator.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the CSR arrays do not describe a |Y| × |X| matrix with |data| values.</exception>
    public SparseDotInc(Signal data, IReadOnlyList<int> indices, IReadOnlyList<int> indptr, Signal x, Signal y, string? tag = null) : base(tag)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(indptr);
        if (indptr.Count != y.Size + 1 || indptr[0] != 0 || indptr[^1] != data.Size || indices.Count != data.Size)
            throw new ArgumentException($"SparseDotInc: CSR arrays (indptr {indptr.Count}, indices {indices.Count}) do not fit {data} and {y}");
        for (int i = 0; i < y.Size; i++)
            if (indptr[i + 1] < indptr[i]) throw new ArgumentException($"SparseDotInc: indptr must be non-decreasing (row {i})");
        foreach (int j in indices)
            if (j < 0 || j >= x.Size) throw new ArgumentException($"SparseDotInc: column {j} is outside {x}");
        Data = data; X = x; Y = y;
        _indices = indices.ToArray();
        _indptr = indptr.ToArray();
    }

    /// <summary>The nonzero values (CSR order).</summary>
    public Signal Data { get; }
    /// <summary>The column of each value.</summary>
    public IReadOnlyList<int> Indices => _indices;
    /// <summary>Row starts into <see cref="Data"/> (|Y| + 1 entries).</summary>
    public IReadOnlyList<int> IndPtr => _indptr;
    /// <summary>The input.</summary>
    public Signal X { get; }
    /// <summary>The accumulator.</summary>
    public Signal Y { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => [Y];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [Data, X];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{Data.Name} ({Y.Size}x{X.Size}, {Data.Size} nonzeros), {X.Name} -> {Y.Name}";
}
