using Nengo.Backends.OpenCL.Memory;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// Y += convᵀ(X; W), the exact adjoint of <see cref="ConvIncKernel"/>: the same (tap, element) pairs with
/// the roles of input and output swapped, run in the level's gathered-product launch
/// (<see cref="SparseDotIncKernel"/>, <c>SparseDotInc.cl</c>).
/// </summary>
internal static class ConvTransposeIncKernel
{
    /// <summary>Adds <paramref name="op"/>'s pairs to the level's sparse group.</summary>
    /// <param name="sparse">The level's group.</param>
    /// <param name="op">The transposed convolution.</param>
    /// <param name="arena">The signal layout.</param>
    public static void Add(SparseDotIncKernel sparse, ConvTransposeInc op, SignalArena arena) =>
        ConvIncKernel.Lower(sparse, op.Geometry, arena.OffsetOf(op.W), arena.OffsetOf(op.X), arena.OffsetOf(op.Y), transpose: true);
}
