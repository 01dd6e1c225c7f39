using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace Nengo.Testing;

/// <summary>Assertions and offline signal helpers in the style of Nengo's test fixtures (allclose, rmse).</summary>
public static class Signals
{
    /// <summary>Root-mean-square of a − b over the rows selected by <paramref name="from"/> (inclusive).</summary>
    public static double Rmse(IReadOnlyList<double> a, IReadOnlyList<double> b, int from = 0)
    {
        double s = 0; int n = 0;
        for (int i = from; i < a.Count; i++) { s += (a[i] - b[i]) * (a[i] - b[i]); n++; }
        return Math.Sqrt(s / Math.Max(1, n));
    }

    /// <summary>Mean of a column over rows [from, to).</summary>
    public static double Mean(Matrix<double> data, int column, int from, int to)
    {
        double s = 0;
        for (int i = from; i < to; i++) s += data[i, column];
        return s / (to - from);
    }

    /// <summary>
    /// Asserts |actual − expected| ≤ atol + rtol·|expected| everywhere, reporting the worst element
    /// (Nengo's <c>allclose</c>).
    /// </summary>
    public static void AssertAllclose(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double atol, double rtol = 0, string what = "values")
    {
        Assert.That(actual.Count, Is.EqualTo(expected.Count), $"{what}: lengths differ");
        int worst = -1; double worstExcess = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            double excess = Math.Abs(actual[i] - expected[i]) - (atol + rtol * Math.Abs(expected[i]));
            if (double.IsNaN(actual[i]) || excess > worstExcess) { worstExcess = double.IsNaN(actual[i]) ? double.PositiveInfinity : excess; worst = i; }
        }
        if (worst >= 0)
            Assert.Fail($"{what} not close (atol {atol}, rtol {rtol}): worst at index {worst}: got {actual[worst]}, expected {expected[worst]} (|diff| = {Math.Abs(actual[worst] - expected[worst])}).");
    }

    /// <summary>
    /// The simulator's discrete Lowpass with its one-step delay: y[0] = 0; y[k+1] = a·y[k] + (1−a)·u[k],
    /// a = exp(−dt/τ) (the BENCHMARKS.md convention for ideal signals).
    /// </summary>
    public static double[] DelayedLowpass(IReadOnlyList<double> u, double tau, double dt = 0.001)
    {
        double a = Math.Exp(-dt / tau);
        var y = new double[u.Count];
        for (int k = 0; k + 1 < u.Count; k++) y[k + 1] = a * y[k] + (1 - a) * u[k];
        return y;
    }

    /// <summary>A column of a matrix as an array.</summary>
    public static double[] ColumnArray(this Matrix<double> m, int j = 0) => m.Column(j).ToArray();
}
