namespace Nengo.Core.Tests;

/// <summary>Small statistics helpers shared by the distribution tests.</summary>
internal static class DistributionTestHelpers
{
    public static double[] Column(double[,] a, int j) =>
        Enumerable.Range(0, a.GetLength(0)).Select(i => a[i, j]).ToArray();

    public static double[] Flatten(double[,] a) => a.Cast<double>().ToArray();

    public static double Mean(IReadOnlyList<double> x) => x.Sum() / x.Count;

    public static double Variance(IReadOnlyList<double> x)
    {
        double m = Mean(x);
        return x.Sum(v => (v - m) * (v - m)) / (x.Count - 1);
    }

    public static double[] RowNorms(double[,] a)
    {
        int n = a.GetLength(0), d = a.GetLength(1);
        var r = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < d; j++) s += a[i, j] * a[i, j];
            r[i] = Math.Sqrt(s);
        }
        return r;
    }

    /// <summary>Column means of the rows.</summary>
    public static double[] ColumnMeans(double[,] a) =>
        Enumerable.Range(0, a.GetLength(1)).Select(j => Mean(Column(a, j))).ToArray();

    /// <summary>Second-moment matrix (1/n)·XᵀX.</summary>
    public static double[,] SecondMoment(double[,] a)
    {
        int n = a.GetLength(0), d = a.GetLength(1);
        var c = new double[d, d];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < d; p++)
                for (int q = 0; q < d; q++)
                    c[p, q] += a[i, p] * a[i, q] / n;
        return c;
    }

    /// <summary>Largest gap between consecutive angles of 2-D points on the circle.</summary>
    public static double MaxAngularGap(double[,] points)
    {
        var angles = Enumerable.Range(0, points.GetLength(0))
            .Select(i => Math.Atan2(points[i, 1], points[i, 0]))
            .OrderBy(t => t).ToArray();
        double gap = angles[0] + 2 * Math.PI - angles[^1];
        for (int i = 1; i < angles.Length; i++) gap = Math.Max(gap, angles[i] - angles[i - 1]);
        return gap;
    }

    public static bool SameArray(double[,] a, double[,] b) =>
        a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1) && Flatten(a).SequenceEqual(Flatten(b));
}
