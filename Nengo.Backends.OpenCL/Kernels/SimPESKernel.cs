using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// Δ[i, j] = −(η·dt/n)·e_local[i]·a[j], e_local = e or E·e (<c>SimPES.cl</c>): every PES update of a
/// level in one ragged launch, one work-item per element of Δ.
/// </summary>
internal sealed class SimPESKernel : RaggedKernelGroup
{
    /// <inheritdoc />
    protected override string KernelName => "pes";

    /// <summary>Adds a PES update.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    /// <param name="dt">The time step.</param>
    public void Add(SimPES op, SignalArena arena, double dt)
    {
        int n = op.Activities.Size;
        Ops.AddRange([arena.OffsetOf(op.Activities), arena.OffsetOf(op.Error), arena.OffsetOf(op.Delta),
            op.Encoders is null ? -1 : arena.OffsetOf(op.Encoders), n, op.Delta.Rows, op.Error.Size]);
        Params.Add(-op.LearningRate * dt / n);
        Lengths.Add(n * op.Delta.Rows);
    }
}
