namespace Nengo.Graph;

/// <summary>
/// The shapes of one 1-D or 2-D convolution (correlation, no kernel flip), as the <see cref="Operators.ConvInc"/>
/// and <see cref="Operators.ConvTransposeInc"/> operators need them. A 1-D convolution is stored as a 2-D one of
/// height 1 (kernel height 1, stride 1, no vertical padding), so kernels handle a single case.
/// </summary>
/// <remarks>
/// <para>Layouts, all row-major:</para>
/// <list type="bullet">
/// <item>input: (height, width, channels) when <see cref="ChannelsLast"/>, else (channels, height, width);</item>
/// <item>output: the same with <see cref="Filters"/> channels;</item>
/// <item>kernel: (kernel height, kernel width, channels per group, filters).</item>
/// </list>
/// <para>Output (oh, ow, f) with f in group g = f / (filters/groups) is
/// Σ_(kh, kw, c) x[oh·sh + kh − padTop, ow·sw + kw − padLeft, g·(channels/groups) + c] · W[kh, kw, c, f], where
/// positions outside the input count as 0.</para>
/// </remarks>
public sealed record ConvolutionGeometry
{
    /// <summary>Creates a geometry.</summary>
    /// <param name="spatialDimensions">1 or 2.</param>
    /// <param name="inputHeight">Input rows (1 for a 1-D convolution).</param>
    /// <param name="inputWidth">Input columns (the length of a 1-D input).</param>
    /// <param name="inputChannels">Input channels, a multiple of <paramref name="groups"/>.</param>
    /// <param name="outputHeight">Output rows.</param>
    /// <param name="outputWidth">Output columns.</param>
    /// <param name="filters">Output channels, a multiple of <paramref name="groups"/>.</param>
    /// <param name="kernelHeight">Kernel rows.</param>
    /// <param name="kernelWidth">Kernel columns.</param>
    /// <param name="strideHeight">Vertical stride.</param>
    /// <param name="strideWidth">Horizontal stride.</param>
    /// <param name="padTop">Zero rows added above the input.</param>
    /// <param name="padLeft">Zero columns added left of the input.</param>
    /// <param name="channelsLast">Whether channels are the last (fastest) axis of input and output.</param>
    /// <param name="groups">Channel groups: each filter sees only the input channels of its group.</param>
    /// <exception cref="ArgumentException">When a size is not positive, a padding is negative, or the groups do not divide the channels.</exception>
    public ConvolutionGeometry(int spatialDimensions, int inputHeight, int inputWidth, int inputChannels,
        int outputHeight, int outputWidth, int filters, int kernelHeight, int kernelWidth,
        int strideHeight, int strideWidth, int padTop, int padLeft, bool channelsLast, int groups = 1)
    {
        if (spatialDimensions is not (1 or 2)) throw new ArgumentException($"ConvolutionGeometry: spatialDimensions must be 1 or 2, got {spatialDimensions}.");
        if (Math.Min(Math.Min(Math.Min(inputHeight, inputWidth), Math.Min(inputChannels, outputHeight)),
                Math.Min(Math.Min(outputWidth, filters), Math.Min(Math.Min(kernelHeight, kernelWidth), Math.Min(strideHeight, strideWidth)))) < 1
            || groups < 1 || padTop < 0 || padLeft < 0)
            throw new ArgumentException("ConvolutionGeometry: sizes, strides and groups must be positive and paddings non-negative.");
        if (inputChannels % groups != 0 || filters % groups != 0)
            throw new ArgumentException($"ConvolutionGeometry: groups ({groups}) must divide the input channels ({inputChannels}) and the filters ({filters}).");
        SpatialDimensions = spatialDimensions;
        InputHeight = inputHeight; InputWidth = inputWidth; InputChannels = inputChannels;
        OutputHeight = outputHeight; OutputWidth = outputWidth; Filters = filters;
        KernelHeight = kernelHeight; KernelWidth = kernelWidth;
        StrideHeight = strideHeight; StrideWidth = strideWidth;
        PadTop = padTop; PadLeft = padLeft;
        ChannelsLast = channelsLast;
        Groups = groups;
    }

