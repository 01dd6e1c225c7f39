namespace Nengo;

/// <summary>
/// Points drawn uniformly at random on the surface of the unit d-sphere, or inside the unit d-ball
/// (optionally with a minimum magnitude).
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.dists.UniformHypersphere(surface=False, min_magnitude=0)</c>. Each point is
/// a standard-normal vector divided by its norm; for the volume version it is then scaled by
/// <c>U(min_magnitude^d, 1)^(1/d)</c>, which makes the radius CDF <c>P(r ≤ x) = x^d</c>.
/// </remarks>
public sealed record UniformHypersphere : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="surface">True for points on the sphere's surface (unit norm), false for the ball's volume.</param>
    /// <param name="minMagnitude">The smallest norm of a volume sample, in [0, 1); ignored when <paramref name="surface"/> is true.</param>
    /// <exception cref="ValidationError">When minMagnitude is outside [0, 1).</exception>
    public UniformHypersphere(bool surface = false, double minMagnitude = 0)
    {
        Check.That(double.IsFinite(minMagnitude) && minMagnitude >= 0 && minMagnitude < 1,
            "UniformHypersphere", nameof(minMagnitude), "must be in [0, 1)", minMagnitude);
        Surface = surface;
        MinMagnitude = minMagnitude;
    }

    /// <summary>Whether the points lie on the surface.</summary>
    public bool Surface { get; }

    /// <summary>The smallest norm of a volume sample.</summary>
    public double MinMagnitude { get; }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            double norm2;
            do
            {
                norm2 = 0;
                for (int j = 0; j < d; j++)
                {
                    double g = rng.NextGaussian();
                    r[i, j] = g;
                    norm2 += g * g;
                }
            } while (norm2 == 0); // a zero vector has no direction; draw again (probability ~0)
            double norm = Math.Sqrt(norm2); // sqrt(g·g) == |g| exactly, so d = 1 gives exactly ±1
            for (int j = 0; j < d; j++) r[i, j] /= norm;
        }

        if (!Surface)
        {
            double minD = Math.Pow(MinMagnitude, d);
            for (int i = 0; i < n; i++)
            {
                double radius = Math.Pow(rng.NextUniform(minD, 1.0), 1.0 / d);
                for (int j = 0; j < d; j++) r[i, j] *= radius;
            }
        }
        return r;
    }

    /// <summary>Nengo-like text, e.g. <c>UniformHypersphere(surface=True)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => HypersphereText("UniformHypersphere", Surface, MinMagnitude);

    internal static string HypersphereText(string name, bool surface, double minMagnitude)
    {
        var parts = new List<string>();
        if (surface) parts.Add("surface=True");
        if (minMagnitude != 0) parts.Add($"min_magnitude={Check.Show(minMagnitude)}");
        return $"{name}({string.Join(", ", parts)})";
    }
}
