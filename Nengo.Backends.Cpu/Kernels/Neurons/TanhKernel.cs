using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = tanh(J)/τ_ref.</summary>
internal sealed class TanhKernel<T>(SimNeurons op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly T _top = T.CreateTruncating(1.0 / ((Tanh)op.NeuronType).TauRef);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++) a[_out + i] = _top * T.Tanh(a[_j + i]);
    }
}
