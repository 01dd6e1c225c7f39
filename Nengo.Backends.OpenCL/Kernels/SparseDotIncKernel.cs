using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// Y += A·X for sparse A (<c>SparseDotInc.cl</c>): each output element is a row of (value, input)
/// element pairs, summed by one work-item. Every <see cref="SparseDotInc"/> of a level shares the launch,
/// and so do convolutions (<see cref="ConvIncKernel"/>, <see cref="ConvTransposeIncKernel"/>), which are
/// sparse matrices whose values are kernel taps. Unlike nengo_ocl, sparse operators are merged, not
/// launched one by one.
/// </summary>
internal sealed class SparseDotIncKernel : KernelGroup
{
    private readonly Dictionary<int, List<int>> _rows = [];
    private readonly List<int> _order = [];

    /// <inheritdoc />
    public override bool IsEmpty => _order.Count == 0;

    /// <summary>Adds buf[y] += buf[a]·buf[x].</summary>
    /// <param name="y">Accumulator element.</param>
    /// <param name="a">Value element.</param>
    /// <param name="x">Input element.</param>
    public void Add(int y, int a, int x)
    {
        Row(y).AddRange([a, x]);
    }

    /// <summary>Makes sure output element <paramref name="y"/> has a row (an empty one adds nothing).</summary>
    /// <param name="y">Accumulator element.</param>
    /// <returns>Its pairs.</returns>
    public List<int> Row(int y)
    {
        if (!_rows.TryGetValue(y, out var pairs))
        {
            _rows[y] = pairs = [];
            _order.Add(y);
        }
        return pairs;
    }

    /// <summary>Adds a CSR matrix-vector product.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    public void Add(SparseDotInc op, SignalArena arena)
    {
        int data = arena.OffsetOf(op.Data), x = arena.OffsetOf(op.X), y = arena.OffsetOf(op.Y);
        for (int i = 0; i < op.Y.Size; i++)
        {
            var row = Row(y + i);
            for (int k = op.IndPtr[i]; k < op.IndPtr[i + 1]; k++) row.AddRange([data + k, x + op.Indices[k]]);
        }
    }

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        var rows = new List<int>(3 * _order.Count);
        var pairs = new List<int>();
        foreach (int y in _order)
        {
            var list = _rows[y];
            rows.AddRange([y, pairs.Count / 2, list.Count / 2]);
            pairs.AddRange(list);
        }
        var kernel = ctx.Kernel("sparse_dot_inc");
        kernel.Set(0, ctx.Signals);
        kernel.Set(1, _order.Count);
        kernel.Set(2, ctx.Ints(rows, "sparse rows"));
        kernel.Set(3, ctx.Ints(pairs.Count == 0 ? [0, 0] : pairs, "sparse pairs"));
        yield return ctx.Launch(kernel, _order.Count);
    }
}
