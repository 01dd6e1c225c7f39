using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = amplitude / (τ_ref + τ_rc·ln(1 + 1/(J − 1))) for J &gt; 1, else 0.</summary>
internal sealed class LifRateKernel(SimNeurons op, SignalStore store) : CpuKernel
{
    private readonly double[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly LIFRate _type = (LIFRate)op.NeuronType;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        double tauRef = _type.TauRef, tauRc = _type.TauRc, amp = _type.Amplitude;
        for (int i = 0; i < _n; i++)
        {
            double j = a[_j + i] - 1.0;
            a[_out + i] = j > 0 ? amp / (tauRef + tauRc * double.LogP1(1.0 / j)) : 0.0;
        }
    }
}
