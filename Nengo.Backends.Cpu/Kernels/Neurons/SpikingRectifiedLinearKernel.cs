using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>v += max(J, 0)·dt; k = ⌊v⌋ spikes; out = amplitude·k/dt; v −= k.</summary>
internal sealed class SpikingRectifiedLinearKernel(SimNeurons op, SignalStore store, double dt) : CpuKernel
{
    private readonly double[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _v = store.OffsetOf(op.States[0]), _n = op.Count;
    private readonly double _scale = ((SpikingRectifiedLinear)op.NeuronType).Amplitude / dt;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++)
        {
            double v = a[_v + i] + Math.Max(a[_j + i], 0.0) * dt;
            double k = Math.Floor(v);
            a[_out + i] = _scale * k;
            a[_v + i] = v - k;
        }
    }
}
