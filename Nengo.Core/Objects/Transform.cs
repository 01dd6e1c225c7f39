namespace Nengo;

/// <summary>
/// A linear transform applied on a connection after the function, in the sliced spaces. Users pass a
/// <c>double</c> (scaled identity), a <c>double[]</c> (a diagonal) or a <c>double[,]</c> (rows = post
/// dimensions after slicing), which become <see cref="Dense"/>.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.transforms.Transform</c>. No transform at all is Nengo's NoTransform.</remarks>
public abstract class Transform
{
    /// <summary>A scaled identity.</summary>
    /// <param name="scale">The scale.</param>
    public static implicit operator Transform(double scale) => new Dense(scale);

    /// <summary>A diagonal matrix.</summary>
    /// <param name="diagonal">The diagonal.</param>
    public static implicit operator Transform(double[] diagonal) => new Dense(diagonal);

    /// <summary>A full matrix, rows = outputs.</summary>
    /// <param name="matrix">The matrix.</param>
    public static implicit operator Transform(double[,] matrix) => new Dense(matrix);

    /// <summary>Checks the transform fits a connection from <paramref name="sizeIn"/> to <paramref name="sizeOut"/> dimensions.</summary>
    /// <param name="owner">The connection, for the message.</param>
    /// <param name="sizeIn">The size after the function (size_mid).</param>
    /// <param name="sizeOut">The size of the post slice.</param>
    /// <exception cref="ValidationError">When the shape does not fit.</exception>
    public abstract void Validate(string owner, int sizeIn, int sizeOut);

    /// <summary>The input size the transform requires (size_mid), or null when it adapts to the connection (a scalar Dense).</summary>
    public virtual int? SizeIn => null;

    /// <summary>The output size the transform produces (the post slice's size), or null when it adapts to the connection.</summary>
    public virtual int? SizeOut => null;

    /// <summary>
    /// Whether the transform may follow solved decoders. Only <see cref="Dense"/> can; <see cref="Sparse"/>,
    /// <see cref="Convolution"/> and <see cref="ConvolutionTranspose"/> need a Node, Neurons or Direct-mode pre.
    /// </summary>
    public virtual bool AllowsDecoders => true;

    /// <summary>Checks the fixed <see cref="SizeIn"/> and <see cref="SizeOut"/> against the connection's sizes.</summary>
    /// <param name="owner">The connection, for the message.</param>
    /// <param name="sizeIn">The size after the function (size_mid).</param>
    /// <param name="sizeOut">The size of the post slice.</param>
    /// <exception cref="ValidationError">When a size differs.</exception>
    protected void ValidateSizes(string owner, int sizeIn, int sizeOut)
    {
        if (SizeIn is { } i && i != sizeIn)
            throw new ValidationError($"{owner}: transform {this} takes {i} inputs, but the size after the function is {sizeIn}.");
        if (SizeOut is { } o && o != sizeOut)
            throw new ValidationError($"{owner}: transform {this} gives {o} outputs, but the post size is {sizeOut}.");
    }
}

/// <summary>A dense transform: scalar (scaled identity), vector (diagonal) or full matrix.</summary>
public sealed class Dense : Transform
{
    /// <summary>A scaled identity.</summary>
    /// <param name="scale">The scale (finite).</param>
    public Dense(double scale)
    {
        Check.That(double.IsFinite(scale), "Dense", nameof(scale), "must be finite", scale);
        Scalar = scale;
    }

    /// <summary>A diagonal matrix.</summary>
    /// <param name="diagonal">The diagonal (finite).</param>
    public Dense(double[] diagonal)
    {
        Diagonal = (double[])Check.Finite(diagonal, "Dense", nameof(diagonal)).Clone();
    }

    /// <summary>A full matrix, rows = outputs (post dimensions), columns = inputs.</summary>
    /// <param name="matrix">The matrix (finite).</param>
    public Dense(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        foreach (double v in matrix)
            Check.That(double.IsFinite(v), "Dense", nameof(matrix), "must contain only finite numbers", v);
        Matrix = (double[,])matrix.Clone();
    }

    /// <summary>The scale, when this is a scaled identity.</summary>
    public double? Scalar { get; }

    /// <summary>The diagonal, when this is a diagonal transform.</summary>
    public double[]? Diagonal { get; }

    /// <summary>The full matrix, when this is a matrix transform.</summary>
    public double[,]? Matrix { get; }

    /// <summary>True for a full 2-D matrix (which forbids repeated post indices).</summary>
    public bool IsMatrix => Matrix is not null;

    /// <inheritdoc />
    public override int? SizeIn => Matrix?.GetLength(1) ?? Diagonal?.Length;

    /// <inheritdoc />
    public override int? SizeOut => Matrix?.GetLength(0) ?? Diagonal?.Length;

    /// <inheritdoc />
    public override void Validate(string owner, int sizeIn, int sizeOut)
    {
        if (Matrix is { } m)
        {
            if (m.GetLength(0) != sizeOut || m.GetLength(1) != sizeIn)
                throw new ValidationError($"{owner}: transform must have shape ({sizeOut}, {sizeIn}) (post size × size after the function), got ({m.GetLength(0)}, {m.GetLength(1)}).");
        }
        else if (Diagonal is { } diag)
        {
            if (diag.Length != sizeIn || sizeIn != sizeOut)
                throw new ValidationError($"{owner}: a diagonal transform needs pre and post sizes equal to its length {diag.Length}, got size after the function {sizeIn} and post size {sizeOut}.");
        }
        else if (sizeIn != sizeOut)
        {
            throw new ValidationError($"{owner}: a scalar transform needs equal sizes, got size after the function {sizeIn} and post size {sizeOut}; give a ({sizeOut}, {sizeIn}) matrix.");
        }
    }

    /// <summary>The transform as a full sizeOut × sizeIn matrix.</summary>
    /// <param name="sizeIn">Columns.</param>
    /// <param name="sizeOut">Rows.</param>
    /// <returns>A new matrix.</returns>
    public double[,] ToMatrix(int sizeIn, int sizeOut)
    {
        if (Matrix is { } m) return (double[,])m.Clone();
        var r = new double[sizeOut, sizeIn];
        for (int i = 0; i < Math.Min(sizeIn, sizeOut); i++) r[i, i] = Diagonal?[i] ?? Scalar!.Value;
        return r;
    }

    /// <inheritdoc />
    public override string ToString() => Matrix is { } m ? $"Dense({m.GetLength(0)}x{m.GetLength(1)})"
        : Diagonal is { } d ? $"Dense(diag {Check.Show(d)})" : $"Dense({Check.Show(Scalar!.Value)})";
}
