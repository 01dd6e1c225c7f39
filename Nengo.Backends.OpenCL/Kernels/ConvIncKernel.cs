using Nengo.Backends.OpenCL.Memory;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// Y += conv(X; W). A convolution is a sparse matrix whose values are kernel taps, so it runs in the
/// level's gathered-product launch (<see cref="SparseDotIncKernel"/>, <c>SparseDotInc.cl</c>): one row
/// per output element listing its (tap, input) pairs, padding skipped, as the CPU's loops visit them.
/// There is no separate convolution kernel; the pair table costs 2 ints per multiply-add.
/// </summary>
internal static class ConvIncKernel
{
    /// <summary>Adds <paramref name="op"/>'s pairs to the level's sparse group.</summary>
    /// <param name="sparse">The level's group.</param>
    /// <param name="op">The convolution.</param>
    /// <param name="arena">The signal layout.</param>
    public static void Add(SparseDotIncKernel sparse, ConvInc op, SignalArena arena) =>
        Lower(sparse, op.Geometry, arena.OffsetOf(op.W), arena.OffsetOf(op.X), arena.OffsetOf(op.Y), transpose: false);

    /// <summary>
    /// Emits the pairs of a forward (y at output positions, x at input positions) or transposed (the
    /// roles swapped) convolution.
    /// </summary>
    /// <param name="sparse">The level's group.</param>
    /// <param name="g">The geometry.</param>
    /// <param name="w">Offset of the kernel taps.</param>
    /// <param name="x">Offset of the input.</param>
    /// <param name="y">Offset of the accumulator.</param>
    /// <param name="transpose">Whether this is the adjoint (ConvTransposeInc).</param>
    internal static void Lower(SparseDotIncKernel sparse, ConvolutionGeometry g, int w, int x, int y, bool transpose)
    {
        int cg = g.ChannelsPerGroup, fg = g.FiltersPerGroup, filters = g.Filters;
        int fStep = g.ChannelsLast ? 1 : g.OutputHeight * g.OutputWidth;
        int cStep = g.ChannelsLast ? 1 : g.InputHeight * g.InputWidth;
        for (int oh = 0; oh < g.OutputHeight; oh++)
            for (int ow = 0; ow < g.OutputWidth; ow++)
            {
                int outBase = g.OutputIndex(oh, ow, 0);
                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    int ih = oh * g.StrideHeight + kh - g.PadTop;
                    if ((uint)ih >= (uint)g.InputHeight) continue;
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        int iw = ow * g.StrideWidth + kw - g.PadLeft;
                        if ((uint)iw >= (uint)g.InputWidth) continue;
                        int inBase = g.InputIndex(ih, iw, 0);
                        int tap = w + g.KernelIndex(kh, kw, 0, 0);
                        for (int group = 0; group < g.Groups; group++)
                            for (int c = 0; c < cg; c++)
                            {
                                int inElem = inBase + (group * cg + c) * cStep;
                                int wRow = tap + c * filters + group * fg;
                                int outRow = outBase + group * fg * fStep;
                                for (int f = 0; f < fg; f++)
                                {
                                    int outElem = outRow + f * fStep;
                                    if (transpose) sparse.Add(y + inElem, wRow + f, x + outElem);
                                    else sparse.Add(y + outElem, wRow + f, x + inElem);
                                }
                            }
                    }
                }
            }
        // Every output element gets a row, so an all-padding position still appears (adding nothing).
        int outputs = transpose ? g.InputSize : g.OutputSize;
        for (int i = 0; i < outputs; i++) sparse.Row(y + i);
    }
}
