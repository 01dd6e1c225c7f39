using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// The RLS update (<c>SimRLS.cl</c>): Pr = P·r, k = 1/(1 + r·Pr), P −= k·Pr·Prᵀ, Δ = −k·e_local·Prᵀ, for every
/// SimRLS of a level in three launches (the two reductions need their own launch: OpenCL has no grid-wide
/// barrier). Pr and k of each op live in a scratch buffer.
/// </summary>
internal sealed class SimRLSKernel : KernelGroup
{
    private readonly List<int> _ops = [];
    private readonly List<int> _prLengths = [], _updateLengths = [];
    private int _scratch;

    /// <inheritdoc />
    public override bool IsEmpty => _prLengths.Count == 0;

    /// <summary>Adds an RLS update.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    public void Add(SimRLS op, SignalArena arena)
    {
        int n = op.PreFiltered.Size;
        _ops.AddRange([arena.OffsetOf(op.PreFiltered), arena.OffsetOf(op.Error), arena.OffsetOf(op.Delta), arena.OffsetOf(op.InvGamma),
            op.Encoders is null ? -1 : arena.OffsetOf(op.Encoders), n, op.Delta.Rows, op.Error.Size, _scratch]);
        _scratch += n + 1;
        _prLengths.Add(n);
        _updateLengths.Add(n * n + op.Delta.Rows * n);
    }

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        var scratch = ctx.Cl.CreateBuffer((long)_scratch * Reals.Size(ctx.Precision), "RLS scratch (P·r and the gain)");
        var ops = ctx.Ints(_ops, "RLS offsets");
        var prBlocks = Ragged.Blocks(_prLengths);
        var updateBlocks = Ragged.Blocks(_updateLengths);

        var pr = ctx.Kernel("rls_pr");
        pr.Set(0, ctx.Signals);
        pr.Set(1, prBlocks.Length / 2);
        pr.Set(2, ctx.Ints(prBlocks.Length == 0 ? [0, 0] : prBlocks, "RLS blocks"));
        pr.Set(3, ops);
        pr.Set(4, scratch);
        if (prBlocks.Length > 0) yield return ctx.Launch(pr, prBlocks.Length / 2 * Ragged.Block);

        var gain = ctx.Kernel("rls_gain");
        gain.Set(0, ctx.Signals);
        gain.Set(1, _prLengths.Count);
        gain.Set(2, ops);
        gain.Set(3, scratch);
        yield return ctx.Launch(gain, _prLengths.Count);

        if (updateBlocks.Length == 0) yield break;
        var update = ctx.Kernel("rls_update");
        update.Set(0, ctx.Signals);
        update.Set(1, updateBlocks.Length / 2);
        update.Set(2, ctx.Ints(updateBlocks, "RLS update blocks"));
        update.Set(3, ops);
        update.Set(4, scratch);
        yield return ctx.Launch(update, updateBlocks.Length / 2 * Ragged.Block);
    }
}
