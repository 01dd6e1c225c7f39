using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// The LIF step (NEF.md §2): refractory countdown, exact exponential integration over the usable part
/// of the step, spike detection, sub-step spike time, clamp at min_voltage, reset and refractory period.
/// </summary>
internal sealed class LifKernel : CpuKernel
{
    private readonly double[] _a;
    private readonly int _j, _out, _v, _ref, _n;
    private readonly double _dt, _tauRc, _tauRef, _minV, _spike;


    public LifKernel(SimNeurons op, SignalStore store, double dt)
    {
        var lif = (LIF)op.NeuronType;
        _a = store.Arena;
        _n = op.Count;
        _j = store.OffsetOf(op.Current);
        _out = store.OffsetOf(op.Output);
        _v = store.OffsetOf(op.States[0]);
        _ref = store.OffsetOf(op.States[1]);
        _dt = dt;
        _tauRc = lif.TauRc;
        _tauRef = lif.TauRef;
        _minV = lif.MinVoltage;
        _spike = lif.Amplitude / dt;
    }

    public override void Run()
    {
        var a = _a;
        double dt = _dt, tauRc = _tauRc;
        // Δ is dt for an integrating neuron and 0 for a refractory one, so the exponential is a constant
        // for almost every neuron; only the step in which refractoriness ends needs its own.
        double fullStep = -double.ExpM1(-dt / tauRc);
        for (int i = 0; i < _n; i++)
        {
            double j = a[_j + i];
            double refractory = a[_ref + i] - dt;
            double v = a[_v + i];
            if (refractory <= 0.0) v += (j - v) * fullStep;
            else if (refractory < dt) v += (j - v) * -double.ExpM1(-(dt - refractory) / tauRc);
            if (v > 1.0)
            {
                a[_out + i] = _spike;
                double tSpike = dt + tauRc * double.LogP1(-(v - 1.0) / (j - 1.0));
                v = 0.0;
                refractory = _tauRef + tSpike;
            }
            else
            {
                a[_out + i] = 0.0;
                if (v < _minV) v = _minV;
            }
            a[_v + i] = v;
            a[_ref + i] = refractory;
        }
    }
}
