namespace Nengo;

/// <summary>
/// An arbitrary scalar distribution given by probabilities <see cref="P"/> at points <see cref="X"/>,
/// sampled by inverting its piecewise-linear cumulative distribution.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.dists.PDF(x, p)</c>.</para>
/// <para>The probabilities are normalised to sum to 1. The cumulative value at point i is the midpoint
/// cumulative sum c_i = p_0 + … + p_(i−1) + p_i/2, so each point's mass is centred on it. A uniform draw u
/// becomes the x obtained by linear interpolation of (c_i, x_i); draws below c_0 or above c_(n−1) give
/// x_0 or x_(n−1). A histogram of the samples with bins centred on evenly spaced points therefore
/// matches p.</para>
/// </remarks>
public sealed record PDF : Distribution
{
    private readonly double[] _x;
    private readonly double[] _p;
    private readonly double[] _cdf;

    /// <summary>Creates the distribution.</summary>
    /// <param name="x">The points, finite and strictly increasing (at least one); copied.</param>
    /// <param name="p">One finite, non-negative probability per point, with a positive sum; copied and normalised.</param>
    /// <exception cref="ValidationError">When the arrays are empty, of different lengths, not finite, x is not increasing, or p is negative or sums to 0.</exception>
    public PDF(double[] x, double[] p)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(p);
        Check.That(x.Length >= 1, "PDF", nameof(x), "must have at least one point", x);
        Check.Finite(x, "PDF", nameof(x));
        for (int i = 1; i < x.Length; i++)
            Check.That(x[i] > x[i - 1], "PDF", nameof(x), "must be strictly increasing", x);
        Check.That(p.Length == x.Length, "PDF", nameof(p), $"must have one probability per point ({x.Length})", p);
        Check.That(p.All(v => double.IsFinite(v) && v >= 0), "PDF", nameof(p), "must contain only finite, non-negative numbers", p);
        double sum = p.Sum();
        Check.That(sum > 0, "PDF", nameof(p), "must have a positive sum", p);

        _x = (double[])x.Clone();
        _p = p.Select(v => v / sum).ToArray();
        _cdf = new double[_p.Length];
        double acc = 0;
        for (int i = 0; i < _p.Length; i++)
        {
            _cdf[i] = acc + 0.5 * _p[i];
            acc += _p[i];
        }
    }

    /// <summary>A copy of the points.</summary>
    public double[] X => (double[])_x.Clone();

    /// <summary>A copy of the normalised probabilities (summing to 1).</summary>
    public double[] P => (double[])_p.Clone();

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                r[i, j] = Quantile(rng.NextDouble());
        return r;
    }

    /// <summary>Linear interpolation of u over (cdf, x), clamped at both ends.</summary>
    private double Quantile(double u)
    {
        int m = _cdf.Length;
        if (u <= _cdf[0]) return _x[0];
        if (u >= _cdf[m - 1]) return _x[m - 1];
        // The last k with cdf[k] <= u; then cdf[k] <= u < cdf[k + 1], so the segment has positive width.
        int lo = 0, hi = m - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (_cdf[mid] <= u) lo = mid; else hi = mid;
        }
        double t = (u - _cdf[lo]) / (_cdf[hi] - _cdf[lo]);
        return _x[lo] + t * (_x[hi] - _x[lo]);
    }

    /// <summary>Value equality: the same points and the same normalised probabilities.</summary>
    /// <param name="other">The other distribution.</param>
    /// <returns>Whether both draw the same.</returns>
    public bool Equals(PDF? other) => other is not null && _x.SequenceEqual(other._x) && _p.SequenceEqual(other._p);

    /// <summary>A hash consistent with <see cref="Equals(PDF?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (double v in _x) h.Add(v);
        foreach (double v in _p) h.Add(v);
        return h.ToHashCode();
    }

    /// <summary>Nengo-like text, e.g. <c>PDF(x=[0, 0.5, 1], p=[0.25, 0.5, 0.25])</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"PDF(x={Check.Show(_x)}, p={Check.Show(_p)})";
}
