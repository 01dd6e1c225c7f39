using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>
/// Builds the transforms other than <see cref="Dense"/> on a connection without decoders (Node, Neurons or
/// Direct-mode pre): <see cref="Sparse"/>, <see cref="Convolution"/> and <see cref="ConvolutionTranspose"/>.
/// </summary>
/// <remarks>
/// Steps (NEF.md §8, §9.2, §9.4), drawing from the connection's generator:
/// 1. A fresh <c>weighted</c> signal of the post size, reset each step.
/// 2. The values: Sparse entries (the given ones or one draw per entry) or the convolution kernel (the given one or
///    one draw of (kernel positions, channels·filters)), as a read-only signal stored under the connection's
///    <c>weights</c> key.
/// 3. The operator: SparseDotInc over the entries sorted into CSR rows; ConvInc; or ConvTransposeInc with the
///    geometry of the forward convolution it is the adjoint of.
///
/// What <see cref="BuiltConnection.Weights"/> holds: for Sparse, the dense (post size × size after the function)
/// equivalent, repeated positions summed; for Convolution and ConvolutionTranspose, the kernel as a matrix with one
/// row per kernel position (row-major over the kernel's spatial axes) and one column per (channel, filter) pair
/// (row-major over the last two axes of the transform's <c>KernelShape</c>) — the dense equivalent would be
/// (output size × input size) and mostly zeros.
/// </remarks>
internal static class TransformBuilder
{
    /// <summary>Adds the operators of <paramref name="transform"/> applied to <paramref name="x"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="conn">The connection (not decoded).</param>
    /// <param name="transform">Its transform.</param>
    /// <param name="x">The signal after slicing and the function (size_mid).</param>
    /// <param name="rng">The connection's generator.</param>
    /// <param name="weights">What <see cref="BuiltConnection.Weights"/> reports (see remarks).</param>
    /// <returns>The <c>weighted</c> signal (the post size).</returns>
    /// <exception cref="BuildError">When the transform has no builder or its sampled values are not finite.</exception>
    public static Signal Build(BuildContext ctx, Connection conn, Transform transform, Signal x, Random rng, out Matrix<double>? weights)
    {
        string me = conn.Describe;
        var weighted = Signal.Zeros($"{me}.weighted", conn.SizeOut);
        ctx.Add(new Reset(weighted, 0, me));
        switch (transform)
        {
            case Sparse s:
            {
                var values = Finite(me, s.SampleValues(rng));
                var (data, indices, indptr) = Csr(s, values);
                var dataSig = ctx.SetSignal(conn, "weights", new Signal($"{me}.weights", data, readOnly: true));
                ctx.Add(new SparseDotInc(dataSig, indices, indptr, x, weighted, me));
                weights = Matrix<double>.Build.DenseOfArray(s.ToMatrix(values));
                break;
            }
            case Convolution c:
            {
                var w = Kernel(ctx, conn, Finite(me, c.SampleKernel(rng)), c.Geometry.KernelPositions);
                ctx.Add(new ConvInc(w.Signal, x, weighted, c.Geometry, me));
                weights = w.Matrix;
                break;
            }
            case ConvolutionTranspose t:
            {
                var w = Kernel(ctx, conn, Finite(me, t.SampleKernel(rng)), t.Geometry.KernelPositions);
                ctx.Add(new ConvTransposeInc(w.Signal, x, weighted, t.Geometry, me));
                weights = w.Matrix;
                break;
            }
            default:
                throw new BuildError($"{me}: transform {transform} has no builder.");
        }
        return weighted;
    }

    /// <summary>The entries sorted by (row, column) into CSR arrays; repeated positions stay separate and add up.</summary>
    private static (double[] Data, int[] Indices, int[] IndPtr) Csr(Sparse s, double[] values)
    {
        var ij = s.Indices;
        var order = Enumerable.Range(0, s.NonZeros).OrderBy(k => ij[k, 0]).ThenBy(k => ij[k, 1]).ToArray();
        var data = new double[order.Length];
        var indices = new int[order.Length];
        var indptr = new int[s.Rows + 1];
        for (int p = 0; p < order.Length; p++)
        {
            data[p] = values[order[p]];
            indices[p] = ij[order[p], 1];
            indptr[ij[order[p], 0] + 1]++;
        }
        for (int i = 0; i < s.Rows; i++) indptr[i + 1] += indptr[i];
        return (data, indices, indptr);
    }

    /// <summary>The kernel as a read-only (positions × rest) matrix signal under the connection's <c>weights</c> key.</summary>
    private static (Signal Signal, Matrix<double> Matrix) Kernel(BuildContext ctx, Connection conn, double[] flat, int positions)
    {
        int perPosition = flat.Length / positions;
        var m = new double[positions, perPosition];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        var sig = ctx.SetSignal(conn, "weights", new Signal($"{conn.Describe}.weights", m, readOnly: true));
        return (sig, Matrix<double>.Build.DenseOfArray(m));
    }

    private static double[] Finite(string me, double[] values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) throw new BuildError($"{me}: the transform's sampled values must be finite, got {Check.Show(v)}.");
        return values;
    }
}
