using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>Δ[i, j] = η·dt·L·p[i]·(s[i]·x[j] − E[i, j]) (<c>SimVoja.cl</c>), one work-item per element of Δ.</summary>
internal sealed class SimVojaKernel : RaggedKernelGroup
{
    /// <inheritdoc />
    protected override string KernelName => "voja";

    /// <summary>Adds a Voja update.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    /// <param name="dt">The time step.</param>
    public void Add(SimVoja op, SignalArena arena, double dt)
    {
        Ops.AddRange([arena.OffsetOf(op.Input), arena.OffsetOf(op.PostFiltered), arena.OffsetOf(op.ScaledEncoders), arena.OffsetOf(op.Delta),
            arena.OffsetOf(op.LearningSignal), op.Delta.Rows, op.Delta.Cols, Params.Count]);
        Params.Add(op.LearningRate * dt);
        Params.AddRange(op.Scale);
        Lengths.Add(op.Delta.Size);
    }
}
