using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// Y += A·X for every <see cref="DotInc"/> of one dependency level in one launch (<c>DotInc.cl</c>):
/// encoders, decoders, transforms and weights together. Each output element is a row whose terms are
/// the matrix rows of every DotInc into it (nengo_ocl's MultiDotInc), so a row has one writer and the
/// launch needs no atomics.
/// </summary>
internal sealed class DotIncKernel : KernelGroup
{
    private readonly Dictionary<int, List<(int A, int X, int N)>> _rows = [];
    private readonly List<int> _order = [];

    /// <inheritdoc />
    public override bool IsEmpty => _order.Count == 0;

    /// <summary>Adds a matrix-vector product.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    public void Add(DotInc op, SignalArena arena)
    {
        int a = arena.OffsetOf(op.A), x = arena.OffsetOf(op.X), y = arena.OffsetOf(op.Y), cols = op.A.Cols;
        for (int i = 0; i < op.A.Rows; i++)
        {
            if (!_rows.TryGetValue(y + i, out var terms))
            {
                _rows[y + i] = terms = [];
                _order.Add(y + i);
            }
            if (cols > 0) terms.Add((a + i * cols, x, cols));
        }
    }

    /// <inheritdoc />
    public override IEnumerable<Launch> Emit(EmitContext ctx)
    {
        var rows = new List<int>(3 * _order.Count);
        var terms = new List<int>();
        foreach (int y in _order)
        {
            var list = _rows[y];
            rows.AddRange([y, terms.Count / 3, list.Count]);
            foreach (var (a, x, n) in list) terms.AddRange([a, x, n]);
        }
        var kernel = ctx.Kernel("dot_inc");
        kernel.Set(0, ctx.Signals);
        kernel.Set(1, _order.Count);
        kernel.Set(2, ctx.Ints(rows, "dot rows"));
        kernel.Set(3, ctx.Ints(terms.Count == 0 ? [0, 0, 0] : terms, "dot terms"));
        yield return ctx.Launch(kernel, _order.Count);
    }
}
