using Nengo.Graph;

namespace Nengo;

/// <summary>
/// Parameter checks and shape arithmetic shared by <see cref="Convolution"/> and <see cref="ConvolutionTranspose"/>
/// (NEF.md §8): output sizes, "same" padding, kernel initialisation.
/// </summary>
internal static class ConvolutionShapes
{
    /// <summary>Checks a signal shape (1 or 2 spatial dimensions plus channels) and returns a copy.</summary>
    public static int[] CheckShape(string owner, string parameter, int[]? shape)
    {
        ArgumentNullException.ThrowIfNull(shape, parameter);
        Check.That(shape.Length is 2 or 3, owner, parameter,
            "must have 2 or 3 entries (1 or 2 spatial dimensions plus channels; more than 2 spatial dimensions are not supported)", shape);
        Check.That(shape.All(s => s > 0), owner, parameter, "must contain only positive sizes", shape);
        return (int[])shape.Clone();
    }

    /// <summary>The spatial part of a shape.</summary>
    public static int[] Spatial(int[] shape, bool channelsLast) => channelsLast ? shape[..^1] : shape[1..];

    /// <summary>The channel count of a shape.</summary>
    public static int Channels(int[] shape, bool channelsLast) => channelsLast ? shape[^1] : shape[0];

    /// <summary>Joins spatial sizes and a channel count in the layout's order.</summary>
    public static int[] Join(int[] spatial, int channels, bool channelsLast) =>
        channelsLast ? [.. spatial, channels] : [channels, .. spatial];

    /// <summary>Checks a per-spatial-dimension parameter (kernel size, strides); null gives <paramref name="fallback"/> everywhere.</summary>
    public static int[] PerDimension(string owner, string parameter, int[]? values, int dims, int fallback)
    {
        if (values is null) return Enumerable.Repeat(fallback, dims).ToArray();
        Check.That(values.Length == dims, owner, parameter, $"must have one entry per spatial dimension ({dims})", values);
        Check.That(values.All(v => v > 0), owner, parameter, "must contain only positive sizes", values);
        return (int[])values.Clone();
    }

    /// <summary>Checks the padding name and returns whether it is "same".</summary>
    public static bool IsSame(string owner, string? padding)
    {
        Check.That(padding is "valid" or "same", owner, "padding", "must be \"valid\" or \"same\"", padding);
        return padding == "same";
    }

    /// <summary>The output length of a correlation: ceil(in/s) for "same", ceil((in − k + 1)/s) for "valid".</summary>
    public static int OutputLength(int input, int kernel, int stride, bool same) =>
        same ? (input + stride - 1) / stride : Math.Max(0, (input - kernel + stride) / stride);

    /// <summary>The zero padding before the input: half of max((out − 1)·s + k − in, 0), the smaller half (0 for "valid").</summary>
    public static int PadBefore(int input, int output, int kernel, int stride, bool same) =>
        same ? Math.Max((output - 1) * stride + kernel - input, 0) / 2 : 0;

    /// <summary>The forward geometry from <paramref name="inSpatial"/> × <paramref name="inChannels"/> to <paramref name="outSpatial"/> × <paramref name="filters"/>.</summary>
    public static ConvolutionGeometry Geometry(int[] inSpatial, int inChannels, int[] outSpatial, int filters,
        int[] kernel, int[] strides, bool same, bool channelsLast, int groups)
    {
        int Dim(int[] a, int d, int one) => inSpatial.Length == 1 ? (d == 0 ? one : a[0]) : a[d];
        int inH = Dim(inSpatial, 0, 1), inW = Dim(inSpatial, 1, 1);
        int outH = Dim(outSpatial, 0, 1), outW = Dim(outSpatial, 1, 1);
        int kH = Dim(kernel, 0, 1), kW = Dim(kernel, 1, 1);
        int sH = Dim(strides, 0, 1), sW = Dim(strides, 1, 1);
        return new ConvolutionGeometry(inSpatial.Length, inH, inW, inChannels, outH, outW, filters, kH, kW, sH, sW,
            PadBefore(inH, outH, kH, sH, same), PadBefore(inW, outW, kW, sW, same), channelsLast, groups);
    }

    /// <summary>
    /// Checks a kernel initialiser: a distribution (sampled at build time), or fixed values — a
    /// <c>double[]</c> of every kernel element (row-major in the kernel shape) or a <c>double[,]</c> of shape
    /// (kernel positions, the product of the last two kernel axes).
    /// </summary>
    public static Distribution CheckInit(string owner, Distribution? init, int positions, int perPosition)
    {
        if (init is not Samples s) return init ?? new Uniform(-1, 1);
        bool flat = s.Rows == positions * perPosition && s.Columns == 1;
        Check.That(flat || (s.Rows == positions && s.Columns == perPosition), owner, "init",
            $"must be a distribution, {positions * perPosition} values or a ({positions}, {perPosition}) matrix (kernel positions × channels·filters)",
            $"shape ({s.Rows}, {s.Columns})");
        foreach (double v in s.Values) Check.That(double.IsFinite(v), owner, "init", "must contain only finite numbers", v);
        return s;
    }

    /// <summary>The kernel values, flattened row-major: fixed values as given, or one distribution draw of (positions, perPosition).</summary>
    public static double[] SampleKernel(Distribution init, int positions, int perPosition, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var m = init is Samples s ? s.Values : init.Sample(positions, perPosition, rng);
        return m.Cast<double>().ToArray();
    }

    /// <summary>Shows a shape as <c>(5, 5, 2)</c>.</summary>
    public static string Show(IEnumerable<int> shape) => "(" + string.Join(", ", shape) + ")";
}
