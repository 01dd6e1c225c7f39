using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>v += max(J, 0)·dt; k = ⌊v⌋ spikes; out = amplitude·k/dt; v −= k.</summary>
internal sealed class SpikingRectifiedLinearKernel<T>(SimNeurons op, SignalStore<T> store, double dt) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _v = store.OffsetOf(op.States[0]), _n = op.Count;
    private readonly T _scale = T.CreateTruncating(((SpikingRectifiedLinear)op.NeuronType).Amplitude / dt), _dt = T.CreateTruncating(dt);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        for (int i = 0; i < _n; i++)
        {
            T v = a[_v + i] + T.Max(a[_j + i], T.Zero) * _dt;
            T k = T.Floor(v);
            a[_out + i] = _scale * k;
            a[_v + i] = v - k;
        }
    }
}
