using System.Numerics.Tensors;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>
/// Y += A·X, A row-major. Three exact strategies, chosen once:
/// <list type="bullet">
/// <item>column-axpy over a transposed copy of a read-only A — skipping zero inputs, which makes decoding
/// spikes a gather-add of the rows of the neurons that spiked (a spiking output is 0 or amplitude/dt);</item>
/// <item>sparse gather over the nonzero inputs when A is writable (learned weights) and X is spiking;</item>
/// <item>row dot products otherwise.</item>
/// </list>
/// All strategies compute the same sums; only the order of floating-point additions differs.
/// </summary>
internal sealed class DotIncKernel : CpuKernel
{
    private readonly double[] _arena;
    private readonly int _a, _x, _y, _rows, _cols;
    private readonly double[]? _transposed;
    private readonly bool _sparseInput;
    private readonly int[] _nonzero;

    public DotIncKernel(DotInc op, SignalStore store, bool sparseInput)
    {
        _arena = store.Arena;
        _a = store.OffsetOf(op.A);
        _x = store.OffsetOf(op.X);
        _y = store.OffsetOf(op.Y);
        _rows = op.A.Rows;
        _cols = op.A.Cols;
        _sparseInput = sparseInput;
        _nonzero = sparseInput && !op.A.ReadOnly ? new int[_cols] : [];
        if (op.A.ReadOnly && (sparseInput || _rows >= 8))
        {
            var a = op.A.Initial;
            _transposed = new double[_rows * _cols];
            for (int i = 0; i < _rows; i++)
                for (int j = 0; j < _cols; j++) _transposed[j * _rows + i] = a[i * _cols + j];
        }
    }

    public override void Run()
    {
        var arena = _arena;
        var y = arena.AsSpan(_y, _rows);
        if (_transposed is { } at)
        {
            for (int j = 0; j < _cols; j++)
            {
                double xj = arena[_x + j];
                if (xj == 0.0) continue;
                TensorPrimitives.FusedMultiplyAdd(at.AsSpan(j * _rows, _rows), xj, y, y);
            }
        }
        else if (_sparseInput)
        {
            int count = 0;
            for (int j = 0; j < _cols; j++) if (arena[_x + j] != 0.0) _nonzero[count++] = j;
            for (int i = 0; i < _rows; i++)
            {
                int row = _a + i * _cols;
                double s = 0;
                for (int k = 0; k < count; k++) { int j = _nonzero[k]; s += arena[row + j] * arena[_x + j]; }
                y[i] += s;
            }
        }
        else
        {
            var x = arena.AsSpan(_x, _cols);
            for (int i = 0; i < _rows; i++)
                y[i] += TensorPrimitives.Dot(arena.AsSpan(_a + i * _cols, _cols), x);
        }
    }
}
