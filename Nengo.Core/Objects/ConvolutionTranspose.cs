using Nengo.Graph;

namespace Nengo;

/// <summary>
/// A transposed 1-D or 2-D convolution (upsampling, sometimes called deconvolution): the adjoint (gradient with
/// respect to its input) of the <see cref="Convolution"/> that maps <see cref="OutputShape"/> back to
/// <see cref="InputShape"/> with the same kernel, strides and padding.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.transforms.ConvolutionTranspose(n_filters, input_shape, output_shape=None,
/// kernel_size=(3, 3), strides=(1, 1), padding="valid", channels_last=True, init=Uniform(-1, 1))</c> (NEF.md §8).</para>
/// <para>Let F be the forward convolution from a signal of <see cref="OutputShape"/> (nFilters channels) to one of
/// <see cref="InputShape"/>, with kernel W of shape kernelSize + (nFilters, input channels). This transform computes
/// y = Fᵀ·x, so ⟨F·u, x⟩ = ⟨u, Fᵀ·x⟩ for every u and x, and the same kernel array serves both directions (as in
/// TensorFlow's conv_transpose). Hence <see cref="KernelShape"/> = kernelSize + (nFilters, input channels).</para>
/// <para>The default output size per spatial axis is 1 + (in − 1)·s, plus k − 1 for "valid" padding. A given
/// output shape is validated by running the shape forward: F must map it back to the input shape. Initialisation,
/// layouts and the restrictions (no decoded connections, no learning, at most 2 spatial dimensions) are those of
/// <see cref="Convolution"/>.</para>
/// </remarks>
public sealed class ConvolutionTranspose : Transform
{
    private readonly int[] _inputShape, _outputShape, _kernelSize, _strides;

    /// <summary>Creates the transform.</summary>
    /// <param name="nFilters">The number of output channels; positive.</param>
    /// <param name="inputShape">The input shape: (width, channels) or (height, width, channels) when <paramref name="channelsLast"/>, else channels first.</param>
    /// <param name="outputShape">The output shape, channels included (nFilters of them); null for the default size (see remarks).</param>
    /// <param name="kernelSize">The kernel's spatial size, one entry per spatial dimension (default 3 in each).</param>
    /// <param name="strides">The upsampling factor per spatial dimension (default 1 in each).</param>
    /// <param name="padding">"valid" or "same", as for the forward convolution.</param>
    /// <param name="channelsLast">Whether channels are the last axis of the flattened signals.</param>
    /// <param name="init">The kernel: a distribution (default Uniform(−1, 1)) or fixed values, as for <see cref="Convolution"/>.</param>
    /// <exception cref="ValidationError">When a parameter is out of range or the output shape does not map back to the input shape.</exception>
    public ConvolutionTranspose(int nFilters, int[] inputShape, int[]? outputShape = null, int[]? kernelSize = null, int[]? strides = null,
        string padding = "valid", bool channelsLast = true, DistributionArg init = default)
    {
        const string me = "ConvolutionTranspose";
        Check.Positive(nFilters, me, nameof(nFilters));
        _inputShape = ConvolutionShapes.CheckShape(me, nameof(inputShape), inputShape);
        int dims = _inputShape.Length - 1;
        _kernelSize = ConvolutionShapes.PerDimension(me, nameof(kernelSize), kernelSize, dims, 3);
        _strides = ConvolutionShapes.PerDimension(me, nameof(strides), strides, dims, 1);
        bool same = ConvolutionShapes.IsSame(me, padding);
        var spatial = ConvolutionShapes.Spatial(_inputShape, channelsLast);
        int channels = ConvolutionShapes.Channels(_inputShape, channelsLast);

        int[] outSpatial;
        if (outputShape is null)
        {
            outSpatial = new int[dims];
            for (int d = 0; d < dims; d++) outSpatial[d] = 1 + (spatial[d] - 1) * _strides[d] + (same ? 0 : _kernelSize[d] - 1);
        }
        else
        {
            var given = ConvolutionShapes.CheckShape(me, nameof(outputShape), outputShape);
            Check.That(given.Length == _inputShape.Length, me, nameof(outputShape), $"must have {_inputShape.Length} entries like inputShape", given);
            Check.That(ConvolutionShapes.Channels(given, channelsLast) == nFilters, me, nameof(outputShape), $"must have nFilters ({nFilters}) channels", given);
            outSpatial = ConvolutionShapes.Spatial(given, channelsLast);
        }
        // Run the shape forward: the convolution from the output back to the input must give the input's size.
        var forward = new int[dims];
        for (int d = 0; d < dims; d++) forward[d] = ConvolutionShapes.OutputLength(outSpatial[d], _kernelSize[d], _strides[d], same);
        Check.That(forward.SequenceEqual(spatial), me, nameof(outputShape),
            $"must map back to the input's spatial size {ConvolutionShapes.Show(spatial)} under a convolution with kernelSize {ConvolutionShapes.Show(_kernelSize)}, " +
            $"strides {ConvolutionShapes.Show(_strides)} and padding \"{padding}\" (it gives {ConvolutionShapes.Show(forward)})",
            ConvolutionShapes.Join(outSpatial, nFilters, channelsLast));

        _outputShape = ConvolutionShapes.Join(outSpatial, nFilters, channelsLast);
        NFilters = nFilters;
        Padding = padding;
        ChannelsLast = channelsLast;
        Geometry = ConvolutionShapes.Geometry(outSpatial, nFilters, spatial, channels, _kernelSize, _strides, same, channelsLast, groups: 1);
        Init = ConvolutionShapes.CheckInit(me, init.Value, Geometry.KernelPositions, nFilters * channels);
    }

