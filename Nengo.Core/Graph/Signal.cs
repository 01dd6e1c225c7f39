namespace Nengo.Graph;

/// <summary>
/// Describes a block of float64 memory in the model: a vector (Cols = 1) or a row-major matrix, its
/// initial value, and whether it is a contiguous view into a base signal. A Signal never owns memory:
/// each backend allocates it.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.builder.signal.Signal</c>. Views are contiguous ranges of a base vector.</remarks>
public sealed class Signal
{
    private readonly double[]? _initial;

    /// <summary>Creates a base vector signal.</summary>
    /// <param name="name">A readable name, e.g. <c>Ensemble 'x'.in</c>.</param>
    /// <param name="initial">Initial value (its length is the size).</param>
    /// <param name="readOnly">True if no operator may write it (encoders, biases, fixed weights).</param>
    public Signal(string name, double[] initial, bool readOnly = false)
        : this(name, initial, initial.Length, 1, readOnly) { }

    /// <summary>Creates a base matrix signal from a row-major array.</summary>
    /// <param name="name">A readable name.</param>
    /// <param name="matrix">The initial value, rows × cols.</param>
    /// <param name="readOnly">True if no operator may write it.</param>
    public Signal(string name, double[,] matrix, bool readOnly = false)
        : this(name, Flatten(matrix), matrix.GetLength(0), matrix.GetLength(1), readOnly) { IsMatrix = true; }

    private Signal(string name, double[] initial, int rows, int cols, bool readOnly)
    {
        Name = name;
        _initial = initial;
        Rows = rows;
        Cols = cols;
        ReadOnly = readOnly;
    }

    private Signal(Signal @base, int offset, int length, string name)
    {
        Name = name;
        Base = @base;
        Offset = offset;
        Rows = length;
        Cols = 1;
        ReadOnly = @base.ReadOnly;
    }

    /// <summary>A zero vector of the given size.</summary>
    /// <param name="name">A readable name.</param>
    /// <param name="size">Its length.</param>
    /// <returns>The signal.</returns>
    public static Signal Zeros(string name, int size) => new(name, new double[size]);

    /// <summary>A readable name.</summary>
    public string Name { get; }

    /// <summary>Rows (the length, for a vector).</summary>
    public int Rows { get; }

    /// <summary>Columns (1 for a vector).</summary>
    public int Cols { get; }

    /// <summary>True for a matrix signal.</summary>
    public bool IsMatrix { get; }

    /// <summary>The number of elements.</summary>
    public int Size => Rows * Cols;

    /// <summary>Whether operators may write it. Read-only signals are never reset.</summary>
    public bool ReadOnly { get; }

    /// <summary>The base signal when this is a view, else null.</summary>
    public Signal? Base { get; }

    /// <summary>Offset (in elements) of a view into its base.</summary>
    public int Offset { get; }

    /// <summary>The base signal that owns the memory (this signal when it is not a view).</summary>
    public Signal Root => Base ?? this;

    /// <summary>Offset into <see cref="Root"/>.</summary>
    public int RootOffset => Offset;

    /// <summary>The initial value of a base signal (a view reads its base's).</summary>
    public ReadOnlySpan<double> Initial => Base is null ? _initial : Base.Initial.Slice(Offset, Size);

    /// <summary>A contiguous view of this (base, vector) signal.</summary>
    /// <param name="offset">First element.</param>
    /// <param name="length">Number of elements.</param>
    /// <param name="name">A name for the view; default <c>{Name}[a:b]</c>.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the range is outside the signal.</exception>
    public Signal View(int offset, int length, string? name = null)
    {
        if (offset < 0 || length < 0 || offset + length > Size) throw new ArgumentOutOfRangeException(nameof(offset), $"view [{offset}, {offset + length}) outside {Name} of size {Size}");
        var root = Root;
        return new Signal(root, Offset + offset, length, name ?? $"{Name}[{offset}:{offset + length}]");
    }

    /// <summary>True if the two signals share any element of memory.</summary>
    /// <param name="other">The other signal.</param>
    /// <returns>Whether they overlap.</returns>
    public bool Overlaps(Signal other) =>
        ReferenceEquals(Root, other.Root) && Offset < other.Offset + other.Size && other.Offset < Offset + Size;

    /// <inheritdoc />
    public override string ToString() => IsMatrix ? $"{Name} ({Rows}x{Cols})" : $"{Name} ({Size})";

    private static double[] Flatten(double[,] m)
    {
        int r = m.GetLength(0), c = m.GetLength(1);
        var a = new double[r * c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) a[i * c + j] = m[i, j];
        return a;
    }
}
