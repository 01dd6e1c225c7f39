using Nengo.Backends.OpenCL.Memory;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// dst = value. A reset is a copy from the constant pool of the signal buffer, so every Reset of a
/// level runs in the same gather-scatter launch as that level's copies (<see cref="CopyKernel"/>,
/// <c>Copy.cl</c>); there is no separate reset kernel.
/// </summary>
internal static class ResetKernel
{
    /// <summary>Adds <paramref name="op"/> to the level's copy table.</summary>
    /// <param name="copies">The level's copy group.</param>
    /// <param name="op">The reset.</param>
    /// <param name="arena">The signal layout (holds the constant).</param>
    public static void Add(CopyKernel copies, Reset op, SignalArena arena)
    {
        int value = arena.Constant(op.Value), dst = arena.OffsetOf(op.Dst);
        for (int i = 0; i < op.Dst.Size; i++) copies.Add(dst + i, value);
    }
}
