using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>
/// Y += conv(X; W) by direct loops over output positions and kernel taps (padding skipped, not materialised).
/// Zero inputs are skipped, which makes spiking inputs cheap; the sums are the same.
/// </summary>
internal sealed class ConvIncKernel<T>(ConvInc op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _arena = store.Arena;
    private readonly int _w = store.OffsetOf(op.W), _x = store.OffsetOf(op.X), _y = store.OffsetOf(op.Y);
    private readonly ConvolutionGeometry _g = op.Geometry;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var g = _g;
        var arena = _arena;
        int cg = g.ChannelsPerGroup, fg = g.FiltersPerGroup, filters = g.Filters;
        // Distance between consecutive filters (output) and channels (input) in the flat layouts.
        int fStep = g.ChannelsLast ? 1 : g.OutputHeight * g.OutputWidth;
        int cStep = g.ChannelsLast ? 1 : g.InputHeight * g.InputWidth;
        for (int oh = 0; oh < g.OutputHeight; oh++)
            for (int ow = 0; ow < g.OutputWidth; ow++)
            {
                int yBase = _y + g.OutputIndex(oh, ow, 0);
                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    int ih = oh * g.StrideHeight + kh - g.PadTop;
                    if ((uint)ih >= (uint)g.InputHeight) continue;
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        int iw = ow * g.StrideWidth + kw - g.PadLeft;
                        if ((uint)iw >= (uint)g.InputWidth) continue;
                        int xBase = _x + g.InputIndex(ih, iw, 0);
                        int wTap = _w + g.KernelIndex(kh, kw, 0, 0);
                        for (int group = 0; group < g.Groups; group++)
                            for (int c = 0; c < cg; c++)
                            {
                                T xv = arena[xBase + (group * cg + c) * cStep];
                                if (xv == T.Zero) continue;
                                int wRow = wTap + c * filters + group * fg;
                                int yRow = yBase + group * fg * fStep;
                                for (int f = 0; f < fg; f++) arena[yRow + f * fStep] += xv * arena[wRow + f];
                            }
                    }
                }
            }
    }
}
