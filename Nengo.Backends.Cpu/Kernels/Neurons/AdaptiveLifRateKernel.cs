using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>out = LIFRate(J − a); a ← a + (dt/τ_n)·(inc_n·out − a) (NEF.md §2).</summary>
internal sealed class AdaptiveLifRateKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a;
    private readonly int _j, _out, _adapt, _n;
    private readonly T _tauRc, _tauRef, _amp, _incN, _dtOverTauN;

    public AdaptiveLifRateKernel(SimNeurons op, SignalStore<T> store, double dt)
    {
        var type = (AdaptiveLIFRate)op.NeuronType;
        _a = store.Arena;
        _n = op.Count;
        _j = store.OffsetOf(op.Current);
        _out = store.OffsetOf(op.Output);
        _adapt = store.OffsetOf(op.States[0]);
        _tauRc = T.CreateTruncating(type.TauRc);
        _tauRef = T.CreateTruncating(type.TauRef);
        _amp = T.CreateTruncating(type.Amplitude);
        _incN = T.CreateTruncating(type.IncN);
        _dtOverTauN = T.CreateTruncating(dt / type.TauN);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++)
        {
            T adaptation = a[_adapt + i];
            T j = a[_j + i] - adaptation - T.One;
            T r = j > T.Zero ? _amp / (_tauRef + _tauRc * T.LogP1(T.One / j)) : T.Zero;
            a[_out + i] = r;
            a[_adapt + i] = adaptation + _dtOverTauN * (_incN * r - adaptation);
        }
    }
}