    /// <summary>The number of output channels.</summary>
    public int NFilters { get; }

    /// <summary>The input shape (in the layout given by <see cref="ChannelsLast"/>).</summary>
    public IReadOnlyList<int> InputShape => _inputShape;

    /// <summary>The output shape (same layout, nFilters channels).</summary>
    public IReadOnlyList<int> OutputShape => _outputShape;

    /// <summary>The kernel's spatial size.</summary>
    public IReadOnlyList<int> KernelSize => _kernelSize;

    /// <summary>The strides (upsampling factors).</summary>
    public IReadOnlyList<int> Strides => _strides;

    /// <summary>"valid" or "same".</summary>
    public string Padding { get; }

    /// <summary>Whether channels are the last axis.</summary>
    public bool ChannelsLast { get; }

    /// <summary>The kernel initialiser: a distribution or <see cref="Samples"/> of fixed values.</summary>
    public Distribution Init { get; }

    /// <summary>The full kernel shape: kernelSize + (nFilters, input channels), the kernel of the forward convolution.</summary>
    public IReadOnlyList<int> KernelShape => [.. _kernelSize, NFilters, Geometry.Filters];

    /// <summary>
    /// The forward convolution this transform is the adjoint of: from <see cref="OutputShape"/> (input side of the
    /// geometry) to <see cref="InputShape"/> (output side), as the ConvTransposeInc operator needs it.
    /// </summary>
    public ConvolutionGeometry Geometry { get; }

    /// <inheritdoc />
    public override int? SizeIn => Geometry.OutputSize;

    /// <inheritdoc />
    public override int? SizeOut => Geometry.InputSize;

    /// <inheritdoc />
    public override bool AllowsDecoders => false;

    /// <summary>
    /// The kernel values, flattened row-major in <see cref="KernelShape"/>: the fixed values, or one draw of the
    /// distribution as (kernel positions, nFilters · input channels).
    /// </summary>
    /// <param name="rng">The generator (the connection's, at build time).</param>
    /// <returns>The kernel, <see cref="ConvolutionGeometry.KernelSize"/> values.</returns>
    public double[] SampleKernel(Random rng) =>
        ConvolutionShapes.SampleKernel(Init, Geometry.KernelPositions, Geometry.InputChannels * Geometry.Filters, rng);

    /// <inheritdoc />
    public override void Validate(string owner, int sizeIn, int sizeOut) => ValidateSizes(owner, sizeIn, sizeOut);

    /// <inheritdoc />
    public override bool Equals(object? obj) =>
        obj is ConvolutionTranspose o && NFilters == o.NFilters && _inputShape.SequenceEqual(o._inputShape) && _outputShape.SequenceEqual(o._outputShape)
        && _kernelSize.SequenceEqual(o._kernelSize) && _strides.SequenceEqual(o._strides) && Padding == o.Padding && ChannelsLast == o.ChannelsLast
        && Init.Equals(o.Init);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NFilters, Geometry, Padding, Init);

    /// <inheritdoc />
    public override string ToString() =>
        $"ConvolutionTranspose(nFilters={NFilters}, inputShape={ConvolutionShapes.Show(_inputShape)}, outputShape={ConvolutionShapes.Show(_outputShape)}, " +
        $"kernelSize={ConvolutionShapes.Show(_kernelSize)}, strides={ConvolutionShapes.Show(_strides)}, padding=\"{Padding}\"{(ChannelsLast ? "" : ", channelsLast=false")})";
}
