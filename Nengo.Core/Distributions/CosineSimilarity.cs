namespace Nengo;

/// <summary>
/// The cosine similarity (dot product) of two independent random unit vectors in <see cref="Dimensions"/>
/// dimensions: a random sign times <see cref="SubvectorLength"/>(dimensions). The values lie in [−1, 1],
/// symmetric about 0, with E[x²] = 1/dimensions and density ∝ (1 − x²)^((d − 3)/2).
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.dists.CosineSimilarity(dimensions)</c>. Useful for eval points or intercepts
/// of ensembles that detect one vector among random others (e.g. semantic pointers).
/// </remarks>
public sealed record CosineSimilarity : Distribution
{
    private readonly SubvectorLength _length;

    /// <summary>Creates the distribution.</summary>
    /// <param name="dimensions">The dimensions of the vectors; at least 2.</param>
    /// <exception cref="ValidationError">When dimensions &lt; 2.</exception>
    public CosineSimilarity(int dimensions)
    {
        Check.That(dimensions >= 2, "CosineSimilarity", nameof(dimensions), "must be at least 2", dimensions);
        Dimensions = dimensions;
        _length = new SubvectorLength(dimensions, 1);
    }

    /// <summary>The dimensions of the vectors.</summary>
    public int Dimensions { get; }

    /// <summary>The probability density at <paramref name="x"/> (0 outside [−1, 1]).</summary>
    /// <param name="x">The value.</param>
    /// <returns>The density: half the <see cref="SubvectorLength"/> density at |x|.</returns>
    public double Pdf(double x) => 0.5 * _length.Pdf(Math.Abs(x));

    /// <summary>The cumulative distribution P(X ≤ <paramref name="x"/>).</summary>
    /// <param name="x">The value.</param>
    /// <returns>The probability, in [0, 1].</returns>
    public double Cdf(double x) => x >= 0 ? 0.5 + 0.5 * _length.Cdf(x) : 0.5 - 0.5 * _length.Cdf(-x);

    /// <summary>The inverse of <see cref="Cdf"/>: the x with P(X ≤ x) = <paramref name="p"/>.</summary>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <returns>The quantile, in [−1, 1].</returns>
    /// <exception cref="ValidationError">When p is outside [0, 1].</exception>
    public double Ppf(double p)
    {
        Check.That(p >= 0 && p <= 1, ToString(), nameof(p), "must be in [0, 1]", p);
        return p >= 0.5 ? _length.Ppf(Math.Min(1, 2 * p - 1)) : -_length.Ppf(Math.Min(1, 1 - 2 * p));
    }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        var r = _length.Sample(n, d, rng);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                if (rng.NextDouble() < 0.5) r[i, j] = -r[i, j];
        return r;
    }

    /// <summary>Value equality: the same dimensions.</summary>
    /// <param name="other">The other distribution.</param>
    /// <returns>Whether both draw the same.</returns>
    public bool Equals(CosineSimilarity? other) => other is not null && Dimensions == other.Dimensions;

    /// <summary>A hash consistent with <see cref="Equals(CosineSimilarity?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(nameof(CosineSimilarity), Dimensions);

    /// <summary>Nengo-like text, e.g. <c>CosineSimilarity(dimensions=16)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"CosineSimilarity(dimensions={Dimensions})";
}
