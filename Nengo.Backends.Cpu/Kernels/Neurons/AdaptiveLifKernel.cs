using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>The LIF step (see <see cref="LifKernel{T}"/>) on J − a, then a ← a + (dt/τ_n)·(inc_n·out − a) (NEF.md §2).</summary>
internal sealed class AdaptiveLifKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a;
    private readonly int _j, _out, _v, _ref, _adapt, _n;
    private readonly T _dt, _tauRc, _tauRef, _minV, _spike, _incN, _dtOverTauN;

    public AdaptiveLifKernel(SimNeurons op, SignalStore<T> store, double dt)
    {
        var type = (AdaptiveLIF)op.NeuronType;
        _a = store.Arena;
        _n = op.Count;
        _j = store.OffsetOf(op.Current);
        _out = store.OffsetOf(op.Output);
        _v = store.OffsetOf(op.States[0]);
        _ref = store.OffsetOf(op.States[1]);
        _adapt = store.OffsetOf(op.States[2]);
        _dt = T.CreateTruncating(dt);
        _tauRc = T.CreateTruncating(type.TauRc);
        _tauRef = T.CreateTruncating(type.TauRef);
        _minV = T.CreateTruncating(type.MinVoltage);
        _spike = T.CreateTruncating(type.Amplitude / dt);
        _incN = T.CreateTruncating(type.IncN);
        _dtOverTauN = T.CreateTruncating(dt / type.TauN);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        T dt = _dt, tauRc = _tauRc;
        for (int i = 0; i < _n; i++)
        {
            T adaptation = a[_adapt + i];
            T j = a[_j + i] - adaptation;
            T refractory = a[_ref + i] - dt;
            T delta = T.Clamp(dt - refractory, T.Zero, dt);
            T v = a[_v + i];
            v += (j - v) * -T.ExpM1(-delta / tauRc);
            T output;
            if (v > T.One)
            {
                output = _spike;
                T tSpike = dt + tauRc * T.LogP1(-(v - T.One) / (j - T.One));
                v = T.Zero;
                refractory = _tauRef + tSpike;
            }
            else
            {
                output = T.Zero;
                if (v < _minV) v = _minV;
            }
            a[_out + i] = output;
            a[_v + i] = v;
            a[_ref + i] = refractory;
            a[_adapt + i] = adaptation + _dtOverTauN * (_incN * output - adaptation);
        }
    }
}
