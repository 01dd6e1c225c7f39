namespace Nengo;

/// <summary>
/// A distribution-valued parameter: a <see cref="Distribution"/>, a <c>double[]</c> (one value per
/// neuron), a <c>double[,]</c> (rows = points), or left out (<c>default</c>) for "use the default".
/// Arrays become <see cref="Samples"/>.
/// </summary>
public readonly struct DistributionArg
{
    private DistributionArg(Distribution value) { Value = value; }

    /// <summary>The distribution, or null when not given.</summary>
    public Distribution? Value { get; }

    /// <summary>Wraps a distribution.</summary>
    /// <param name="d">The distribution.</param>
    public static implicit operator DistributionArg(Distribution d) => new(d ?? throw new ArgumentNullException(nameof(d)));

    /// <summary>Fixed values, one per sample.</summary>
    /// <param name="values">The values.</param>
    public static implicit operator DistributionArg(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new double[values.Length, 1];
        for (int i = 0; i < values.Length; i++) m[i, 0] = values[i];
        return new(new Samples(m));
    }

    /// <summary>Fixed points, rows = samples.</summary>
    /// <param name="values">The points.</param>
    public static implicit operator DistributionArg(double[,] values) => new(new Samples(values ?? throw new ArgumentNullException(nameof(values))));
}
