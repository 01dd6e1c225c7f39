namespace Nengo;

/// <summary>
/// A fixed set of samples: sampling returns (a copy of) the given array, which must already have the
/// requested shape n×d.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.dists.Samples(samples)</c>.</remarks>
public sealed record Samples : Distribution
{
    private readonly double[,] _samples;

    /// <summary>Wraps fixed samples, one per row.</summary>
    /// <param name="samples">The samples (copied).</param>
    public Samples(double[,] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _samples = (double[,])samples.Clone();
    }

    /// <summary>A copy of the samples.</summary>
    public double[,] Values => (double[,])_samples.Clone();

    /// <summary>Number of rows of the stored samples.</summary>
    public int Rows => _samples.GetLength(0);

    /// <summary>Number of columns of the stored samples.</summary>
    public int Columns => _samples.GetLength(1);

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        if (Rows != n || Columns != d)
            throw new ValidationError($"Samples: samples must have shape ({n}, {d}) to be sampled as n = {n}, d = {d}, got shape ({Rows}, {Columns}).");
        return (double[,])_samples.Clone();
    }

    /// <summary>Value equality: the same shape and the same values.</summary>
    /// <param name="other">The other instance.</param>
    /// <returns>Whether both hold the same samples.</returns>
    public bool Equals(Samples? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns &&
        _samples.Cast<double>().SequenceEqual(other._samples.Cast<double>());

    /// <summary>A hash consistent with <see cref="Equals(Samples?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Rows);
        h.Add(Columns);
        foreach (double v in _samples) h.Add(v);
        return h.ToHashCode();
    }

    /// <summary>Short text naming the shape, e.g. <c>Samples(shape=(10, 2))</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Samples(shape=({Rows}, {Columns}))";
}
