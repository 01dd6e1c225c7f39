using Nengo.Graph;

namespace Nengo.Backends.OpenCL.Memory;

/// <summary>
/// The layout of the one device buffer that holds every signal of a model (the CPU's SignalStore,
/// nengo_ocl's RaggedArray): each base signal has an element offset, so a view is index arithmetic and a
/// kernel is a loop over index tables. After the signals come a pool of constants (reset values, the 1.0
/// that turns an accumulating copy into an elementwise product) and the host table: rows of values that
/// host functions of time computed ahead for a block of steps.
/// </summary>
/// <remarks>Indices are int32 on the device, so the whole buffer must stay below 2³¹ elements.</remarks>
internal sealed class SignalArena
{
    private readonly Dictionary<Signal, int> _offsets = new(ReferenceEqualityComparer.Instance);
    private readonly List<Signal> _bases = [];
    private readonly List<double> _constants = [];
    private readonly Dictionary<long, int> _constantIndex = [];

    /// <summary>Lays out <paramref name="bases"/> one after another.</summary>
    /// <param name="bases">The model's base signals.</param>
    /// <exception cref="NotSupportedByBackendError">When the signals do not fit int32 indices.</exception>
    public SignalArena(IEnumerable<Signal> bases)
    {
        long total = 0;
        foreach (var b in bases)
        {
            if (b.Base is not null) throw new ArgumentException($"{b} is a view, not a base signal");
            if (_offsets.ContainsKey(b)) continue;
            _offsets[b] = (int)Math.Min(total, int.MaxValue);
            _bases.Add(b);
            total += b.Size;
        }
        if (total >= int.MaxValue / 2)
            throw new NotSupportedByBackendError($"OpenCL backend: the model has {total} signal elements; device indices are int32, so at most {int.MaxValue / 2} are supported.");
        SignalElements = (int)total;
    }

    /// <summary>Elements taken by signals (the constants start here).</summary>
    public int SignalElements { get; }

    /// <summary>Where the host table starts.</summary>
    public int TableBase => SignalElements + _constants.Count;

    /// <summary>Columns of the host table (one per output element of each host function computed ahead).</summary>
    public int TableWidth { get; private set; }

    /// <summary>Rows of the host table (the block size: steps computed ahead at once); set before allocation.</summary>
    public int TableRows { get; set; }

    /// <summary>Every element of the device buffer.</summary>
    public long TotalElements => TableBase + (long)TableRows * TableWidth;

    /// <summary>Where <paramref name="s"/> starts in the buffer.</summary>
    /// <param name="s">A signal of the model.</param>
    /// <returns>Its element offset.</returns>
    /// <exception cref="InvalidOperationException">When the signal is not part of the model.</exception>
    public int OffsetOf(Signal s)
    {
        if (!_offsets.TryGetValue(s.Root, out int o))
            throw new InvalidOperationException($"Signal {s} was not allocated (its base {s.Root} is not in the model)");
        return o + s.Offset;
    }

    /// <summary>The index of a read-only constant (deduplicated).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its element index.</returns>
    public int Constant(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        if (!_constantIndex.TryGetValue(bits, out int k))
        {
            k = _constants.Count;
            _constants.Add(value);
            _constantIndex[bits] = k;
        }
        return SignalElements + k;
    }

    /// <summary>Reserves <paramref name="width"/> host-table columns.</summary>
    /// <param name="width">Columns.</param>
    /// <returns>The first column.</returns>
    public int AddTableColumns(int width)
    {
        int first = TableWidth;
        TableWidth += width;
        return first;
    }

    /// <summary>
    /// Encodes host-table column <paramref name="column"/> as a source index: kernels that read the table
    /// turn a negative index c into <c>tableBase + row·tableWidth − c − 1</c>.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <returns>The encoded index (negative).</returns>
    public static int TableSource(int column) => -column - 1;

    /// <summary>The initial value of every signal and constant, in buffer order (the host table is not included).</summary>
    /// <returns>A new array of <see cref="TableBase"/> values.</returns>
    public double[] InitialImage()
    {
        var image = new double[TableBase];
        foreach (var b in _bases) b.Initial.CopyTo(image.AsSpan(_offsets[b], b.Size));
        _constants.CopyTo(image, SignalElements);
        return image;
    }
}
