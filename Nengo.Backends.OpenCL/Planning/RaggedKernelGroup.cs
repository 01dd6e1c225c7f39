namespace Nengo.Backends.OpenCL.Planning;

/// <summary>
/// A group stepped by one ragged elementwise launch (<see cref="Ragged"/>): per item a fixed number of
/// int offsets and of <c>real</c> parameters, and a length. The kernel's arguments are always
/// <c>(buf, nblocks, blocks, ops, params[, dt])</c>.
/// </summary>
internal abstract class RaggedKernelGroup : KernelGroup
{
    /// <summary>Int offsets and sizes, a fixed count per item.</summary>
    protected List<int> Ops { get; } = [];

    /// <summary>Parameters in the device precision, a fixed count per item (or an item's own offset into them).</summary>
    protected List<double> Params { get; } = [];

    /// <summary>Elements (work-items) per item.</summary>
    protected List<int> Lengths { get; } = [];

    /// <summary>The kernel function.</summary>
    protected abstract string KernelName { get; }

    /// <summary>Whether the kernel takes dt as its last argument.</summary>
    protected virtual bool TakesDt => false;

    /// <inheritdoc />
    public override bool IsEmpty => Lengths.Count == 0;

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        var blocks = Ragged.Blocks(Lengths);
        if (blocks.Length == 0) yield break;
        var kernel = ctx.Kernel(KernelName);
        kernel.Set(0, ctx.Signals);
        kernel.Set(1, blocks.Length / 2);
        kernel.Set(2, ctx.Ints(blocks, $"{KernelName} blocks"));
        kernel.Set(3, ctx.Ints(Ops.Count == 0 ? [0] : Ops, $"{KernelName} offsets"));
        kernel.Set(4, ctx.Reals(Params.Count == 0 ? [0.0] : Params, $"{KernelName} parameters"));
        if (TakesDt) kernel.SetReal(5, ctx.Dt, ctx.Precision);
        yield return ctx.Launch(kernel, blocks.Length / 2 * Ragged.Block);
    }
}
