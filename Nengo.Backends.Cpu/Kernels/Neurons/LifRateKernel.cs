using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = amplitude / (τ_ref + τ_rc·ln(1 + 1/(J − 1))) for J &gt; 1, else 0.</summary>
internal sealed class LifRateKernel<T>(SimNeurons op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly LIFRate _type = (LIFRate)op.NeuronType;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        T tauRef = T.CreateTruncating(_type.TauRef), tauRc = T.CreateTruncating(_type.TauRc), amp = T.CreateTruncating(_type.Amplitude);
        for (int i = 0; i < _n; i++)
        {
            T j = a[_j + i] - T.One;
            a[_out + i] = j > T.Zero ? amp / (tauRef + tauRc * T.LogP1(T.One / j)) : T.Zero;
        }
    }
}
