using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Conformance.Tests;

/// <summary>
/// Offline "ideal" signals in the simulator's conventions (BENCHMARKS.md): sample k (0-based) is step k + 1
/// at t = (k + 1)·dt, and every connection or probe synapse is one filter with one step of delay.
/// </summary>
internal static class Ideal
{
    /// <summary>t = (k + 1)·dt for k = 0..n−1, computed as a product exactly like the simulator clock.</summary>
    public static double[] Times(int n, double dt = 0.001)
    {
        var t = new double[n];
        for (int k = 0; k < n; k++) t[k] = (k + 1) * dt;
        return t;
    }

    /// <summary>f((k + 1)·dt) for k = 0..n−1.</summary>
    public static double[] OfTime(int n, Func<double, double> f, double dt = 0.001) => Times(n, dt).Select(f).ToArray();

    /// <summary>n ones.</summary>
    public static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    /// <summary>y[k] = u[k − steps] (zeros before).</summary>
    public static double[] Delay(IReadOnlyList<double> u, int steps)
    {
        var y = new double[u.Count];
        for (int k = steps; k < u.Count; k++) y[k] = u[k - steps];
        return y;
    }

    /// <summary>A synapse as the simulator applies it: the discrete filter, then one step of delay.</summary>
    public static double[] Filtered(Nengo.Synapse synapse, IReadOnlyList<double> u, double dt = 0.001)
    {
        if (synapse is LinearFilter lf) return Delay(FilterDiscretization.Filt(lf.Discretize(dt), u.ToArray()), 1);
        var x = new double[u.Count, 1];
        for (int k = 0; k < u.Count; k++) x[k, 0] = u[k];
        var y = synapse.Filt(x, dt);
        return Delay(Enumerable.Range(0, u.Count).Select(k => y[k, 0]).ToArray(), 1);
    }

    /// <summary>A chain of delayed Lowpass filters (<see cref="Testing.Signals.DelayedLowpass"/>), one per time constant.</summary>
    public static double[] Lowpass(IReadOnlyList<double> u, params double[] taus)
    {
        IReadOnlyList<double> y = u;
        foreach (double tau in taus) y = Testing.Signals.DelayedLowpass(y, tau);
        return y.ToArray();
    }

    /// <summary>Elementwise map.</summary>
    public static double[] Map(IReadOnlyList<double> u, Func<double, double> f) => u.Select(f).ToArray();

    /// <summary>Mean of rows [from, to) of a column.</summary>
    public static double Mean(Matrix<double> m, int column, int from, int to) => Testing.Signals.Mean(m, column, from, to);

    /// <summary>Total spikes per neuron: Σ output·dt over the rows (spikes are amplitude/dt).</summary>
    public static double[] SpikeCounts(Matrix<double> spikes, double dt = 0.001)
    {
        var c = new double[spikes.ColumnCount];
        for (int i = 0; i < spikes.RowCount; i++)
            for (int j = 0; j < c.Length; j++) c[j] += spikes[i, j] * dt;
        return c.Select(v => Math.Round(v)).ToArray();
    }

    /// <summary>The LIF rate for a current J (NEF.md §2), 0 at or below threshold.</summary>
    public static double LifRate(double j, double tauRc = 0.02, double tauRef = 0.002, double amplitude = 1.0) =>
        j > 1 ? amplitude / (tauRef + tauRc * Math.Log(1 + 1 / (j - 1))) : 0.0;
}
