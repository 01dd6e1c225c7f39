namespace Nengo.Core.Tests.Processes;

/// <summary>Small helpers for the process tests (offline runs are steps × dims arrays).</summary>
internal static class ProcessTestHelpers
{
    public static double[] Column(double[,] a, int j = 0) =>
        Enumerable.Range(0, a.GetLength(0)).Select(i => a[i, j]).ToArray();

    public static double[] Row(double[,] a, int i) =>
        Enumerable.Range(0, a.GetLength(1)).Select(j => a[i, j]).ToArray();

    public static double[] All(double[,] a) => a.Cast<double>().ToArray();

    public static double Mean(IReadOnlyList<double> x) => x.Sum() / x.Count;

    public static double Variance(IReadOnlyList<double> x)
    {
        double m = Mean(x);
        return x.Sum(v => (v - m) * (v - m)) / (x.Count - 1);
    }

    /// <summary>|DFT|² of a real sequence, bins 0..n/2 (naive O(n²), fine for the short periods tested).</summary>
    public static double[] PowerSpectrum(IReadOnlyList<double> x)
    {
        int n = x.Count;
        var p = new double[n / 2 + 1];
        for (int k = 0; k < p.Length; k++)
        {
            double re = 0, im = 0;
            for (int i = 0; i < n; i++)
            {
                double ph = -2 * Math.PI * ((long)k * i % n) / n;
                re += x[i] * Math.Cos(ph);
                im += x[i] * Math.Sin(ph);
            }
            p[k] = re * re + im * im;
        }
        return p;
    }

    /// <summary>Filters a single impulse/step/etc. (one column) offline.</summary>
    public static double[] Filt(Synapse s, double[] u, double dt = 0.001)
    {
        var x = new double[u.Length, 1];
        for (int i = 0; i < u.Length; i++) x[i, 0] = u[i];
        return Column(s.Filt(x, dt));
    }
}
