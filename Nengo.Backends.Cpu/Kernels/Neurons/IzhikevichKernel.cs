using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// The Izhikevich step (NEF.md §2), shared with the type's rate measurement (<see cref="Izhikevich.Step"/>):
/// J clipped at −30, voltage update, spike at v ≥ 30 (out = 1/dt), reset v before the recovery update, then
/// the recovery jump.
/// </summary>
internal sealed class IzhikevichKernel : CpuKernel
{
    private readonly double[] _a;
    private readonly int _j, _out, _v, _u, _n;
    private readonly double _dt, _spike;
    private readonly Izhikevich _type;

    public IzhikevichKernel(SimNeurons op, SignalStore store, double dt)
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
            double j = Math.Max(a[_j + i], Izhikevich.MinCurrent);
            a[_out + i] = type.Step(_dt, j, ref a[_v + i], ref a[_u + i]) ? _spike : 0.0;
        }
    }
}
