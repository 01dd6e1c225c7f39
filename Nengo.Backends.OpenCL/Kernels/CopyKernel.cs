using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// The merged gather-scatter of one dependency level (<c>Copy.cl</c>): every non-accumulating
/// <see cref="Copy"/>, every <see cref="Reset"/> (see <see cref="ResetKernel"/>) and every host value
/// computed ahead in set or update mode, as one table of (destination, source) element pairs.
/// Accumulating copies run in <see cref="ElementwiseIncKernel"/>.
/// </summary>
internal sealed class CopyKernel : KernelGroup
{
    private readonly List<int> _entries = [];
    private bool _readsTable;

    /// <inheritdoc />
    public override bool IsEmpty => _entries.Count == 0;

    /// <summary>Adds dst = src for one element.</summary>
    /// <param name="dst">Destination element.</param>
    /// <param name="src">Source element, or an encoded host-table column (<see cref="SignalArena.TableSource"/>).</param>
    public void Add(int dst, int src)
    {
        _entries.Add(dst);
        _entries.Add(src);
        _readsTable |= src < 0;
    }

    /// <summary>Adds a non-accumulating copy.</summary>
    /// <param name="op">The operator (not <see cref="Copy.Inc"/>).</param>
    /// <param name="arena">The signal layout.</param>
    public void Add(Copy op, SignalArena arena)
    {
        System.Diagnostics.Debug.Assert(!op.Inc);
        int src = arena.OffsetOf(op.Src), dst = arena.OffsetOf(op.Dst);
        for (int i = 0; i < op.Length; i++)
            Add(dst + (op.DstIndices is { } d ? d[i] : i), src + (op.SrcIndices is { } s ? s[i] : i));
    }

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        var kernel = ctx.Kernel("copy");
        kernel.Set(0, ctx.Signals);
        kernel.Set(1, _entries.Count / 2);
        kernel.Set(2, ctx.Ints(_entries, "copy/reset entries"));
        kernel.Set(3, ctx.Arena.TableBase);
        kernel.Set(4, ctx.Arena.TableWidth);
        kernel.Set(5, 0);
        yield return ctx.Launch(kernel, _entries.Count / 2, _readsTable ? (k, row, _, _) => k.Set(5, row) : null);
    }
}
