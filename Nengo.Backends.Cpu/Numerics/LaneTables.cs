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
    /// Appends base + each set lane of <paramref name="mask"/> (a mask of <c>Vector256&lt;T&gt;.Count</c> lanes) to
    /// <paramref name="queue"/> at <paramref name="count"/>, without branches; the queue needs 8 spare slots. Returns the new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Append<T>(int[] queue, int count, int @base, uint mask) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref int q = ref MemoryMarshal.GetArrayDataReference(queue);
        if (Vector256<T>.Count == 4) (Vector128.Create(@base) + Four[mask]).StoreUnsafe(ref q, (nuint)count);
        else (Vector256.Create(@base) + Eight[mask]).StoreUnsafe(ref q, (nuint)count);
        return count + BitOperations.PopCount(mask);
    }

    private static int[] SetLanes(int mask, int width)
    {
        var lanes = Enumerable.Range(0, width).Where(l => (mask & (1 << l)) != 0).ToList();
        while (lanes.Count < width) lanes.Add(0);
        return [.. lanes];
    }
}
