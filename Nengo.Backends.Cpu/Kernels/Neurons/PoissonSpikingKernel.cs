using System.Numerics;
using System.Runtime.CompilerServices;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// count ~ Poisson(|r|·dt), × sign(r) if the base type can be negative; out = amplitude·count/dt. The
/// generator is seeded from the simulator's generator in <see cref="Reset"/>.
/// </summary>
internal sealed class PoissonSpikingKernel<T>(SimNeurons op, SignalStore<T> store, double dt) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Below this mean, counts are drawn by inversion; above it by Math.NET's sampler.</summary>
    private const double InversionLimit = 10.0;

    private readonly T[] _a = store.Arena;
    private readonly int _r = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly double _scale = ((PoissonSpiking)op.NeuronType).Amplitude / dt;
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
            double count = Sample(rng, dt * Math.Abs(r));
            if (_negative && r < 0) count = -count;
            a[_out + i] = T.CreateTruncating(_scale * count);
        }
    }

    /// <summary>One Poisson(λ) draw; λ = 0 (and a NaN rate) gives 0 without consuming the generator.</summary>
    internal static double Sample(Random rng, double lambda)
    {
        if (!(lambda > 0)) return 0.0;
        if (lambda >= InversionLimit) return MathNet.Numerics.Distributions.Poisson.Sample(rng, lambda);
        // Inversion by sequential search: the smallest k with F(k) > U.
        double u = rng.NextDouble();
        double p = Math.Exp(-lambda), cdf = p;
        int k = 0;
        while (u >= cdf && k < 1000)
        {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }
}
