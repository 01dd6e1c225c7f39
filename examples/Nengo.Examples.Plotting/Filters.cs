namespace Nengo.Examples.Plotting;

/// <summary>Offline filters for computing ideal signals the way the simulator filters them.</summary>
public static class Filters
{
    /// <summary>
    /// The simulator's discrete Lowpass with its one-step delay: y[0] = 0; y[k+1] = a·y[k] + (1−a)·u[k]
    /// (BENCHMARKS.md conventions), a = exp(−dt/τ).
    /// </summary>
    public static double[] Lowpass(double[] u, double tau, double dt = 0.001)
    {
        double a = Math.Exp(-dt / tau);
        var y = new double[u.Length];
        for (int k = 0; k + 1 < u.Length; k++) y[k + 1] = a * y[k] + (1 - a) * u[k];
        return y;
    }
}
