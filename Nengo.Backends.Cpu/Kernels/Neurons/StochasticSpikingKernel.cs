using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// dt·|r| = q + f: q + 1 spikes with probability f, else q; × sign(r) if the base type can be negative;
/// out = amplitude·count/dt. The generator is seeded from the simulator's generator in <see cref="Reset"/>.
/// </summary>
internal sealed class StochasticSpikingKernel<T>(SimNeurons op, SignalStore<T> store, double dt) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _r = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly double _scale = ((StochasticSpiking)op.NeuronType).Amplitude / dt;
    private readonly bool _negative = op.NeuronType.Negative;
    private Random _rng = new(0);

    public override void Reset(Random simulatorRng) => _rng = new Random(simulatorRng.NextSeed());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        var a = _a;
        var rng = _rng;
        for (int i = 0; i < _n; i++)
        {
            double r = double.CreateTruncating(a[_r + i]);
            double x = dt * Math.Abs(r);
            double q = Math.Floor(x);
            double count = q + (rng.NextDouble() < x - q ? 1.0 : 0.0);
            if (_negative && r < 0) count = -count;
            a[_out + i] = T.CreateTruncating(_scale * count);
        }
    }
}
