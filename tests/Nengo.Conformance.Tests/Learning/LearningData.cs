using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Conformance.Tests.Learning;

/// <summary>Helpers for reading probed learning-rule signals (matrices are probed flattened, row-major).</summary>
internal static class LearningData
{
    /// <summary>Row <paramref name="k"/> (step k + 1) of probe data.</summary>
    public static double[] Row(Matrix<double> data, int k) => data.Row(k).ToArray();

    /// <summary>Largest |x| over all of the data.</summary>
    public static double MaxAbs(Matrix<double> data) => data.Enumerate().Max(Math.Abs);

    /// <summary>Asserts |actual − expected| ≤ atol elementwise, naming the step and the worst index.</summary>
    public static void AssertRowClose(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double atol, string what) =>
        Testing.Signals.AssertAllclose(actual, expected, atol, what: what);

    /// <summary>RMSE between two columns over rows [from, end).</summary>
    public static double Rmse(Matrix<double> a, Matrix<double> b, int from) =>
        Testing.Signals.Rmse(a.Column(0).ToArray(), b.Column(0).ToArray(), from);

    /// <summary>Frobenius norm of one probed (flattened) weight sample.</summary>
    public static double Norm(Matrix<double> data, int k) => data.Row(k).L2Norm();
}
