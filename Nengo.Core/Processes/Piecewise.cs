namespace Nengo;

/// <summary>
/// A piecewise function of time given by values at key times: held ("zero"), linearly interpolated
/// ("linear"), or taken from the nearest key ("nearest").
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.processes.Piecewise(data, interpolation="zero")</c> (NEF.md §6).</para>
/// <list type="bullet">
/// <item><b>"zero"</b> (the default): the output at t is the value of the largest key strictly less than
/// t + dt/2 (so a key at 0.5 s is output from the step at t = 0.5 on), and zero before the first key. A
/// function value is evaluated at t.</item>
/// <item><b>"linear"</b> (also accepted as <b>"slinear"</b>, which is the same first-order spline): linear
/// interpolation between consecutive keys, evaluated at t; zero outside [first key, last key]. Needs at least
/// two keys.</item>
/// <item><b>"nearest"</b>: the value of the nearest key (the earlier one at an exact midpoint), evaluated at
/// t; zero outside [first key, last key].</item>
/// </list>
/// <para>
/// Nengo's other scipy kinds ("quadratic", "cubic", …) are not supported and are rejected. Function values
/// are only allowed with "zero", as in Nengo. The step allocates nothing (apart from what a function value does).
/// </para>
/// <example><code>
/// var steps = new Piecewise(new Dictionary&lt;double, double&gt; { [0] = 0, [0.5] = 1 });
/// var ramp  = new Piecewise(new Dictionary&lt;double, double[]&gt; { [0] = [0, 1], [1] = [1, 0] }, "linear");
/// </code></example>
/// </remarks>
public sealed class Piecewise : Process
{
    private static readonly string[] Supported = ["zero", "linear", "slinear", "nearest"];

    private readonly double[] _times;
    private readonly double[][]? _values;
    private readonly Func<double, double>[]? _functions;
    private readonly int _size;

    /// <summary>Creates a scalar piecewise function.</summary>
    /// <param name="data">Key time (s) → value; at least one entry, finite times and values.</param>
    /// <param name="interpolation">"zero" (default), "linear" (or "slinear") or "nearest".</param>
    /// <exception cref="ArgumentNullException">When <paramref name="data"/> is null.</exception>
    /// <exception cref="ValidationError">When data is empty or not finite, or the interpolation is not supported.</exception>
    public Piecewise(IDictionary<double, double> data, string interpolation = "zero")
        : this(ToVectors(data), interpolation) { }

    /// <summary>Creates a vector-valued piecewise function.</summary>
    /// <param name="data">Key time (s) → value vector; at least one entry, all vectors of the same non-zero length, finite.</param>
    /// <param name="interpolation">"zero" (default), "linear" (or "slinear") or "nearest".</param>
    /// <exception cref="ArgumentNullException">When <paramref name="data"/> or a value is null.</exception>
    /// <exception cref="ValidationError">When data is empty or not finite, the vectors differ in length, or the interpolation is not supported.</exception>
    public Piecewise(IDictionary<double, double[]> data, string interpolation = "zero")
    {
        ArgumentNullException.ThrowIfNull(data);
        Interpolation = CheckInterpolation(interpolation);
        var sorted = SortedKeys(data.Keys);
        _times = sorted;
        _values = new double[sorted.Length][];
        for (int i = 0; i < sorted.Length; i++)
        {
            double[] v = data[sorted[i]] ?? throw new ArgumentNullException(nameof(data), $"Piecewise: the value at t = {Check.Show(sorted[i])} is null.");
            Check.That(v.Length > 0, "Piecewise", nameof(data), $"values must not be empty (at t = {Check.Show(sorted[i])})", v);
            Check.Finite(v, "Piecewise", nameof(data));
            if (i > 0)
                Check.That(v.Length == _values[0].Length, "Piecewise", nameof(data),
                    $"values must all have the same length ({_values[0].Length}, the length at t = {Check.Show(sorted[0])}); at t = {Check.Show(sorted[i])} the length is {v.Length}", v);
            _values[i] = (double[])v.Clone();
        }
        _size = _values[0].Length;
        if (Interpolation == "linear")
            Check.That(sorted.Length >= 2, "Piecewise", nameof(data), "must have at least two entries for linear interpolation (number of entries)", sorted.Length);
    }

