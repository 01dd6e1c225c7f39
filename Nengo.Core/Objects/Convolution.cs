using Nengo.Graph;

namespace Nengo;

/// <summary>
/// A 1-D or 2-D convolution (a correlation: the kernel is not flipped) with <see cref="NFilters"/> filters,
/// as in convolutional neural networks. The connection's input is a flattened signal of
/// <see cref="InputShape"/>, its output a flattened signal of <see cref="OutputShape"/>.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.Convolution(n_filters, input_shape, kernel_size=(3, 3), strides=(1, 1),
/// padding="valid", channels_last=True, init=Uniform(-1, 1), groups=1)</c> (NEF.md §8).</para>
/// <para>Signals are flattened row-major as (spatial…, channels) when <see cref="ChannelsLast"/>, else
/// (channels, spatial…). The kernel has shape <see cref="KernelShape"/> = kernelSize + (channels/groups,
/// nFilters); output channel f only sees the input channels of its group g = f/(nFilters/groups).
/// Output size per spatial axis: ceil((in − k + 1)/s) for "valid", ceil(in/s) for "same", which pads a total of
/// max((out − 1)·s + k − in, 0) zeros, the smaller half before (top/left).</para>
/// <para>A distribution <c>init</c> is sampled once at build time with the connection's generator, as a
/// (kernel positions, channels/groups · nFilters) draw (one row per kernel position). Fixed values are a
/// <c>double[]</c> of the kernel in row-major order of <see cref="KernelShape"/>, or the same as a
/// <c>double[,]</c> (kernel positions × channels/groups · nFilters). Not allowed on decoded connections (the pre
/// must be a Node, Neurons or a Direct-mode ensemble), and not learnable. Deviations: a null kernelSize means 3
/// in every spatial dimension (Nengo's (3, 3) only fits 2-D); more than 2 spatial dimensions are rejected here,
/// at construction (Nengo accepts them and fails when simulating).</para>
/// </remarks>
public sealed class Convolution : Transform
{
    private readonly int[] _inputShape, _outputShape, _kernelSize, _strides;

    /// <summary>Creates the transform.</summary>
    /// <param name="nFilters">The number of filters (output channels); positive and a multiple of <paramref name="groups"/>.</param>
    /// <param name="inputShape">The input shape: (width, channels) or (height, width, channels) when <paramref name="channelsLast"/>, else channels first.</param>
    /// <param name="kernelSize">The kernel's spatial size, one entry per spatial dimension (default 3 in each).</param>
    /// <param name="strides">The step between kernel positions per spatial dimension (default 1 in each).</param>
    /// <param name="padding">"valid" (only positions where the kernel fits) or "same" (zero-padded, output ceil(in/stride)).</param>
    /// <param name="channelsLast">Whether channels are the last axis of the flattened signals.</param>
    /// <param name="init">The kernel: a distribution (default Uniform(−1, 1)) or fixed values (see remarks).</param>
    /// <param name="groups">Channel groups; must divide the input channels and <paramref name="nFilters"/>.</param>
    /// <exception cref="ValidationError">When a parameter is out of range or the shapes do not fit.</exception>
    public Convolution(int nFilters, int[] inputShape, int[]? kernelSize = null, int[]? strides = null, string padding = "valid",
        bool channelsLast = true, DistributionArg init = default, int groups = 1)
    {
        const string me = "Convolution";
        Check.Positive(nFilters, me, nameof(nFilters));
        _inputShape = ConvolutionShapes.CheckShape(me, nameof(inputShape), inputShape);
        int dims = _inputShape.Length - 1;
        _kernelSize = ConvolutionShapes.PerDimension(me, nameof(kernelSize), kernelSize, dims, 3);
        _strides = ConvolutionShapes.PerDimension(me, nameof(strides), strides, dims, 1);
        bool same = ConvolutionShapes.IsSame(me, padding);
        Check.Positive(groups, me, nameof(groups));
        var spatial = ConvolutionShapes.Spatial(_inputShape, channelsLast);
        int channels = ConvolutionShapes.Channels(_inputShape, channelsLast);
        Check.That(channels % groups == 0, me, nameof(groups), $"must divide the input channels ({channels})", groups);
        Check.That(nFilters % groups == 0, me, nameof(groups), $"must divide nFilters ({nFilters})", groups);

        var outSpatial = new int[dims];
        for (int d = 0; d < dims; d++)
        {
            outSpatial[d] = ConvolutionShapes.OutputLength(spatial[d], _kernelSize[d], _strides[d], same);
            Check.That(outSpatial[d] > 0, me, nameof(kernelSize),
                $"must fit inside the input {ConvolutionShapes.Show(spatial)} with padding \"valid\"", _kernelSize);
        }
        _outputShape = ConvolutionShapes.Join(outSpatial, nFilters, channelsLast);
        NFilters = nFilters;
        Padding = padding;
        ChannelsLast = channelsLast;
        Groups = groups;
        Geometry = ConvolutionShapes.Geometry(spatial, channels, outSpatial, nFilters, _kernelSize, _strides, same, channelsLast, groups);
        Init = ConvolutionShapes.CheckInit(me, init.Value, Geometry.KernelPositions, Geometry.ChannelsPerGroup * nFilters);
    }

