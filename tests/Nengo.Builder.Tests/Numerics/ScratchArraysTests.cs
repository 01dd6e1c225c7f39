using Nengo.Builder.Builders;
using Nengo.Builder.Numerics;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>
/// The build's pool of large arrays: reuse within a scope only, across the scope's tasks, and nothing a reused array
/// held may reach a result.
/// </summary>
[TestFixture]
public class ScratchArraysTests
{
    private const int Long = ScratchArrays.MinLength + 5;

    [Test]
    public void InsideAScope_AReturnedArrayIsRentedAgain_AndOnlyForItsLength()
    {
        using (ScratchArrays.Scope())
        {
            var first = ScratchArrays.Rent(Long);
            ScratchArrays.Return(first);
            Assert.That(ScratchArrays.Rent(Long + 1), Is.Not.SameAs(first));
            Assert.That(ScratchArrays.Rent(Long), Is.SameAs(first));
            Assert.That(ScratchArrays.Rent(Long), Is.Not.SameAs(first), "handed out once");
            var small = ScratchArrays.Rent(100);
            ScratchArrays.Return(small);
            Assert.That(ScratchArrays.Rent(100), Is.Not.SameAs(small), "short arrays are not pooled");
        }
    }

    [Test]
    public void OutsideAScope_NothingIsKept()
    {
        var array = ScratchArrays.Rent(Long);
        ScratchArrays.Return(array);
        Assert.That(ScratchArrays.Rent(Long), Is.Not.SameAs(array));
        double[] inner;
        using (ScratchArrays.Scope())
        {
            inner = ScratchArrays.Rent(Long);
            ScratchArrays.Return(inner);
        }
        Assert.That(ScratchArrays.Rent(Long), Is.Not.SameAs(inner), "the scope's pool went with it");
    }

    [Test]
    public void TheScopesPool_ReachesTheTasksItStarts()
    {
        using (ScratchArrays.Scope())
        {
            var array = ScratchArrays.Rent(Long);
            ScratchArrays.Return(array);
            // On a pool thread (Task.Run never runs inline), where only the flowing context can carry the pool.
            var fromTask = Task.Run(() => (Environment.CurrentManagedThreadId, ScratchArrays.Rent(Long))).Result;
            Assert.That(fromTask.CurrentManagedThreadId, Is.Not.EqualTo(Environment.CurrentManagedThreadId));
            Assert.That(fromTask.Item2, Is.SameAs(array));
        }
    }

    [Test]
    public void TuningCurves_InAReusedArray_HoldNothingOfItsLastUse()
    {
        // A neuron type that writes only the rates that are not zero, in an array that held NaN.
        var net = new Network("reuse", seed: 2);
        var a = net.Ensemble(60, 1, neuronType: new PositiveOnly(), nEvalPoints: 200, label: "a");
        net.Connect(a, net.Ensemble(10, 1));
        var built = ModelBuilder.Build(net).Ensembles[a];
        var fresh = TuningCurves.Compute(built.EvalPoints, built, out _).ToColumnMajorArray();
        using (ScratchArrays.Scope())
        {
            var dirty = ScratchArrays.Rent(fresh.Length);
            Array.Fill(dirty, double.NaN);
            ScratchArrays.Return(dirty);
            var reused = TuningCurves.Compute(built.EvalPoints, built, out _);
            Assert.That(reused.AsColumnMajorArray(), Is.SameAs(dirty), "the test must reuse the array");
            Assert.That(reused.ToColumnMajorArray(), Is.EqualTo(fresh));
        }
    }

    [TestCase(100, 1)]   // an identity column order: the result is the accumulated array itself
    [TestCase(100, 2)]   // columns reordered: the result is a second array
    public void TheGram_InReusedArrays_IsTheGramInNewOnes(int n, int d)
    {
        const int m = 700;
        var rng = new Random(n + d);
        var a = new double[m * n];
        for (int j = 0; j < n; j++)
            for (int r = 0; r < m; r++)
                a[j * m + r] = d == 1 || r >= (n - 1 - j) * 7 ? rng.NextDouble() : 0.0;   // d = 2: the later columns begin sooner
        var fresh = GramMatrix.Compute(a, m, n);
        using (ScratchArrays.Scope())
        {
            for (int k = 0; k < 2; k++)
            {
                var dirty = ScratchArrays.Rent(n * n);
                Array.Fill(dirty, double.NaN);
                ScratchArrays.Return(dirty);
            }
            var reused = GramMatrix.Compute(a, m, n);
            Assert.That(reused.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(fresh.Select(BitConverter.DoubleToInt64Bits)));
        }
    }

    [Test]
    public void BuildingTwice_GivesTheSameDecodersBitForBit()
    {
        // Many solves of a few shapes in parallel units, so that arrays are reused within each build.
        static Network Make()
        {
            var net = new Network("twice", seed: 6);
            // Two rings of four, one of 1-d and one of 2-d ensembles.
            var ensembles = Enumerable.Range(0, 8).Select(i => net.Ensemble(120, 1 + i / 4, label: $"e{i}")).ToArray();
            for (int i = 0; i < ensembles.Length; i++)
            {
                int ring = i / 4 * 4;
                net.Connect(ensembles[i], ensembles[ring + (i + 1) % 4], label: $"c{i}");
                net.Connect(ensembles[i], ensembles[ring + (i + 2) % 4], function: x => x.Select(v => v * v).ToArray(), label: $"s{i}");
            }
            return net;
        }
        static Dictionary<string, long[]> Weights(Nengo.Graph.Model m) => m.Connections.ToDictionary(kv => kv.Key.Label!,
            kv => kv.Value.Weights!.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits).ToArray());
        var first = Weights(ModelBuilder.Build(Make()));
        var second = Weights(ModelBuilder.Build(Make()));
        Assert.That(second.Keys, Is.EquivalentTo(first.Keys));
        foreach (var (label, w) in first) Assert.That(second[label], Is.EqualTo(w), label);
    }

    private sealed record PositiveOnly : NeuronType
    {
        private readonly LIFRate _lif = new();

        public override bool Spiking => false;

        public override void RatesFromCurrent(ReadOnlySpan<double> current, Span<double> rates)
        {
            Span<double> all = new double[current.Length];
            _lif.RatesFromCurrent(current, all);
            for (int i = 0; i < current.Length; i++)
                if (all[i] > 0) rates[i] = all[i];
        }

        public override (double[] Gain, double[] Bias) GainBias(double[] maxRates, double[] intercepts) => _lif.GainBias(maxRates, intercepts);

        public override (double[] MaxRates, double[] Intercepts) MaxRatesIntercepts(double[] gain, double[] bias) => _lif.MaxRatesIntercepts(gain, bias);
    }
}
