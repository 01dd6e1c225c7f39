using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Networks.Tests;

/// <summary>Offline helpers: windows in the BENCHMARKS.md convention (sample i is t = (i + 1)·dt), vector maths.</summary>
internal static class Util
{
    /// <summary>The probe row recorded at time t (dt = 1 ms).</summary>
    public static int Row(double t, double dt = 0.001) => (int)Math.Round(t / dt) - 1;

    /// <summary>Mean of every column over the rows recorded in [t0, t1] (inclusive).</summary>
    public static double[] MeanOver(Matrix<double> data, double t0, double t1, double dt = 0.001)
    {
        int from = Row(t0, dt), to = Math.Min(Row(t1, dt), data.RowCount - 1);
        var m = new double[data.ColumnCount];
        for (int j = 0; j < m.Length; j++)
        {
            double s = 0;
            for (int i = from; i <= to; i++) s += data[i, j];
            m[j] = s / (to - from + 1);
        }
        return m;
    }

    /// <summary>Cosine similarity.</summary>
    public static double Cosine(double[] a, double[] b) => Dot(a, b) / Math.Sqrt(Dot(a, a) * Dot(b, b));

    /// <summary>Dot product.</summary>
    public static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    /// <summary>The exact circular convolution by its definition, z[i] = Σ_j a[j]·b[(i − j) mod d].</summary>
    public static double[] CircConv(double[] a, double[] b)
    {
        int d = a.Length;
        var z = new double[d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) z[i] += a[j] * b[((i - j) % d + d) % d];
        return z;
    }

    /// <summary>The involution a' = [a0, a_{d−1}, …, a1] (approximate inverse for circular convolution).</summary>
    public static double[] Involution(double[] a) => a.Select((_, i) => a[(a.Length - i) % a.Length]).ToArray();

    /// <summary>Matrix × vector.</summary>
    public static double[] Mul(double[,] m, double[] x)
    {
        var y = new double[m.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
            for (int j = 0; j < x.Length; j++) y[i] += m[i, j] * x[j];
        return y;
    }

    /// <summary>Random unit vector from a seeded generator.</summary>
    public static double[] UnitVector(int d, Random rng)
    {
        var v = new double[d];
        for (int i = 0; i < d; i++)
        {
            // Box–Muller, so the vector direction is uniform.
            double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
            v[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        double n = Math.Sqrt(Dot(v, v));
        return v.Select(x => x / n).ToArray();
    }
}
