namespace Nengo;

/// <summary>
/// The length of a <see cref="Subdimensions"/>-dimensional subvector of a random unit vector in
/// <see cref="Dimensions"/> dimensions: <see cref="SqrtBeta"/>(dimensions − subdimensions, subdimensions),
/// so E[x²] = subdimensions/dimensions.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.dists.SubvectorLength(dimensions, subdimensions=1)</c>. Useful for the radii
/// of ensembles that each represent a slice of a unit vector (e.g. in an EnsembleArray).
/// </remarks>
public sealed record SubvectorLength : SqrtBeta
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="dimensions">The dimensions of the full unit vector; greater than <paramref name="subdimensions"/>.</param>
    /// <param name="subdimensions">The dimensions of the subvector; at least 1.</param>
    /// <exception cref="ValidationError">When subdimensions &lt; 1 or dimensions ≤ subdimensions.</exception>
    public SubvectorLength(int dimensions, int subdimensions = 1)
        : base(Validated(dimensions, subdimensions), subdimensions, "SubvectorLength", nameof(dimensions), nameof(subdimensions))
    {
        Dimensions = dimensions;
        Subdimensions = subdimensions;
    }

    /// <summary>The dimensions of the full vector.</summary>
    public int Dimensions { get; }

    /// <summary>The dimensions of the subvector.</summary>
    public int Subdimensions { get; }

    /// <summary>Nengo-like text, e.g. <c>SubvectorLength(dimensions=16, subdimensions=1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"SubvectorLength(dimensions={Dimensions}, subdimensions={Subdimensions})";

    private static int Validated(int dimensions, int subdimensions)
    {
        Check.Positive(subdimensions, "SubvectorLength", nameof(subdimensions));
        Check.That(dimensions > subdimensions, "SubvectorLength", nameof(dimensions), $"must be greater than subdimensions ({subdimensions})", dimensions);
        return dimensions - subdimensions;
    }
}
