using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>Δ[i, j] = η·dt·(p[i]·a[j] − β·p[i]²·W[i, j]) (<c>SimOja.cl</c>), one work-item per element of Δ.</summary>
internal sealed class SimOjaKernel : RaggedKernelGroup
{
    /// <inheritdoc />
    protected override string KernelName => "oja";

    /// <summary>Adds an Oja update.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    /// <param name="dt">The time step.</param>
    public void Add(SimOja op, SignalArena arena, double dt)
    {
        Ops.AddRange([arena.OffsetOf(op.PreFiltered), arena.OffsetOf(op.PostFiltered), arena.OffsetOf(op.Weights), arena.OffsetOf(op.Delta), op.Delta.Rows, op.Delta.Cols]);
        Params.AddRange([op.LearningRate * dt, op.Beta]);
        Lengths.Add(op.Delta.Size);
    }
}
