namespace Nengo;

/// <summary>
/// A sparse matrix transform y = S·x of shape (<see cref="Rows"/> = post size, <see cref="Cols"/> = size after
/// the function), given by the (row, column) positions of its nonzero entries and their values.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.transforms.Sparse(shape, indices=None, init=1.0)</c> (NEF.md §8). It runs as a
/// SparseDotInc over compressed sparse rows (CSR). Repeated positions add up.</para>
/// <para>The values are a scalar (every entry), one value per position, or a distribution sampled once at build
/// time with the connection's generator (one draw per position, in the order of the indices). Nengo's form with a
/// scipy sparse matrix is <see cref="Sparse(double[,])"/>, which takes the nonzero entries of a dense matrix.
/// Not allowed on decoded connections (the pre must be a Node, Neurons or a Direct-mode ensemble), and not
/// learnable.</para>
/// </remarks>
public sealed class Sparse : Transform
{
    private readonly int[,] _indices;
    private readonly double[]? _values;

    /// <summary>Every listed entry has the value <paramref name="init"/>.</summary>
    /// <param name="rows">The number of rows (the post size); positive.</param>
    /// <param name="cols">The number of columns (the size after the function); positive.</param>
    /// <param name="indices">The positions of the entries, one (row, column) pair per row of a (k, 2) array.</param>
    /// <param name="init">The value of every entry; finite.</param>
    /// <exception cref="ValidationError">When a size is not positive, indices is not (k, 2) or out of range, or init is not finite.</exception>
    public Sparse(int rows, int cols, int[,] indices, double init = 1.0) : this(rows, cols, indices)
    {
        Check.That(double.IsFinite(init), "Sparse", nameof(init), "must be finite", init);
        Scalar = init;
    }

    /// <summary>Entry i has the value <paramref name="init"/>[i].</summary>
    /// <param name="rows">The number of rows (the post size); positive.</param>
    /// <param name="cols">The number of columns (the size after the function); positive.</param>
    /// <param name="indices">The positions of the entries, one (row, column) pair per row of a (k, 2) array.</param>
    /// <param name="init">One finite value per position (k values); copied.</param>
    /// <exception cref="ValidationError">When a size is not positive, indices is not (k, 2) or out of range, or init does not have k finite values.</exception>
    public Sparse(int rows, int cols, int[,] indices, double[] init) : this(rows, cols, indices)
    {
        Check.Finite(init, "Sparse", nameof(init));
        Check.That(init.Length == NonZeros, "Sparse", nameof(init), $"must have one value per index ({NonZeros})", init);
        _values = (double[])init.Clone();
    }

    /// <summary>The entries' values are drawn from <paramref name="init"/> at build time.</summary>
    /// <param name="rows">The number of rows (the post size); positive.</param>
    /// <param name="cols">The number of columns (the size after the function); positive.</param>
    /// <param name="indices">The positions of the entries, one (row, column) pair per row of a (k, 2) array.</param>
    /// <param name="init">The distribution; k scalar draws, one per position.</param>
    /// <exception cref="ValidationError">When a size is not positive, or indices is not (k, 2) or out of range.</exception>
    public Sparse(int rows, int cols, int[,] indices, Distribution init) : this(rows, cols, indices)
    {
        ArgumentNullException.ThrowIfNull(init);
        Distribution = init;
    }

    /// <summary>The nonzero entries of a dense matrix (rows = post size), in row-major order.</summary>
    /// <param name="matrix">The matrix; finite.</param>
    /// <exception cref="ValidationError">When the matrix is empty or not finite.</exception>
    public Sparse(double[,] matrix) : this(matrix?.GetLength(0) ?? 0, matrix?.GetLength(1) ?? 0, NonzeroPositions(matrix!))
    {
        _values = new double[NonZeros];
        for (int k = 0; k < NonZeros; k++) _values[k] = matrix![_indices[k, 0], _indices[k, 1]];
    }

