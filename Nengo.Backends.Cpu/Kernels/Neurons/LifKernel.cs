using System.Numerics;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// The LIF step (NEF.md §2): refractory countdown, exact exponential integration over the usable part
/// of the step, spike detection, sub-step spike time, clamp at min_voltage, reset and refractory period.
/// </summary>
/// <remarks>
/// Δ is dt for an integrating neuron and 0 for a refractory one, so the exponential is one constant for
/// almost every neuron. The common case runs in SIMD lanes; lanes where refractoriness ends inside the
/// step or a spike occurs are finished by the scalar code, so results equal the scalar step exactly.
/// </remarks>
internal sealed class LifKernel : CpuKernel
{
    private readonly double[] _a;
    private readonly int _j, _out, _v, _ref, _n;
    private readonly double _dt, _tauRc, _tauRef, _minV, _spike, _fullStep;

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
        _fullStep = -double.ExpM1(-dt / lif.TauRc);
    }

    public override void Run()
    {
        var a = _a.AsSpan();
        int w = Vector<double>.Count, i = 0;
        if (Vector.IsHardwareAccelerated && _n >= w)
        {
            var dt = new Vector<double>(_dt);
            var full = new Vector<double>(_fullStep);
            var one = Vector<double>.One;
            var minV = new Vector<double>(_minV);
            for (; i + w <= _n; i += w)
            {
                var refractory = new Vector<double>(a.Slice(_ref + i, w)) - dt;
                var j = new Vector<double>(a.Slice(_j + i, w));
                var v = new Vector<double>(a.Slice(_v + i, w));
                var integrating = Vector.LessThanOrEqual(refractory, Vector<double>.Zero);
                // Refractory lanes (refractory ≥ dt) keep v; partial lanes are redone below.
                var vNew = Vector.ConditionalSelect(integrating, v + (j - v) * full, v);
                var partial = Vector.AndNot(Vector.LessThan(refractory, dt), integrating);
                var spiked = Vector.GreaterThan(vNew, one);
                if (Vector.EqualsAll(partial | spiked, Vector<long>.Zero))
                {
                    Vector.Max(vNew, minV).CopyTo(a.Slice(_v + i, w));
                    refractory.CopyTo(a.Slice(_ref + i, w));
                    Vector<double>.Zero.CopyTo(a.Slice(_out + i, w));
                }
                else
                {
                    for (int k = i; k < i + w; k++) StepOne(a, k);
                }
            }
        }
        for (; i < _n; i++) StepOne(a, i);
    }

    private void StepOne(Span<double> a, int i)
    {
        double dt = _dt, tauRc = _tauRc;
        double j = a[_j + i];
        double refractory = a[_ref + i] - dt;
        double v = a[_v + i];
        if (refractory <= 0.0) v += (j - v) * _fullStep;
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
