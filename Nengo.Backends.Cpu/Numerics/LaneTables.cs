using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nengo.Backends.Cpu.Numerics;

/// <summary>
/// Branch-free queues of vector lanes: for each mask of lanes, the set lanes in order (unused lanes 0), so the
/// indices of the lanes a comparison selected are appended with one add and one store (used by the LIF kernel's
/// partial-step and spike queues and by the spike gathers' nonzero scan).
/// </summary>
internal static class LaneTables
{
    /// <summary>4-lane masks (float64).</summary>
    public static readonly Vector128<int>[] Four = [.. Enumerable.Range(0, 16).Select(m => Vector128.Create(SetLanes(m, 4)))];

    /// <summary>8-lane masks (float32).</summary>
    public static readonly Vector256<int>[] Eight = [.. Enumerable.Range(0, 256).Select(m => Vector256.Create(SetLanes(m, 8)))];

    /// <summary>
    /// The first entry of the table for <c>Vector256&lt;T&gt;.Count</c> lanes (<see cref="Four"/> or <see cref="Eight"/>),
    /// for <see cref="Append{T}"/>; taken once before a loop, so the loop reads no static field.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref int Table<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector256<T>.Count == 4) return ref Unsafe.As<Vector128<int>, int>(ref MemoryMarshal.GetArrayDataReference(Four));
        return ref Unsafe.As<Vector256<int>, int>(ref MemoryMarshal.GetArrayDataReference(Eight));
    }

    /// <summary>
    /// Appends base + each set lane of <paramref name="mask"/> (a mask of <c>Vector256&lt;T&gt;.Count</c> lanes) to
    /// <paramref name="queue"/> at <paramref name="count"/>, without branches; the queue needs 8 spare slots.
    /// <paramref name="table"/> is <see cref="Table{T}"/>. Returns the new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Append<T>(ref int table, ref int queue, int count, int @base, uint mask) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector256<T>.Count == 4) (Vector128.Create(@base) + Vector128.LoadUnsafe(ref table, mask * 4)).StoreUnsafe(ref queue, (nuint)count);
        else (Vector256.Create(@base) + Vector256.LoadUnsafe(ref table, mask * 8)).StoreUnsafe(ref queue, (nuint)count);
        return count + BitOperations.PopCount(mask);
    }

    private static int[] SetLanes(int mask, int width)
    {
        var lanes = Enumerable.Range(0, width).Where(l => (mask & (1 << l)) != 0).ToList();
        while (lanes.Count < width) lanes.Add(0);
        return [.. lanes];
    }
}
