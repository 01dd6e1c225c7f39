using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Numerics;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>
/// Y += A·X, A row-major. Four exact strategies, chosen once:
/// <list type="bullet">
/// <item>spike gather over a transposed copy of a read-only A: the nonzero inputs are found by a vector
/// scan and only their columns are added — decoding spikes is a gather-add of the rows of the neurons
/// that spiked (a spiking output is 0 or amplitude/dt);</item>
/// <item>panels of one vector of rows (four float64, eight float32) for a read-only A and a dense X (encoders,
/// fixed transforms): A is copied once into panels stored column by column, so each step streams A once and keeps
/// a panel's sums in one register;</item>
/// <item>sparse gather over the nonzero inputs when A is writable (learned weights) and X is spiking;</item>
/// <item>row dot products otherwise, and for spike decoders of one row (the scan for nonzero inputs would cost as
/// much as the dot product; the sum is over all inputs, zeros included, in the dot product's order).</item>
/// </list>
/// Each output element is summed in a fixed order, so results do not depend on the thread count. A kernel given
/// an initial source (<see cref="Scheduling.BiasFusion"/>) computes Y = S + A·X: the copy of S into Y and the
/// product in one pass, with the same result.
/// </summary>
internal sealed unsafe class DotIncKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int L => Vector256<T>.Count;

    /// <summary>Spike decoders of at most this many rows take the dense path (one dot product per row).</summary>
    internal const int DenseSpikeRows = 1;

    private readonly T[] _arena;
    private readonly int _a, _x, _y, _rows, _cols, _init;
    private readonly T* _transposed, _panels;   // copies of A in their own layout (null when unused)
    private readonly bool _sparseInput;
    private readonly int[] _nonzero;

    /// <param name="op">The operator.</param>
    /// <param name="store">The arena.</param>
    /// <param name="matrices">Where the copy of a read-only A goes.</param>
    /// <param name="sparseInput">Whether X is the output of spiking neurons.</param>
    /// <param name="initFrom">Where Y's initial value S is read from (Y = S + A·X), or −1 for Y += A·X; only for the panel path.</param>
    public DotIncKernel(DotInc op, SignalStore<T> store, MatrixMemory matrices, bool sparseInput, int initFrom = -1)
    {
        _arena = store.Arena;
        _init = initFrom;
        _a = store.OffsetOf(op.A);
        _x = store.OffsetOf(op.X);
        _y = store.OffsetOf(op.Y);
        _rows = op.A.Rows;
        _cols = op.A.Cols;
        // One output row decoded from spikes (a 1-D ensemble of an array) is a dense dot product: the scan for the
        // nonzero inputs would cost as much as the whole product.
        _sparseInput = sparseInput && _rows > DenseSpikeRows;
        _nonzero = _sparseInput ? new int[_cols + 8] : [];   // 8 spare: a branch-free append of a whole vector of lanes stays inside
        var a = op.A.Initial;
        if (op.A.ReadOnly && _sparseInput)
        {
            _transposed = matrices.Allocate<T>((long)_rows * _cols + L);   // L spare: a vector load of the last short column stays inside
            for (int i = 0; i < _rows; i++)
                for (int j = 0; j < _cols; j++) _transposed[j * _rows + i] = Real.Of<T>(a[i * _cols + j]);
        }
        else if (op.A.ReadOnly && _rows >= L)
        {
            int panels = (_rows + L - 1) / L;
            _panels = matrices.Allocate<T>((long)panels * L * _cols);
            for (int i = 0; i < _rows; i++)
                for (int j = 0; j < _cols; j++) _panels[((i / L) * _cols + j) * L + i % L] = Real.Of<T>(a[i * _cols + j]);
        }
        if (initFrom >= 0 && _panels == null)
            throw new ArgumentException($"{op}: only the panel path (read-only A of at least {L} rows, dense X) starts from an initial source", nameof(initFrom));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        if (_transposed != null) GatherColumns();
        else if (_panels != null) RunPanels();
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
        ref T x = ref MemoryMarshal.GetArrayDataReference(_arena);
        x = ref Unsafe.Add(ref x, _x);
        ref int table = ref LaneTables.Table<T>();
        ref int nonzero = ref MemoryMarshal.GetArrayDataReference(_nonzero);
        int count = 0, j = 0, lanes = L;
        uint all = (1u << lanes) - 1;
        for (; j + lanes <= _cols; j += lanes)
        {
            uint mask = ~Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref x, (nuint)j), Vector256<T>.Zero)) & all;
            count = LaneTables.Append<T>(ref table, ref nonzero, count, j, mask);
        }
        for (; j < _cols; j++)
            if (Unsafe.Add(ref x, j) != T.Zero) _nonzero[count++] = j;
        return count;
    }

    /// <summary>y += Σ over nonzero x_j of x_j · (column j of A), columns contiguous in the transposed copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GatherColumns()
    {
        var arena = _arena;
        int count = FindNonzero(), rows = _rows, lanes = L;
        ref T yRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(arena), _y);
        ref T x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(arena), _x);
        ref T a = ref Unsafe.AsRef<T>(_transposed);
        int i = 0;
        // Blocks of four vectors of outputs kept in registers over all spiking columns; the next columns are
        // prefetched (a column of a large decoder matrix is usually not in cache).
        for (; i + 4 * lanes <= rows; i += 4 * lanes)
        {
            var y0 = Vector256.LoadUnsafe(ref yRef, (nuint)i);
            var y1 = Vector256.LoadUnsafe(ref yRef, (nuint)(i + lanes));
            var y2 = Vector256.LoadUnsafe(ref yRef, (nuint)(i + 2 * lanes));
            var y3 = Vector256.LoadUnsafe(ref yRef, (nuint)(i + 3 * lanes));
            for (int k = 0; k < count; k++)
            {
                int j = _nonzero[k];
                if (k + 4 < count) Prefetch(ref Unsafe.Add(ref a, (nuint)_nonzero[k + 4] * (nuint)rows + (nuint)i));
                var xj = Vector256.Create(Unsafe.Add(ref x, j));
                ref T col = ref Unsafe.Add(ref a, (nuint)j * (nuint)rows + (nuint)i);
                y0 = Real.Fma(Vector256.LoadUnsafe(ref col), xj, y0);
                y1 = Real.Fma(Vector256.LoadUnsafe(ref col, (nuint)lanes), xj, y1);
                y2 = Real.Fma(Vector256.LoadUnsafe(ref col, (nuint)(2 * lanes)), xj, y2);
                y3 = Real.Fma(Vector256.LoadUnsafe(ref col, (nuint)(3 * lanes)), xj, y3);
            }
            y0.StoreUnsafe(ref yRef, (nuint)i);
            y1.StoreUnsafe(ref yRef, (nuint)(i + lanes));
            y2.StoreUnsafe(ref yRef, (nuint)(i + 2 * lanes));
            y3.StoreUnsafe(ref yRef, (nuint)(i + 3 * lanes));
        }
        // Then one vector of outputs at a time, and the last few outputs in one register (the spare lanes at the
        // end of the copy keep its loads inside; their sums are discarded). Every output's sum is the same
        // sequence of fused multiply-adds in any of these blocks, so the blocking does not change results.
        for (; i + lanes <= rows; i += lanes)
        {
            var acc = Vector256.LoadUnsafe(ref yRef, (nuint)i);
            for (int k = 0; k < count; k++)
            {
                int j = _nonzero[k];
                acc = Real.Fma(Vector256.LoadUnsafe(ref a, (nuint)j * (nuint)rows + (nuint)i), Vector256.Create(Unsafe.Add(ref x, j)), acc);
            }
            acc.StoreUnsafe(ref yRef, (nuint)i);
        }
        if (i < rows)
        {
            int rest = rows - i;
            var acc = Vector256<T>.Zero;
            for (int l = 0; l < rest; l++) acc = acc.WithElement(l, Unsafe.Add(ref yRef, i + l));
            for (int k = 0; k < count; k++)
            {
                int j = _nonzero[k];
                acc = Real.Fma(Vector256.LoadUnsafe(ref a, (nuint)j * (nuint)rows + (nuint)i), Vector256.Create(Unsafe.Add(ref x, j)), acc);
            }
            for (int l = 0; l < rest; l++) Unsafe.Add(ref yRef, i + l) = acc[l];
        }
    }

    /// <summary>Asks for the two cache lines at <paramref name="p"/> (no effect where x86 prefetch is unavailable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref T p)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        void* address = Unsafe.AsPointer(ref p);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(address);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0((byte*)address + 64);
    }

    /// <summary>One vector of outputs at a time: acc = Σ_j panel[j] · x_j over the panel's contiguous columns, then y += acc; four panels interleaved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunPanels()
    {
        ref T a = ref MemoryMarshal.GetArrayDataReference(_arena);
        ref T p = ref Unsafe.AsRef<T>(_panels);
        ref T x = ref Unsafe.Add(ref a, _x);
        ref T y = ref Unsafe.Add(ref a, _y);
        ref T y0 = ref Unsafe.Add(ref a, _init >= 0 ? _init : _y);   // the value the sums are added to
        int lanes = L, cols = _cols, full = _rows / lanes, b = 0;
        nuint stride = (nuint)(lanes * cols);
        for (; b + 4 <= full; b += 4)
        {
            ref T p0 = ref Unsafe.Add(ref p, (nuint)b * stride);
            // Two groups of four panels ahead, 128 bytes per column (the four panels' share of one column):
            // a large matrix streams from memory faster with the prefetches in flight than the hardware
            // prefetcher alone manages.
            bool ahead = b + 12 <= full;
            Vector256<T> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
            for (int j = 0; j < cols; j++)
            {
                if (ahead) Prefetch(ref Unsafe.Add(ref p0, 8 * stride + (nuint)(4 * lanes * j)));
                var xj = Vector256.Create(Unsafe.Add(ref x, j));
                nuint o = (nuint)(lanes * j);
                acc0 = Real.Fma(Vector256.LoadUnsafe(ref p0, o), xj, acc0);
                acc1 = Real.Fma(Vector256.LoadUnsafe(ref p0, o + stride), xj, acc1);
                acc2 = Real.Fma(Vector256.LoadUnsafe(ref p0, o + 2 * stride), xj, acc2);
                acc3 = Real.Fma(Vector256.LoadUnsafe(ref p0, o + 3 * stride), xj, acc3);
            }
            nuint r = (nuint)(lanes * b);
            (Vector256.LoadUnsafe(ref y0, r) + acc0).StoreUnsafe(ref y, r);
            (Vector256.LoadUnsafe(ref y0, r + (nuint)lanes) + acc1).StoreUnsafe(ref y, r + (nuint)lanes);
            (Vector256.LoadUnsafe(ref y0, r + (nuint)(2 * lanes)) + acc2).StoreUnsafe(ref y, r + (nuint)(2 * lanes));
            (Vector256.LoadUnsafe(ref y0, r + (nuint)(3 * lanes)) + acc3).StoreUnsafe(ref y, r + (nuint)(3 * lanes));
        }
        for (; b < full; b++)
        {
            var acc = Panel(ref p, ref x, b, cols);
            (Vector256.LoadUnsafe(ref y0, (nuint)(lanes * b)) + acc).StoreUnsafe(ref y, (nuint)(lanes * b));
        }
        if (full * lanes < _rows)
        {
            var acc = Panel(ref p, ref x, full, cols);
            for (int l = 0; full * lanes + l < _rows; l++) Unsafe.Add(ref y, full * lanes + l) = Unsafe.Add(ref y0, full * lanes + l) + acc[l];
        }
    }

    /// <summary>The sums of panel <paramref name="b"/> (same order of additions as the interleaved loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector256<T> Panel(ref T p, ref T x, int b, int cols)
    {
        var acc = Vector256<T>.Zero;
        ref T pb = ref Unsafe.Add(ref p, (nuint)(b * cols * L));
        for (int j = 0; j < cols; j++)
            acc = Real.Fma(Vector256.LoadUnsafe(ref pb, (nuint)(L * j)), Vector256.Create(Unsafe.Add(ref x, j)), acc);
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
            T s = T.Zero;
            for (int k = 0; k < count; k++) { int j = _nonzero[k]; s += arena[row + j] * arena[_x + j]; }
            arena[_y + i] += s;
        }
    }
}
