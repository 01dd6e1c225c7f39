namespace Nengo;

public static partial class Analysis
{
    /// <summary>
    /// Filters <paramref name="u"/> the way a connection's <see cref="Lowpass"/> synapse does in the
    /// simulator, including the connection's one-step delay: y[0] = 0, y[k+1] = a·y[k] + (1−a)·u[k],
    /// with a = e^(−dt/τ). Use it to compute the ideal signal a probed, filtered output should follow.
    /// </summary>
    /// <param name="u">The unfiltered signal, one value per step.</param>
    /// <param name="tau">The synapse time constant τ in seconds (≥ 0; 0 is a pure one-step delay).</param>
    /// <param name="dt">The simulator time step in seconds (&gt; 0), e.g. <c>sim.Dt</c>.</param>
    /// <returns>The filtered signal, the same length as <paramref name="u"/>.</returns>
    /// <exception cref="ValidationError">When <paramref name="tau"/> is negative or <paramref name="dt"/> is not positive.</exception>
    /// <remarks>BENCHMARKS.md conventions; chain calls for a signal that passes several synapses.</remarks>
    public static double[] DelayedLowpass(double[] u, double tau, double dt)
    {
        ArgumentNullException.ThrowIfNull(u);
        Check.NonNegative(tau, $"{nameof(Analysis)}.{nameof(DelayedLowpass)}", nameof(tau));
        Check.Positive(dt, $"{nameof(Analysis)}.{nameof(DelayedLowpass)}", nameof(dt));
        double a = Math.Exp(-dt / tau);
        var y = new double[u.Length];
        for (int k = 0; k + 1 < u.Length; k++) y[k + 1] = a * y[k] + (1 - a) * u[k];
        return y;
    }
}
