namespace Nengo;

/// <summary>
/// An exponential distribution with the given scale (mean), shifted by <see cref="Shift"/> and clipped to
/// [shift, high): samples are <c>shift + Exp(scale)</c>, with any value at or above <see cref="High"/>
/// replaced by the largest double below it.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.dists.Exponential(scale, shift=0, high=inf)</c>.</remarks>
public sealed record Exponential : Distribution
{
    /// <summary>Creates a shifted, clipped exponential distribution.</summary>
    /// <param name="scale">The scale (the mean of the unshifted, unclipped distribution); finite and at least 0.</param>
    /// <param name="shift">The smallest value, added to every sample; a finite number.</param>
    /// <param name="high">The exclusive upper bound; greater than <paramref name="shift"/> (may be +∞).</param>
    /// <exception cref="ValidationError">When scale is negative or not finite, shift not finite, or high ≤ shift.</exception>
    public Exponential(double scale, double shift = 0, double high = double.PositiveInfinity)
    {
        Check.NonNegative(scale, "Exponential", nameof(scale));
        Check.That(double.IsFinite(shift), "Exponential", nameof(shift), "must be a finite number", shift);
        Check.That(!double.IsNaN(high) && high > shift, "Exponential", nameof(high), $"must be > shift ({Check.Show(shift)})", high);
        Scale = scale;
        Shift = shift;
        High = high;
    }

    /// <summary>The scale (mean of the exponential part).</summary>
    public double Scale { get; }

    /// <summary>The shift (the minimum value).</summary>
    public double Shift { get; }

    /// <summary>The exclusive upper bound.</summary>
    public double High { get; }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        double top = Math.BitDecrement(High);
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double u = rng.NextDouble(); // [0, 1)
                double x = Shift - Scale * Math.Log(1.0 - u);
                r[i, j] = Math.Clamp(x, Shift, top);
            }
        return r;
    }

    /// <summary>Nengo-like text, e.g. <c>Exponential(scale=0.15, shift=0.3, high=1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"Exponential(scale={Check.Show(Scale)}{(Shift != 0 ? $", shift={Check.Show(Shift)}" : "")}" +
        $"{(double.IsPositiveInfinity(High) ? "" : $", high={Check.Show(High)}")})";
}
