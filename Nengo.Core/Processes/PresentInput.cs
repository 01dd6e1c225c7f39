namespace Nengo;

/// <summary>
/// Presents a sequence of items, each for <see cref="PresentationTime"/> seconds, cycling back to the first
/// after the last. The output at time t is item ⌊(t − dt)/presentationTime + 10⁻⁷⌋ mod (number of items), so
/// each item starts in the step after a boundary (the first item at t = dt).
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.processes.PresentInput(inputs, presentation_time)</c> (NEF.md §6). The 10⁻⁷ guards against rounding at exact boundaries.</remarks>
public sealed class PresentInput : Process
{
    private readonly double[,] _inputs;

    /// <summary>Creates the process.</summary>
    /// <param name="inputs">The items, one per row (at least one row and one column; the columns are the output size).</param>
    /// <param name="presentationTime">How long each item is shown, in seconds (&gt; 0).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="inputs"/> is null.</exception>
    /// <exception cref="ValidationError">When inputs is empty or not finite, or presentationTime is not positive.</exception>
    public PresentInput(double[,] inputs, double presentationTime)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Check.That(inputs.GetLength(0) > 0 && inputs.GetLength(1) > 0, "PresentInput", nameof(inputs),
            "must have at least one item (row) of at least one value (column)", inputs);
        foreach (double v in inputs)
            Check.That(double.IsFinite(v), "PresentInput", nameof(inputs), "must contain only finite numbers", v);
        Check.Positive(presentationTime, "PresentInput", nameof(presentationTime));
        _inputs = (double[,])inputs.Clone();
        PresentationTime = presentationTime;
    }

    /// <summary>A copy of the items, one per row.</summary>
    public double[,] Inputs => (double[,])_inputs.Clone();

    /// <summary>The number of items.</summary>
    public int Items => _inputs.GetLength(0);

    /// <summary>How long each item is shown, in seconds.</summary>
    public double PresentationTime { get; }

    /// <summary>The size of one item.</summary>
    public override int DefaultSizeOut => _inputs.GetLength(1);

    /// <inheritdoc />
    /// <exception cref="ValidationError">When <paramref name="sizeIn"/> is not 0, <paramref name="sizeOut"/> is not the item size, or dt is not positive.</exception>
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        ProcessChecks.Source(ToString(), sizeIn, sizeOut, dt, requiredOut: DefaultSizeOut);
        int items = Items, d = sizeOut;
        var flat = new double[items * d];
        for (int i = 0; i < items; i++)
            for (int j = 0; j < d; j++) flat[i * d + j] = _inputs[i, j];
        double pt = PresentationTime;
        return (t, x, y) =>
        {
            long k = (long)Math.Floor((t - dt) / pt + 1e-7) % items;
            if (k < 0) k += items;
            flat.AsSpan((int)k * d, d).CopyTo(y);
        };
    }

    /// <summary>Nengo-like text, e.g. <c>PresentInput(3 items of size 2, presentation_time=0.1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"PresentInput({Items} item{(Items == 1 ? "" : "s")} of size {DefaultSizeOut}, presentationTime={Check.Show(PresentationTime)})";
}
