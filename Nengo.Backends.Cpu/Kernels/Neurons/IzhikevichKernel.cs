using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// The Izhikevich step (NEF.md §2), shared with the type's rate measurement (<see cref="Izhikevich.Step"/>):
/// J clipped at −30, voltage update, spike at v ≥ 30 (out = 1/dt), reset v before the recovery update, then
/// the recovery jump.
/// </summary>
internal sealed class IzhikevichKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a;
    private readonly int _j, _out, _v, _u, _n;
    private readonly double _dt, _spike;
    private readonly Izhikevich _type;

    public IzhikevichKernel(SimNeurons op, SignalStore<T> store, double dt)
    {
        _type = (Izhikevich)op.NeuronType;
        _a = store.Arena;
        _n = op.Count;
        _j = store.OffsetOf(op.Current);
        _out = store.OffsetOf(op.Output);
        _v = store.OffsetOf(op.States[0]);
        _u = store.OffsetOf(op.States[1]);
        _dt = dt;
        _spike = 1.0 / dt;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        var type = _type;
        for (int i = 0; i < _n; i++)
        {
            // The shared step is float64; a float32 arena's state is widened for it and rounded back.
            double j = Math.Max(double.CreateTruncating(a[_j + i]), Izhikevich.MinCurrent);
            double v = double.CreateTruncating(a[_v + i]), u = double.CreateTruncating(a[_u + i]);
            a[_out + i] = T.CreateTruncating(type.Step(_dt, j, ref v, ref u) ? _spike : 0.0);
            a[_v + i] = T.CreateTruncating(v);
            a[_u + i] = T.CreateTruncating(u);
        }
    }
}