    /// <summary>The number of filters (output channels).</summary>
    public int NFilters { get; }

    /// <summary>The input shape (in the layout given by <see cref="ChannelsLast"/>).</summary>
    public IReadOnlyList<int> InputShape => _inputShape;

    /// <summary>The output shape (same layout, nFilters channels).</summary>
    public IReadOnlyList<int> OutputShape => _outputShape;

    /// <summary>The kernel's spatial size.</summary>
    public IReadOnlyList<int> KernelSize => _kernelSize;

    /// <summary>The strides.</summary>
    public IReadOnlyList<int> Strides => _strides;

    /// <summary>"valid" or "same".</summary>
    public string Padding { get; }

    /// <summary>Whether channels are the last axis.</summary>
    public bool ChannelsLast { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>The kernel initialiser: a distribution or <see cref="Samples"/> of fixed values.</summary>
    public Distribution Init { get; }

    /// <summary>The full kernel shape: kernelSize + (input channels/groups, nFilters).</summary>
    public IReadOnlyList<int> KernelShape => [.. _kernelSize, Geometry.ChannelsPerGroup, NFilters];

    /// <summary>The shapes as the ConvInc operator needs them.</summary>
    public ConvolutionGeometry Geometry { get; }

    /// <inheritdoc />
    public override int? SizeIn => Geometry.InputSize;

    /// <inheritdoc />
    public override int? SizeOut => Geometry.OutputSize;

    /// <inheritdoc />
    public override bool AllowsDecoders => false;

    /// <summary>
    /// The kernel values, flattened row-major in <see cref="KernelShape"/>: the fixed values, or one draw of the
    /// distribution as (kernel positions, channels/groups · nFilters).
    /// </summary>
    /// <param name="rng">The generator (the connection's, at build time).</param>
    /// <returns>The kernel, <see cref="ConvolutionGeometry.KernelSize"/> values.</returns>
    public double[] SampleKernel(Random rng) =>
        ConvolutionShapes.SampleKernel(Init, Geometry.KernelPositions, Geometry.ChannelsPerGroup * NFilters, rng);

    /// <inheritdoc />
    public override void Validate(string owner, int sizeIn, int sizeOut) => ValidateSizes(owner, sizeIn, sizeOut);

    /// <inheritdoc />
    public override bool Equals(object? obj) =>
        obj is Convolution o && NFilters == o.NFilters && _inputShape.SequenceEqual(o._inputShape) && _kernelSize.SequenceEqual(o._kernelSize)
        && _strides.SequenceEqual(o._strides) && Padding == o.Padding && ChannelsLast == o.ChannelsLast && Groups == o.Groups && Init.Equals(o.Init);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NFilters, Geometry, Padding, Init);

    /// <inheritdoc />
    public override string ToString() =>
        $"Convolution(nFilters={NFilters}, inputShape={ConvolutionShapes.Show(_inputShape)}, outputShape={ConvolutionShapes.Show(_outputShape)}, " +
        $"kernelSize={ConvolutionShapes.Show(_kernelSize)}, strides={ConvolutionShapes.Show(_strides)}, padding=\"{Padding}\"" +
        $"{(ChannelsLast ? "" : ", channelsLast=false")}{(Groups != 1 ? $", groups={Groups}" : "")})";
}
