using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = tanh(J)/τ_ref.</summary>
internal sealed class TanhKernel(SimNeurons op, SignalStore store) : CpuKernel
{
    private readonly double[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly double _top = 1.0 / ((Tanh)op.NeuronType).TauRef;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++) a[_out + i] = _top * Math.Tanh(a[_j + i]);
    }
}
