using System.Globalization;

namespace Nengo;

/// <summary>
/// Draws whole rows of <see cref="Options"/>, each with probability proportional to its weight.
/// A sample of dimension d needs options with d columns.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.dists.Choice(options, weights=None)</c>.</remarks>
public sealed record Choice : Distribution
{
    private readonly double[,] _options;
    private readonly double[] _weights;
    private readonly double[] _cumulative;

    /// <summary>Creates a choice over the rows of <paramref name="options"/>.</summary>
    /// <param name="options">The options, one per row (at least one row and one column, all finite); copied.</param>
    /// <param name="weights">One non-negative weight per option, with a positive sum; null gives equal weights. Copied and normalised.</param>
    /// <exception cref="ValidationError">When options is empty or not finite, or the weights are the wrong length, negative, or sum to 0.</exception>
    public Choice(double[,] options, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        int m = options.GetLength(0), d = options.GetLength(1);
        Check.That(m >= 1 && d >= 1, "Choice", nameof(options), "must have at least one row and one column", options);
        foreach (double v in options)
            Check.That(double.IsFinite(v), "Choice", nameof(options), "must contain only finite numbers", options);
        _options = (double[,])options.Clone();

        if (weights is null)
        {
            _weights = Enumerable.Repeat(1.0 / m, m).ToArray();
        }
        else
        {
            Check.That(weights.Length == m, "Choice", nameof(weights), $"must have one weight per option ({m})", weights);
            Check.That(weights.All(w => double.IsFinite(w) && w >= 0), "Choice", nameof(weights),
                "must contain only finite, non-negative numbers", weights);
            double sum = weights.Sum();
            Check.That(sum > 0, "Choice", nameof(weights), "must have a positive sum", weights);
            _weights = weights.Select(w => w / sum).ToArray();
        }

        _cumulative = new double[m];
        double acc = 0;
        for (int i = 0; i < m; i++)
        {
            acc += _weights[i];
            _cumulative[i] = acc;
        }
        _cumulative[m - 1] = 1.0; // guard against round-off at the top
    }

    /// <summary>Creates a choice over scalar options (a one-column option set).</summary>
    /// <param name="options">The scalar options.</param>
    /// <param name="weights">One non-negative weight per option, or null for equal weights.</param>
    /// <exception cref="ValidationError">As for the matrix constructor.</exception>
    public Choice(double[] options, double[]? weights = null) : this(Column(options), weights) { }

    /// <summary>A copy of the options, one per row.</summary>
    public double[,] Options => (double[,])_options.Clone();

    /// <summary>A copy of the normalised weights (summing to 1).</summary>
    public double[] Weights => (double[])_weights.Clone();

    /// <inheritdoc/>
    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        int m = _options.GetLength(0), cols = _options.GetLength(1);
        if (cols != d)
            throw new ValidationError($"{this}: options must have {d} columns to be sampled with d = {d}, got {cols} columns.");
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            // First index whose cumulative weight exceeds u ("searchsorted right").
            int lo = 0, hi = m - 1;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_cumulative[mid] > u) hi = mid; else lo = mid + 1;
            }
            for (int j = 0; j < d; j++) r[i, j] = _options[lo, j];
        }
        return r;
    }

    /// <summary>Value equality: the same options and the same normalised weights.</summary>
    /// <param name="other">The other choice.</param>
    /// <returns>Whether both draw the same.</returns>
    public bool Equals(Choice? other) =>
        other is not null &&
        _options.GetLength(0) == other._options.GetLength(0) &&
        _options.GetLength(1) == other._options.GetLength(1) &&
        _options.Cast<double>().SequenceEqual(other._options.Cast<double>()) &&
        _weights.SequenceEqual(other._weights);

    /// <summary>A hash consistent with <see cref="Equals(Choice?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(_options.GetLength(0));
        h.Add(_options.GetLength(1));
        foreach (double v in _options) h.Add(v);
        foreach (double w in _weights) h.Add(w);
        return h.ToHashCode();
    }

    /// <summary>Nengo-like text, e.g. <c>Choice(options=[[1], [-1]])</c>; large option sets show their shape.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int m = _options.GetLength(0), d = _options.GetLength(1);
        string opts = m * d <= 12
            ? "[" + string.Join(", ", Enumerable.Range(0, m).Select(i =>
                "[" + string.Join(", ", Enumerable.Range(0, d).Select(j => _options[i, j].ToString("G6", CultureInfo.InvariantCulture))) + "]")) + "]"
            : $"<{m}x{d} matrix>";
        bool equal = _weights.All(w => w == _weights[0]);
        return equal ? $"Choice(options={opts})" : $"Choice(options={opts}, weights={Check.Show(_weights)})";
    }

    private static double[,] Column(double[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = new double[options.Length, 1];
        for (int i = 0; i < options.Length; i++) c[i, 0] = options[i];
        return c;
    }
}
