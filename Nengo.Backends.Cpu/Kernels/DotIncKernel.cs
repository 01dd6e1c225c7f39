using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>
/// Y += A·X, A row-major. Four exact strategies, chosen once:
/// <list type="bullet">
/// <item>spike gather over a transposed copy of a read-only A: the nonzero inputs are found by a vector
/// scan and only their columns are added — decoding spikes is a gather-add of the rows of the neurons
/// that spiked (a spiking output is 0 or amplitude/dt);</item>
/// <item>panels of four rows for a read-only A and a dense X (encoders, fixed transforms): A is copied once
/// into 4-row panels stored column by column, so each step streams A once and keeps four sums in a register;</item>
/// <item>sparse gather over the nonzero inputs when A is writable (learned weights) and X is spiking;</item>
/// <item>row dot products otherwise.</item>
/// </list>
/// Each output element is summed in a fixed order, so results do not depend on the thread count.
/// </summary>
internal sealed class DotIncKernel : CpuKernel
{
    private readonly double[] _arena;
    private readonly int _a, _x, _y, _rows, _cols;
    private readonly double[]? _transposed, _panels;
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
        _nonzero = sparseInput ? new int[_cols] : [];
        var a = op.A.Initial;
        if (op.A.ReadOnly && sparseInput)
        {
            _transposed = new double[_rows * _cols + 4];   // 4 spare: a 4-lane load of the last short column stays inside
            for (int i = 0; i < _rows; i++)
                for (int j = 0; j < _cols; j++) _transposed[j * _rows + i] = a[i * _cols + j];
        }
        else if (op.A.ReadOnly && _rows >= 4)
        {
            int panels = (_rows + 3) / 4;
            _panels = new double[panels * 4 * _cols];
            for (int i = 0; i < _rows; i++)
                for (int j = 0; j < _cols; j++) _panels[((i / 4) * _cols + j) * 4 + i % 4] = a[i * _cols + j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        if (_transposed is { } at) GatherColumns(at);
        else if (_panels is { } p) RunPanels(p);
        else if (_sparseInput) GatherRows();
        else
        {
            var arena = _arena;
            var x = arena.AsSpan(_x, _cols);
            for (int i = 0; i < _rows; i++)
                arena[_y + i] += TensorPrimitives.Dot(arena.AsSpan(_a + i * _cols, _cols), x);
        }
    }

    /// <summary>Indices of the nonzero inputs, in order, into <see cref="_nonzero"/>; returns their count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindNonzero()
    {
        ref double x = ref MemoryMarshal.GetArrayDataReference(_arena);
        x = ref Unsafe.Add(ref x, _x);
        int count = 0, j = 0;
        for (; j + 4 <= _cols; j += 4)
        {
            uint mask = ~Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref x, (nuint)j), Vector256<double>.Zero)) & 0b1111;
            for (; mask != 0; mask &= mask - 1) _nonzero[count++] = j + BitOperations.TrailingZeroCount(mask);
        }
        for (; j < _cols; j++)
            if (Unsafe.Add(ref x, j) != 0.0) _nonzero[count++] = j;
        return count;
    }

    /// <summary>y += Σ over nonzero x_j of x_j · (column j of A), columns contiguous in <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GatherColumns(double[] at)
    {
        var arena = _arena;
        int count = FindNonzero(), rows = _rows;
        ref double yRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(arena), _y);
        ref double x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(arena), _x);
        ref double a = ref MemoryMarshal.GetArrayDataReference(at);
        int i = 0;
        // Blocks of 16 outputs kept in four registers over all spiking columns; the next columns are
        // prefetched (a column of a large decoder matrix is usually not in cache).
        for (; i + 16 <= rows; i += 16)
        {
            var y0 = Vector256.LoadUnsafe(ref yRef, (nuint)i);
            var y1 = Vector256.LoadUnsafe(ref yRef, (nuint)(i + 4));
            var y2 = Vector256.LoadUnsafe(ref yRef, (nuint)(i + 8));
            var y3 = Vector256.LoadUnsafe(ref yRef, (nuint)(i + 12));
            for (int k = 0; k < count; k++)
            {
                int j = _nonzero[k];
                if (k + 4 < count) Prefetch(ref Unsafe.Add(ref a, (nuint)_nonzero[k + 4] * (nuint)rows + (nuint)i));
                var xj = Vector256.Create(Unsafe.Add(ref x, j));
                ref double col = ref Unsafe.Add(ref a, (nuint)j * (nuint)rows + (nuint)i);
                y0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref col), xj, y0);
                y1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref col, 4), xj, y1);
                y2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref col, 8), xj, y2);
                y3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref col, 12), xj, y3);
            }
            y0.StoreUnsafe(ref yRef, (nuint)i);
            y1.StoreUnsafe(ref yRef, (nuint)(i + 4));
            y2.StoreUnsafe(ref yRef, (nuint)(i + 8));
            y3.StoreUnsafe(ref yRef, (nuint)(i + 12));
        }
        if (rows - i < 4 && i == 0)
        {
            // Fewer than four outputs (decoders of 1–3 dimensions): all of them in one register per column.
            var acc = Vector256.Create(Unsafe.Add(ref yRef, 0), rows > 1 ? Unsafe.Add(ref yRef, 1) : 0.0, rows > 2 ? Unsafe.Add(ref yRef, 2) : 0.0, 0.0);
            for (int k = 0; k < count; k++)
            {
                int j = _nonzero[k];
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)j * (nuint)rows), Vector256.Create(Unsafe.Add(ref x, j)), acc);
            }
            for (int l = 0; l < rows; l++) Unsafe.Add(ref yRef, l) = acc[l];
            return;
        }
        for (; i < rows; i++)
        {
            double s = Unsafe.Add(ref yRef, i);
            for (int k = 0; k < count; k++) { int j = _nonzero[k]; s = Math.FusedMultiplyAdd(Unsafe.Add(ref a, j * rows + i), Unsafe.Add(ref x, j), s); }
            Unsafe.Add(ref yRef, i) = s;
        }
    }

    /// <summary>Asks for the two cache lines at <paramref name="p"/> (no effect where x86 prefetch is unavailable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref double p)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        void* address = Unsafe.AsPointer(ref p);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(address);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0((byte*)address + 64);
    }

    /// <summary>Four outputs at a time: acc = Σ_j panel[j] · x_j over the panel's contiguous columns, then y += acc; four panels interleaved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunPanels(double[] panels)
    {
        ref double a = ref MemoryMarshal.GetArrayDataReference(_arena);
        ref double p = ref MemoryMarshal.GetArrayDataReference(panels);
        ref double x = ref Unsafe.Add(ref a, _x);
        ref double y = ref Unsafe.Add(ref a, _y);
        int cols = _cols, full = _rows / 4, b = 0;
        nuint stride = (nuint)(4 * cols);
        for (; b + 4 <= full; b += 4)
        {
            ref double p0 = ref Unsafe.Add(ref p, (nuint)b * stride);
            // Two groups ahead (16·cols doubles each), 16 doubles per column: a large matrix streams from
            // memory faster with the prefetches in flight than the hardware prefetcher alone manages.
            bool ahead = b + 12 <= full;
            Vector256<double> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
            for (int j = 0; j < cols; j++)
            {
                if (ahead) Prefetch(ref Unsafe.Add(ref p0, 8 * stride + (nuint)(16 * j)));
                var xj = Vector256.Create(Unsafe.Add(ref x, j));
                nuint o = (nuint)(4 * j);
                acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o), xj, acc0);
                acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o + stride), xj, acc1);
                acc2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o + 2 * stride), xj, acc2);
                acc3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o + 3 * stride), xj, acc3);
            }
            nuint r = (nuint)(4 * b);
            (Vector256.LoadUnsafe(ref y, r) + acc0).StoreUnsafe(ref y, r);
            (Vector256.LoadUnsafe(ref y, r + 4) + acc1).StoreUnsafe(ref y, r + 4);
            (Vector256.LoadUnsafe(ref y, r + 8) + acc2).StoreUnsafe(ref y, r + 8);
            (Vector256.LoadUnsafe(ref y, r + 12) + acc3).StoreUnsafe(ref y, r + 12);
        }
        for (; b < full; b++)
        {
            var acc = Panel(ref p, ref x, b, cols);
            (Vector256.LoadUnsafe(ref y, (nuint)(4 * b)) + acc).StoreUnsafe(ref y, (nuint)(4 * b));
        }
        if (full * 4 < _rows)
        {
            var acc = Panel(ref p, ref x, full, cols);
            for (int l = 0; full * 4 + l < _rows; l++) Unsafe.Add(ref y, full * 4 + l) += acc[l];
        }
    }

    /// <summary>The four sums of panel <paramref name="b"/> (same order of additions as the interleaved loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector256<double> Panel(ref double p, ref double x, int b, int cols)
    {
        var acc = Vector256<double>.Zero;
        ref double pb = ref Unsafe.Add(ref p, (nuint)(b * cols * 4));
        for (int j = 0; j < cols; j++)
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pb, (nuint)(4 * j)), Vector256.Create(Unsafe.Add(ref x, j)), acc);
        return acc;
    }

    /// <summary>Row sums over the nonzero inputs only (a writable A, read where it lives).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GatherRows()
    {
        var arena = _arena;
        int count = FindNonzero();
        for (int i = 0; i < _rows; i++)
        {
            int row = _a + i * _cols;
            double s = 0;
            for (int k = 0; k < count; k++) { int j = _nonzero[k]; s += arena[row + j] * arena[_x + j]; }
            arena[_y + i] += s;
        }
    }
}
