using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = amplitude·max(0, J).</summary>
internal sealed class RectifiedLinearKernel<T>(SimNeurons op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly T _amp = T.CreateTruncating(((RectifiedLinear)op.NeuronType).Amplitude);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++) a[_out + i] = _amp * T.Max(T.Zero, a[_j + i]);
    }
}
