using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Builder.Tests;

/// <summary>Shared problem generators for the solver tests in this folder.</summary>
internal static class SolverTestData
{
    public static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    /// <summary>Rectified-linear tuning curves a_i(x) = max(0, g_i·(e_i·x − c_i)), peak rates in [100, 200] Hz, x on a grid in [−1, 1].</summary>
    public static (Matrix<double> A, double[] X) TuningCurves(int nNeurons, int nPoints, int seed, double maxIntercept = 0.9)
    {
        var rng = new Random(seed);
        var x = Enumerable.Range(0, nPoints).Select(i => -1.0 + 2.0 * i / (nPoints - 1)).ToArray();
        var enc = new double[nNeurons];
        var gain = new double[nNeurons];
        var icpt = new double[nNeurons];
        for (int j = 0; j < nNeurons; j++)
        {
            enc[j] = rng.NextDouble() < 0.5 ? -1 : 1;
            icpt[j] = (2 * rng.NextDouble() - 1) * maxIntercept;
            double maxRate = 100 + 100 * rng.NextDouble();
            gain[j] = maxRate / (1 - icpt[j]);
        }
        var a = M.Dense(nPoints, nNeurons, (i, j) => Math.Max(0, gain[j] * (enc[j] * x[i] - icpt[j])));
        return (a, x);
    }

    public static Matrix<double> Column(IEnumerable<double> values)
    {
        var v = values.ToArray();
        return M.Dense(v.Length, 1, (i, _) => v[i]);
    }

    public static Matrix<double> Columns(params double[][] columns) =>
        M.Dense(columns[0].Length, columns.Length, (i, j) => columns[j][i]);

    public static Matrix<double> RandomMatrix(int rows, int cols, Random rng) => M.Dense(rows, cols, (_, _) => rng.NextGaussian());

    public static int CountNearZero(Matrix<double> x, double tol = 1e-8) => x.Enumerate().Count(v => Math.Abs(v) < tol);

    public static double MaxAbsDiff(Matrix<double> x, Matrix<double> y) => (x - y).Enumerate().Max(Math.Abs);
}
