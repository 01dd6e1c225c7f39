namespace Nengo;

/// <summary>A normal distribution with the given mean and standard deviation.</summary>
/// <remarks>Nengo equivalent: <c>nengo.dists.Gaussian(mean, std)</c>.</remarks>
public sealed record Gaussian : Distribution
{
    /// <summary>Creates a Gaussian distribution.</summary>
    /// <param name="mean">The mean; a finite number.</param>
    /// <param name="std">The standard deviation; a finite number, at least 0 (0 gives the constant <paramref name="mean"/>).</param>
    /// <exception cref="ValidationError">When mean is not finite, or std is negative or not finite.</exception>
    public Gaussian(double mean, double std)
    {
        Check.That(double.IsFinite(mean), "Gaussian", nameof(mean), "must be a finite number", mean);
        Check.NonNegative(std, "Gaussian", nameof(std));
        Mean = mean;
        Std = std;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation.</summary>
    public double Std { get; }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                r[i, j] = Mean + Std * rng.NextGaussian();
        return r;
    }

    /// <summary>Nengo-like text, e.g. <c>Gaussian(mean=0, std=1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Gaussian(mean={Check.Show(Mean)}, std={Check.Show(Std)})";
}
