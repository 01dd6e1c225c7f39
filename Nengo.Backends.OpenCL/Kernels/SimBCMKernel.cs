using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>Δ[i, j] = η·dt·p[i]·(p[i] − θ[i])·a[j] (<c>SimBCM.cl</c>), one work-item per element of Δ.</summary>
internal sealed class SimBCMKernel : RaggedKernelGroup
{
    /// <inheritdoc />
    protected override string KernelName => "bcm";

    /// <summary>Adds a BCM update.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    /// <param name="dt">The time step.</param>
    public void Add(SimBCM op, SignalArena arena, double dt)
    {
        Ops.AddRange([arena.OffsetOf(op.PreFiltered), arena.OffsetOf(op.PostFiltered), arena.OffsetOf(op.Theta), arena.OffsetOf(op.Delta), op.Delta.Rows, op.Delta.Cols]);
        Params.Add(op.LearningRate * dt);
        Lengths.Add(op.Delta.Size);
    }
}
