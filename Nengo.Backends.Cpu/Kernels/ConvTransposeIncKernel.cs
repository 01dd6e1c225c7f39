using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>
/// Y += convᵀ(X; W): every input element X at a forward-output position is scattered back through the kernel taps
/// onto the forward-input positions it was computed from (the exact adjoint of <see cref="ConvIncKernel{T}"/>).
/// </summary>
internal sealed class ConvTransposeIncKernel<T>(ConvTransposeInc op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
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
        int fStep = g.ChannelsLast ? 1 : g.OutputHeight * g.OutputWidth;
        int cStep = g.ChannelsLast ? 1 : g.InputHeight * g.InputWidth;
        for (int oh = 0; oh < g.OutputHeight; oh++)
            for (int ow = 0; ow < g.OutputWidth; ow++)
            {
                int xBase = _x + g.OutputIndex(oh, ow, 0);
                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    int ih = oh * g.StrideHeight + kh - g.PadTop;
                    if ((uint)ih >= (uint)g.InputHeight) continue;
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        int iw = ow * g.StrideWidth + kw - g.PadLeft;
                        if ((uint)iw >= (uint)g.InputWidth) continue;
                        int yBase = _y + g.InputIndex(ih, iw, 0);
                        int wTap = _w + g.KernelIndex(kh, kw, 0, 0);
                        for (int group = 0; group < g.Groups; group++)
                            for (int c = 0; c < cg; c++)
                            {
                                int wRow = wTap + c * filters + group * fg;
                                int xRow = xBase + group * fg * fStep;
                                T s = T.Zero;
                                for (int f = 0; f < fg; f++) s += arena[xRow + f * fStep] * arena[wRow + f];
                                arena[yBase + (group * cg + c) * cStep] += s;
                            }
                    }
                }
            }
    }
}