    /// <summary>Creates a scalar piecewise function whose pieces are functions of time (each evaluated at t while it is active).</summary>
    /// <param name="data">Key time (s) → function of t; at least one entry. A constant c is <c>_ =&gt; c</c>.</param>
    /// <param name="interpolation">Must be "zero" (functions cannot be interpolated).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="data"/> or a function is null.</exception>
    /// <exception cref="ValidationError">When data is empty, a key is not finite, or the interpolation is not "zero".</exception>
    public Piecewise(IDictionary<double, Func<double, double>> data, string interpolation = "zero")
    {
        ArgumentNullException.ThrowIfNull(data);
        Interpolation = CheckInterpolation(interpolation);
        Check.That(Interpolation == "zero", "Piecewise", nameof(interpolation),
            "must be 'zero' when the values are functions (functions cannot be interpolated)", interpolation);
        var sorted = SortedKeys(data.Keys);
        _times = sorted;
        _functions = new Func<double, double>[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
            _functions[i] = data[sorted[i]] ?? throw new ArgumentNullException(nameof(data), $"Piecewise: the function at t = {Check.Show(sorted[i])} is null.");
        _size = 1;
    }

    /// <summary>The key times in increasing order.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The interpolation: "zero", "linear" ("slinear" is stored as "linear") or "nearest".</summary>
    public string Interpolation { get; }

    /// <summary>The size of the values.</summary>
    public override int DefaultSizeOut => _size;

    /// <inheritdoc />
    /// <exception cref="ValidationError">When <paramref name="sizeIn"/> is not 0, <paramref name="sizeOut"/> is not the value size, or dt is not positive.</exception>
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        ProcessChecks.Source(ToString(), sizeIn, sizeOut, dt, requiredOut: _size);
        var times = _times;
        int n = times.Length, d = _size;
        if (_functions is { } fs)
        {
            return (t, x, y) =>
            {
                int i = LastBelow(times, t + 0.5 * dt);
                y[0] = i < 0 ? 0.0 : fs[i](t);
            };
        }
        var values = _values!;
        switch (Interpolation)
        {
            case "zero":
                return (t, x, y) =>
                {
                    int i = LastBelow(times, t + 0.5 * dt);
                    if (i < 0) y[..d].Clear(); else values[i].CopyTo(y);
                };
            case "linear":
                return (t, x, y) =>
                {
                    if (!(t >= times[0] && t <= times[n - 1])) { y[..d].Clear(); return; }
                    // The interval [lo, lo + 1] holding t (the first one at t = times[0]).
                    int lo = Math.Clamp(LastBelow(times, t), 0, n - 2);
                    double t0 = times[lo], t1 = times[lo + 1];
                    double[] v0 = values[lo], v1 = values[lo + 1];
                    for (int j = 0; j < d; j++) y[j] = v0[j] + (v1[j] - v0[j]) / (t1 - t0) * (t - t0);
                };
            default: // nearest
                return (t, x, y) =>
                {
                    if (!(t >= times[0] && t <= times[n - 1])) { y[..d].Clear(); return; }
                    int lo = Math.Max(LastBelow(times, t), 0);
                    int i = lo + 1 < n && t > 0.5 * (times[lo] + times[lo + 1]) ? lo + 1 : lo;
                    values[i].CopyTo(y);
                };
        }
    }

    /// <summary>Nengo-like text, e.g. <c>Piecewise(2 keys in [0, 0.5], interpolation='zero')</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"Piecewise({_times.Length} key{(_times.Length == 1 ? "" : "s")} in [{Check.Show(_times[0])}, {Check.Show(_times[^1])}], interpolation='{Interpolation}')";

    /// <summary>The index of the largest key strictly less than <paramref name="t"/>, or −1.</summary>
    private static int LastBelow(double[] times, double t)
    {
        int lo = 0, hi = times.Length; // first index with times[i] >= t, by bisection
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    private static string CheckInterpolation(string interpolation)
    {
        ArgumentNullException.ThrowIfNull(interpolation);
        Check.That(Array.IndexOf(Supported, interpolation) >= 0, "Piecewise", nameof(interpolation),
            "must be one of 'zero', 'linear', 'slinear' (the same as 'linear') or 'nearest' (scipy's spline kinds such as 'quadratic' and 'cubic' are not supported)", interpolation);
        return interpolation == "slinear" ? "linear" : interpolation;
    }

    private static double[] SortedKeys(ICollection<double> keys)
    {
        Check.That(keys.Count > 0, "Piecewise", "data", "must have at least one entry", "an empty dictionary");
        var sorted = keys.ToArray();
        foreach (double k in sorted)
            Check.That(double.IsFinite(k), "Piecewise", "data", "must have finite times as keys", k);
        Array.Sort(sorted);
        return sorted;
    }

    private static Dictionary<double, double[]> ToVectors(IDictionary<double, double> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.ToDictionary(kv => kv.Key, kv => new[] { kv.Value });
    }
}
