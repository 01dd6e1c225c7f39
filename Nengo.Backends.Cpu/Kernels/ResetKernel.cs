using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels;

/// <summary>dst = value.</summary>
internal sealed class ResetKernel(Reset op, SignalStore store) : CpuKernel
{
    private readonly double[] _a = store.Arena;
    private readonly int _dst = store.OffsetOf(op.Dst), _n = op.Dst.Size;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run() => _a.AsSpan(_dst, _n).Fill(op.Value);
}
