namespace Nengo;

/// <summary>
/// A seeded source of samples, used for encoders, eval points, intercepts, max rates, gains, biases
/// and initial neuron state. Distributions are immutable value objects.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.dists.Distribution</c>; <c>sample(n, d, rng)</c>.</remarks>
public abstract record Distribution
{
    /// <summary>Draws <paramref name="n"/> points of <paramref name="d"/> dimensions.</summary>
    /// <param name="n">Number of samples (rows), at least 0.</param>
    /// <param name="d">Dimensions per sample (columns), at least 1.</param>
    /// <param name="rng">The seeded generator to draw from.</param>
    /// <returns>An n×d array, rows = samples.</returns>
    /// <exception cref="ValidationError">When n &lt; 0 or d &lt; 1, or the distribution cannot produce that shape.</exception>
    public double[,] Sample(int n, int d, Random rng)
    {
        Check.That(n >= 0, ToString(), nameof(n), "must be >= 0", n);
        Check.That(d >= 1, ToString(), nameof(d), "must be >= 1", d);
        ArgumentNullException.ThrowIfNull(rng);
        return SampleCore(n, d, rng);
    }

    /// <summary>Draws <paramref name="n"/> scalars.</summary>
    /// <param name="n">Number of samples.</param>
    /// <param name="rng">The seeded generator.</param>
    /// <returns>A vector of n samples.</returns>
    public double[] Sample(int n, Random rng)
    {
        var m = Sample(n, 1, rng);
        var r = new double[n];
        for (int i = 0; i < n; i++) r[i] = m[i, 0];
        return r;
    }

    /// <summary>The sampling itself; arguments are already validated.</summary>
    /// <param name="n">Rows.</param>
    /// <param name="d">Columns.</param>
    /// <param name="rng">Generator.</param>
    /// <returns>An n×d array.</returns>
    protected abstract double[,] SampleCore(int n, int d, Random rng);
}
