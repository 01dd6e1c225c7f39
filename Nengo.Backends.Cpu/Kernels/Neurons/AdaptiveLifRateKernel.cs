using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = LIFRate(J − a); a ← a + (dt/τ_n)·(inc_n·out − a) (NEF.md §2).</summary>
internal sealed class AdaptiveLifRateKernel : CpuKernel
{
    private readonly double[] _a;
    private readonly int _j, _out, _adapt, _n;
    private readonly double _tauRc, _tauRef, _amp, _incN, _dtOverTauN;

    public AdaptiveLifRateKernel(SimNeurons op, SignalStore store, double dt)
    {
        var type = (AdaptiveLIFRate)op.NeuronType;
        _a = store.Arena;
        _n = op.Count;
        _j = store.OffsetOf(op.Current);
        _out = store.OffsetOf(op.Output);
        _adapt = store.OffsetOf(op.States[0]);
        _tauRc = type.TauRc;
        _tauRef = type.TauRef;
        _amp = type.Amplitude;
        _incN = type.IncN;
        _dtOverTauN = dt / type.TauN;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++)
        {
            double adaptation = a[_adapt + i];
            double j = a[_j + i] - adaptation - 1.0;
            double r = j > 0 ? _amp / (_tauRef + _tauRc * double.LogP1(1.0 / j)) : 0.0;
            a[_out + i] = r;
            a[_adapt + i] = adaptation + _dtOverTauN * (_incN * r - adaptation);
        }
    }
}
