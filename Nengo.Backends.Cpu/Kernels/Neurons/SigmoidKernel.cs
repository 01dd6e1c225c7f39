using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = (1/τ_ref)/(1 + e^(−J)).</summary>
internal sealed class SigmoidKernel(SimNeurons op, SignalStore store) : CpuKernel
{
    private readonly double[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly double _top = 1.0 / ((Sigmoid)op.NeuronType).TauRef;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++) a[_out + i] = _top / (1.0 + Math.Exp(-a[_j + i]));
    }
}