    /// <summary>1 or 2.</summary>
    public int SpatialDimensions { get; }
    /// <summary>Input rows (1 for a 1-D convolution).</summary>
    public int InputHeight { get; }
    /// <summary>Input columns.</summary>
    public int InputWidth { get; }
    /// <summary>Input channels.</summary>
    public int InputChannels { get; }
    /// <summary>Output rows.</summary>
    public int OutputHeight { get; }
    /// <summary>Output columns.</summary>
    public int OutputWidth { get; }
    /// <summary>Output channels.</summary>
    public int Filters { get; }
    /// <summary>Kernel rows.</summary>
    public int KernelHeight { get; }
    /// <summary>Kernel columns.</summary>
    public int KernelWidth { get; }
    /// <summary>Vertical stride.</summary>
    public int StrideHeight { get; }
    /// <summary>Horizontal stride.</summary>
    public int StrideWidth { get; }
    /// <summary>Zero rows above the input.</summary>
    public int PadTop { get; }
    /// <summary>Zero columns left of the input.</summary>
    public int PadLeft { get; }
    /// <summary>Whether channels are the last axis.</summary>
    public bool ChannelsLast { get; }
    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>Input channels seen by each filter.</summary>
    public int ChannelsPerGroup => InputChannels / Groups;
    /// <summary>Filters per group.</summary>
    public int FiltersPerGroup => Filters / Groups;
    /// <summary>The number of input elements.</summary>
    public int InputSize => InputHeight * InputWidth * InputChannels;
    /// <summary>The number of output elements.</summary>
    public int OutputSize => OutputHeight * OutputWidth * Filters;
    /// <summary>The number of kernel positions (kernel height × width).</summary>
    public int KernelPositions => KernelHeight * KernelWidth;
    /// <summary>The number of kernel elements.</summary>
    public int KernelSize => KernelPositions * ChannelsPerGroup * Filters;

    /// <summary>The flat index of input element (h, w, c).</summary>
    /// <param name="h">Row.</param>
    /// <param name="w">Column.</param>
    /// <param name="c">Channel.</param>
    /// <returns>The index.</returns>
    public int InputIndex(int h, int w, int c) =>
        ChannelsLast ? (h * InputWidth + w) * InputChannels + c : (c * InputHeight + h) * InputWidth + w;

    /// <summary>The flat index of output element (h, w, f).</summary>
    /// <param name="h">Row.</param>
    /// <param name="w">Column.</param>
    /// <param name="f">Filter.</param>
    /// <returns>The index.</returns>
    public int OutputIndex(int h, int w, int f) =>
        ChannelsLast ? (h * OutputWidth + w) * Filters + f : (f * OutputHeight + h) * OutputWidth + w;

    /// <summary>The flat index of kernel element (kh, kw, c, f), c counted within the filter's group.</summary>
    /// <param name="kh">Kernel row.</param>
    /// <param name="kw">Kernel column.</param>
    /// <param name="c">Channel within the group.</param>
    /// <param name="f">Filter.</param>
    /// <returns>The index.</returns>
    public int KernelIndex(int kh, int kw, int c, int f) => ((kh * KernelWidth + kw) * ChannelsPerGroup + c) * Filters + f;

    /// <inheritdoc />
    public override string ToString() =>
        $"{(SpatialDimensions == 1 ? $"{InputWidth}" : $"{InputHeight}x{InputWidth}")}x{InputChannels} -> " +
        $"{(SpatialDimensions == 1 ? $"{OutputWidth}" : $"{OutputHeight}x{OutputWidth}")}x{Filters}, kernel " +
        $"{(SpatialDimensions == 1 ? $"{KernelWidth}" : $"{KernelHeight}x{KernelWidth}")}" +
        $"{(StrideHeight * StrideWidth != 1 ? $", strides {(SpatialDimensions == 1 ? $"{StrideWidth}" : $"{StrideHeight}x{StrideWidth}")}" : "")}" +
        $"{(Groups != 1 ? $", groups {Groups}" : "")}{(ChannelsLast ? "" : ", channels first")}";
}