    private Sparse(int rows, int cols, int[,] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        Check.Positive(rows, "Sparse", nameof(rows));
        Check.Positive(cols, "Sparse", nameof(cols));
        Check.That(indices.GetLength(1) == 2, "Sparse", nameof(indices), "must have shape (k, 2): one (row, column) pair per entry", $"shape ({indices.GetLength(0)}, {indices.GetLength(1)})");
        for (int k = 0; k < indices.GetLength(0); k++)
        {
            Check.That(indices[k, 0] >= 0 && indices[k, 0] < rows, "Sparse", nameof(indices), $"must have rows in [0, {rows})", $"({indices[k, 0]}, {indices[k, 1]}) at entry {k}");
            Check.That(indices[k, 1] >= 0 && indices[k, 1] < cols, "Sparse", nameof(indices), $"must have columns in [0, {cols})", $"({indices[k, 0]}, {indices[k, 1]}) at entry {k}");
        }
        Rows = rows;
        Cols = cols;
        _indices = (int[,])indices.Clone();
    }

    /// <summary>The number of rows (the post size).</summary>
    public int Rows { get; }

    /// <summary>The number of columns (the size after the function).</summary>
    public int Cols { get; }

    /// <summary>The number of listed entries (k).</summary>
    public int NonZeros => _indices.GetLength(0);

    /// <summary>A copy of the (k, 2) positions.</summary>
    public int[,] Indices => (int[,])_indices.Clone();

    /// <summary>The value of every entry, when one scalar was given.</summary>
    public double? Scalar { get; }

    /// <summary>A copy of the per-entry values, when they were given.</summary>
    public double[]? Values => (double[]?)_values?.Clone();

    /// <summary>The distribution of the values, when one was given.</summary>
    public Distribution? Distribution { get; }

    /// <inheritdoc />
    public override int? SizeIn => Cols;

    /// <inheritdoc />
    public override int? SizeOut => Rows;

    /// <inheritdoc />
    public override bool AllowsDecoders => false;

    /// <summary>The k entry values in the order of <see cref="Indices"/>: the given ones, or one draw of the distribution.</summary>
    /// <param name="rng">The generator (the connection's, at build time).</param>
    /// <returns>k values.</returns>
    public double[] SampleValues(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (_values is not null) return (double[])_values.Clone();
        if (Distribution is { } d) return d.Sample(NonZeros, rng);
        return Enumerable.Repeat(Scalar!.Value, NonZeros).ToArray();
    }

    /// <summary>The dense (Rows × Cols) equivalent of the matrix with the given entry values (repeated positions summed).</summary>
    /// <param name="values">k values in the order of <see cref="Indices"/>, e.g. from <see cref="SampleValues"/>.</param>
    /// <returns>A new matrix.</returns>
    /// <exception cref="ArgumentException">When there are not k values.</exception>
    public double[,] ToMatrix(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != NonZeros) throw new ArgumentException($"Sparse: {NonZeros} values are needed, got {values.Length}.", nameof(values));
        var m = new double[Rows, Cols];
        for (int k = 0; k < NonZeros; k++) m[_indices[k, 0], _indices[k, 1]] += values[k];
        return m;
    }

    /// <inheritdoc />
    public override void Validate(string owner, int sizeIn, int sizeOut) => ValidateSizes(owner, sizeIn, sizeOut);

    /// <inheritdoc />
    public override bool Equals(object? obj) =>
        obj is Sparse o && Rows == o.Rows && Cols == o.Cols && _indices.Cast<int>().SequenceEqual(o._indices.Cast<int>())
        && Scalar == o.Scalar && Equals(Distribution, o.Distribution)
        && (_values is null ? o._values is null : o._values is not null && _values.SequenceEqual(o._values));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rows, Cols, NonZeros, Scalar, Distribution);

    /// <inheritdoc />
    public override string ToString() =>
        $"Sparse({Rows}x{Cols}, {NonZeros} entries, init={(Distribution is { } d ? d.ToString() : _values is { } v ? Check.Show(v) : Check.Show(Scalar!.Value))})";

    private static int[,] NonzeroPositions(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        foreach (double v in matrix) Check.That(double.IsFinite(v), "Sparse", nameof(matrix), "must contain only finite numbers", v);
        var list = new List<(int, int)>();
        for (int i = 0; i < matrix.GetLength(0); i++)
            for (int j = 0; j < matrix.GetLength(1); j++)
                if (matrix[i, j] != 0) list.Add((i, j));
        var r = new int[list.Count, 2];
        for (int k = 0; k < list.Count; k++) (r[k, 0], r[k, 1]) = list[k];
        return r;
    }
}
