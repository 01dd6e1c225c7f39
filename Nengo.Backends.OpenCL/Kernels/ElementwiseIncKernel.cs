using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// Y += A ⊙ X (<c>ElementwiseInc.cl</c>) for every <see cref="ElementwiseInc"/> of a level, with the
/// broadcasting of length-1 A or X resolved into one (y, a, x) entry per output element. Accumulating
/// copies (a = the constant 1) and accumulating host values join the same table. Entries with the same
/// y go to successive launches, so no launch has two writers of one element.
/// </summary>
internal sealed class ElementwiseIncKernel : KernelGroup
{
    private readonly List<(int Y, int A, int X)> _entries = [];

    /// <inheritdoc />
    public override bool IsEmpty => _entries.Count == 0;

    /// <summary>Adds y += a·x for one element.</summary>
    /// <param name="y">Accumulator element.</param>
    /// <param name="a">Multiplier element.</param>
    /// <param name="x">Input element, or an encoded host-table column.</param>
    public void Add(int y, int a, int x) => _entries.Add((y, a, x));

    /// <summary>Adds an elementwise product.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    public void Add(ElementwiseInc op, SignalArena arena)
    {
        int y = arena.OffsetOf(op.Y), a = arena.OffsetOf(op.A), x = arena.OffsetOf(op.X);
        bool aAll = op.A.Size == op.Y.Size, xAll = op.X.Size == op.Y.Size;
        for (int i = 0; i < op.Y.Size; i++) Add(y + i, aAll ? a + i : a, xAll ? x + i : x);
    }

    /// <summary>Adds an accumulating copy (repeated destination indices accumulate).</summary>
    /// <param name="op">The operator (<see cref="Copy.Inc"/>).</param>
    /// <param name="arena">The signal layout.</param>
    public void Add(Copy op, SignalArena arena)
    {
        int one = arena.Constant(1.0), src = arena.OffsetOf(op.Src), dst = arena.OffsetOf(op.Dst);
        for (int i = 0; i < op.Length; i++)
            Add(dst + (op.DstIndices is { } d ? d[i] : i), one, src + (op.SrcIndices is { } s ? s[i] : i));
    }

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        // Round k holds the k-th entry of each accumulator element (build order preserved).
        var rounds = new List<List<int>>();
        var seen = new Dictionary<int, int>();
        foreach (var (y, a, x) in _entries)
        {
            seen.TryGetValue(y, out int k);
            seen[y] = k + 1;
            if (rounds.Count == k) rounds.Add([]);
            rounds[k].AddRange([y, a, x]);
        }
        bool readsTable = _entries.Any(e => e.X < 0);
        foreach (var round in rounds)
        {
            var kernel = ctx.Kernel("elementwise_inc");
            kernel.Set(0, ctx.Signals);
            kernel.Set(1, round.Count / 3);
            kernel.Set(2, ctx.Ints(round, "elementwise entries"));
            kernel.Set(3, ctx.Arena.TableBase);
            kernel.Set(4, ctx.Arena.TableWidth);
            kernel.Set(5, 0);
            yield return ctx.Launch(kernel, round.Count / 3, readsTable ? (k, row, _, _) => k.Set(5, row) : null);
        }
    }
}
