namespace Nengo;

/// <summary>
/// A triangular finite-impulse-response filter: the current and previous N − 1 inputs weighted linearly
/// down to zero, with unit DC gain.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.synapses.Triangle(t)</c> (NEF.md §3).</para>
/// <para>
/// At time step dt the filter has N = round(t/dt) + 1 taps with weights w_j = (N − j)/S, j = 0..N−1,
/// S = N(N + 1)/2, and outputs y[k] = Σ_{j&lt;N} w_j·u[k − j] (inputs before the first step are zero).
/// <c>Triangle(0)</c> is the identity. Like every synapse, on a connection or probe the simulator adds one step
/// of delay on top of this.
/// </para>
/// <para>
/// <b>Implementation.</b> Per dimension the step is O(1), from the difference of consecutive outputs:
/// y[k] = y[k − 1] + w₀·u[k] − R[k], where R[k] = (1/S)·Σ_{j=1..N} u[k − j] is a running sum of the last N
/// inputs kept with a ring buffer of the inputs scaled by 1/S (R ← R + u[k]/S − u[k − N]/S). This is the
/// incremental form Nengo uses (Nengo sums the buffer every step; the running sum makes it O(1)). Both
/// accumulators would otherwise drift by rounding without bound over a long run, so every N steps (each
/// time the ring wraps) R and y are recomputed exactly from the buffer, O(N) every N steps: the error stays
/// at the level of a few ulps times N instead of growing with the run length. Results therefore match the
/// direct convolution to rounding, not bit for bit. Backends step this filter on the host (it has no
/// state-space form).
/// </para>
/// </remarks>
public sealed class Triangle : Synapse
{
    /// <summary>Creates the filter.</summary>
    /// <param name="t">The length of the triangle in seconds (≥ 0).</param>
    /// <exception cref="ValidationError">When t is negative or not finite.</exception>
    public Triangle(double t)
    {
        T = Check.NonNegative(t, "Triangle", nameof(t));
    }

    /// <summary>The length of the triangle in seconds.</summary>
    public double T { get; }

    /// <summary>The number of taps at <paramref name="dt"/>: round(t/dt) + 1.</summary>
    /// <param name="dt">The time step (&gt; 0).</param>
    /// <returns>N.</returns>
    /// <exception cref="ValidationError">When dt is not positive or the filter would be too long.</exception>
    public int Taps(double dt)
    {
        Check.Positive(dt, ToString(), nameof(dt));
        double n = Math.Round(T / dt) + 1;
        Check.That(n <= 1 << 26, ToString(), nameof(dt), $"gives round(t/dt) + 1 = {Check.Show(n)} taps, more than the {1 << 26} supported", dt);
        return (int)n;
    }

    /// <summary>The tap weights at <paramref name="dt"/>: (N, N − 1, …, 1)/S with S = N(N + 1)/2.</summary>
    /// <param name="dt">The time step (&gt; 0).</param>
    /// <returns>The N weights, w₀ (for the current input) first.</returns>
    /// <exception cref="ValidationError">When dt is not positive.</exception>
    public double[] Weights(double dt)
    {
        int n = Taps(dt);
        double s = n * (n + 1.0) / 2.0;
        var w = new double[n];
        for (int j = 0; j < n; j++) w[j] = (n - j) / s;
        return w;
    }

    /// <inheritdoc />
    /// <exception cref="ValidationError">When the sizes differ or dt is not positive.</exception>
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        Check.That(sizeIn == sizeOut, ToString(), nameof(sizeIn), $"must equal sizeOut ({sizeOut})", sizeIn);
        Check.That(sizeIn >= 0, ToString(), nameof(sizeIn), "must be >= 0", sizeIn);
        int n = Taps(dt), d = sizeIn;
        double sum = n * (n + 1.0) / 2.0;
        double w0 = n / sum, scale = 1.0 / sum;
        var ring = new double[d * n]; // per dimension, the last n inputs × 1/S; dimension-major
        var y = new double[d];
        var r = new double[d];        // per dimension, Σ of its ring
        int pos = 0;
        return (t, x, output) =>
        {
            for (int i = 0; i < d; i++)
            {
                double u = x[i];
                y[i] += w0 * u - r[i];
                int at = i * n + pos;
                double scaled = scale * u;
                r[i] += scaled - ring[at];
                ring[at] = scaled;
            }
            if (++pos == n)
            {
                pos = 0;
                // The ring now holds u[k − n + 1 .. k] × 1/S at positions 0 .. n − 1: recompute exactly.
                for (int i = 0; i < d; i++)
                {
                    var buf = ring.AsSpan(i * n, n);
                    double rs = 0, ys = 0;
                    for (int m = 0; m < n; m++)
                    {
                        rs += buf[m];
                        ys += (m + 1) * buf[m];
                    }
                    r[i] = rs;
                    y[i] = ys;
                }
            }
            y.AsSpan().CopyTo(output);
        };
    }

    /// <summary>Nengo-like text, e.g. <c>Triangle(0.01)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Triangle({Check.Show(T)})";
}
