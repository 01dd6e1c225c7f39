using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>The LIF step (see <see cref="LifKernel"/>) on J − a, then a ← a + (dt/τ_n)·(inc_n·out − a) (NEF.md §2).</summary>
internal sealed class AdaptiveLifKernel : CpuKernel
{
    private readonly double[] _a;
    private readonly int _j, _out, _v, _ref, _adapt, _n;
    private readonly double _dt, _tauRc, _tauRef, _minV, _spike, _incN, _dtOverTauN;

    public AdaptiveLifKernel(SimNeurons op, SignalStore store, double dt)
    {
        var type = (AdaptiveLIF)op.NeuronType;
        _a = store.Arena;
        _n = op.Count;
        _j = store.OffsetOf(op.Current);
        _out = store.OffsetOf(op.Output);
        _v = store.OffsetOf(op.States[0]);
        _ref = store.OffsetOf(op.States[1]);
        _adapt = store.OffsetOf(op.States[2]);
        _dt = dt;
        _tauRc = type.TauRc;
        _tauRef = type.TauRef;
        _minV = type.MinVoltage;
        _spike = type.Amplitude / dt;
        _incN = type.IncN;
        _dtOverTauN = dt / type.TauN;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        double dt = _dt, tauRc = _tauRc;
        for (int i = 0; i < _n; i++)
        {
            double adaptation = a[_adapt + i];
            double j = a[_j + i] - adaptation;
            double refractory = a[_ref + i] - dt;
            double delta = Math.Clamp(dt - refractory, 0.0, dt);
            double v = a[_v + i];
            v += (j - v) * -double.ExpM1(-delta / tauRc);
            double output;
            if (v > 1.0)
            {
                output = _spike;
                double tSpike = dt + tauRc * double.LogP1(-(v - 1.0) / (j - 1.0));
                v = 0.0;
                refractory = _tauRef + tSpike;
            }
            else
            {
                output = 0.0;
                if (v < _minV) v = _minV;
            }
            a[_out + i] = output;
            a[_v + i] = v;
            a[_ref + i] = refractory;
            a[_adapt + i] = adaptation + _dtOverTauN * (_incN * output - adaptation);
        }
    }
}
