namespace Nengo;

/// <summary>
/// A uniform distribution over [<see cref="Low"/>, <see cref="High"/>), or over the integers in that
/// interval when <see cref="Integer"/> is true.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.dists.Uniform(low, high, integer=False)</c>.</remarks>
public sealed record Uniform : Distribution
{
    /// <summary>Creates a uniform distribution.</summary>
    /// <param name="low">The lower bound (inclusive); a finite number.</param>
    /// <param name="high">The upper bound (exclusive); a finite number, at least <paramref name="low"/>.</param>
    /// <param name="integer">When true, draws the integers n with low ≤ n &lt; high, each equally likely.</param>
    /// <exception cref="ValidationError">When a bound is not finite, high &lt; low, or an integer range holds no integer.</exception>
    public Uniform(double low, double high, bool integer = false)
    {
        Check.That(double.IsFinite(low), "Uniform", nameof(low), "must be a finite number", low);
        Check.That(double.IsFinite(high), "Uniform", nameof(high), "must be a finite number", high);
        Check.That(high >= low, "Uniform", nameof(high), $"must be >= low ({Check.Show(low)})", high);
        if (integer)
            Check.That(Math.Ceiling(high) > Math.Ceiling(low), "Uniform", nameof(high),
                $"must leave at least one integer in [low, high) with low = {Check.Show(low)}", high);
        Low = low;
        High = high;
        Integer = integer;
    }

    /// <summary>The lower bound (inclusive).</summary>
    public double Low { get; }

    /// <summary>The upper bound (exclusive).</summary>
    public double High { get; }

    /// <summary>Whether only integers are drawn.</summary>
    public bool Integer { get; }

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        var r = new double[n, d];
        if (Integer)
        {
            long lo = (long)Math.Ceiling(Low), hi = (long)Math.Ceiling(High);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++)
                    r[i, j] = rng.NextInt64(lo, hi);
        }
        else
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++)
                    r[i, j] = rng.NextUniform(Low, High);
        }
        return r;
    }

    /// <summary>Nengo-like text, e.g. <c>Uniform(low=-1, high=0.9)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"Uniform(low={Check.Show(Low)}, high={Check.Show(High)}{(Integer ? ", integer=True" : "")})";
}
