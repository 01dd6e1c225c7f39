namespace Nengo.Conformance.Tests.Transforms;

/// <summary>
/// A direct nested-loop convolution written from NEF.md §8 alone (no shared code with the library), on
/// channels-last data: output size ceil((in − k + 1)/s) ("valid") or ceil(in/s) ("same"), "same" padding
/// max((out − 1)·s + k − in, 0) with the smaller half first, kernel (k…, channels/groups, filters), no flip.
/// </summary>
internal static class ConvReference
{
    public static int OutLength(int input, int k, int s, string padding) =>
        padding == "same" ? (int)Math.Ceiling(input / (double)s) : (int)Math.Ceiling((input - k + 1) / (double)s);

    public static int PadBefore(int input, int output, int k, int s, string padding) =>
        padding == "same" ? Math.Max((output - 1) * s + k - input, 0) / 2 : 0;

    /// <summary>1-D: x is (length, channels), the result (outLength, filters), both flattened.</summary>
    public static double[] Conv1D(double[] x, int length, int channels, double[] kernel, int k, int s, string padding, int filters, int groups)
    {
        int outLength = OutLength(length, k, s, padding), pad = PadBefore(length, outLength, k, s, padding);
        int cg = channels / groups, fg = filters / groups;
        var y = new double[outLength * filters];
        for (int o = 0; o < outLength; o++)
            for (int f = 0; f < filters; f++)
            {
                int g = f / fg;
                double sum = 0;
                for (int t = 0; t < k; t++)
                {
                    int i = o * s + t - pad;
                    if (i < 0 || i >= length) continue;
                    for (int c = 0; c < cg; c++)
                        sum += x[i * channels + g * cg + c] * kernel[(t * cg + c) * filters + f];
                }
                y[o * filters + f] = sum;
            }
        return y;
    }

    /// <summary>2-D: x is (height, width, channels), the result (outHeight, outWidth, filters), both flattened.</summary>
    public static double[] Conv2D(double[] x, int height, int width, int channels, double[] kernel, int kh, int kw,
        int sh, int sw, string padding, int filters, int groups)
    {
        int oh = OutLength(height, kh, sh, padding), ow = OutLength(width, kw, sw, padding);
        int pt = PadBefore(height, oh, kh, sh, padding), pl = PadBefore(width, ow, kw, sw, padding);
        int cg = channels / groups, fg = filters / groups;
        var y = new double[oh * ow * filters];
        for (int r = 0; r < oh; r++)
            for (int q = 0; q < ow; q++)
                for (int f = 0; f < filters; f++)
                {
                    int g = f / fg;
                    double sum = 0;
                    for (int a = 0; a < kh; a++)
                        for (int b = 0; b < kw; b++)
                        {
                            int i = r * sh + a - pt, j = q * sw + b - pl;
                            if (i < 0 || i >= height || j < 0 || j >= width) continue;
                            for (int c = 0; c < cg; c++)
                                sum += x[(i * width + j) * channels + g * cg + c] * kernel[((a * kw + b) * cg + c) * filters + f];
                        }
                    y[(r * ow + q) * filters + f] = sum;
                }
        return y;
    }

    /// <summary>Either dimensionality; <paramref name="spatial"/> has 1 or 2 entries.</summary>
    public static double[] Conv(double[] x, int[] spatial, int channels, double[] kernel, int[] k, int[] s, string padding, int filters, int groups) =>
        spatial.Length == 1
            ? Conv1D(x, spatial[0], channels, kernel, k[0], s[0], padding, filters, groups)
            : Conv2D(x, spatial[0], spatial[1], channels, kernel, k[0], k[1], s[0], s[1], padding, filters, groups);

    public static int[] OutSpatial(int[] spatial, int[] k, int[] s, string padding) =>
        spatial.Select((n, d) => OutLength(n, k[d], s[d], padding)).ToArray();

    /// <summary>(spatial…, channels) → (channels, spatial…).</summary>
    public static double[] ToChannelsFirst(double[] x, int channels)
    {
        int positions = x.Length / channels;
        var r = new double[x.Length];
        for (int p = 0; p < positions; p++)
            for (int c = 0; c < channels; c++) r[c * positions + p] = x[p * channels + c];
        return r;
    }

    /// <summary>(channels, spatial…) → (spatial…, channels).</summary>
    public static double[] ToChannelsLast(double[] x, int channels)
    {
        int positions = x.Length / channels;
        var r = new double[x.Length];
        for (int p = 0; p < positions; p++)
            for (int c = 0; c < channels; c++) r[p * channels + c] = x[c * positions + p];
        return r;
    }

    public static double[] Random(Random rng, int n) => Enumerable.Range(0, n).Select(_ => 2 * rng.NextDouble() - 1).ToArray();

    public static double[] Abs(double[] a) => a.Select(Math.Abs).ToArray();

    public static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();

    public static int[] Shape(int[] spatial, int channels, bool channelsLast) => channelsLast ? [.. spatial, channels] : [channels, .. spatial];
}
