using Nengo.Backends.SpiNNaker.Applications;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

/// <summary>Hand-built applications run through the real protocol on the emulated board.</summary>
public sealed class CoreModelTests
{
    private const double Dt = 0.001;
    private const uint SrcKey = 0x00010000, EnsKey = 0x00020000, DimMask = 0xFF;

    [Test]
    public void ValueSource_ToSinkOnAnotherChip_ArrivesExactly_OneTickLater()
    {
        var (emu, mc) = EmulatorTests.Board();
        using (emu) using (mc)
        {
            var ld = new ApplicationLoader(mc, 66, TimeSpan.FromSeconds(5));
            double[] frames = Enumerable.Range(0, 20).SelectMany(t => new[] { 0.01 * t, -0.5 }).ToArray();
            ld.AddVertex(0, 0, 1, Aplx.ValueSource, new ValueSourceData(Dt, [SrcKey, SrcKey | 1], frames, false).ToImage());
            uint sink = ld.AddVertex(1, 1, 2, Aplx.ValueSink, new ValueSinkData(Dt, 2, 0, [new FilterSpec(0, 2, false, [(SrcKey, ~DimMask, DimMask)], IsNone: true)], 20).ToImage());
            mc.LoadRoutingTable(0, 0, 66, [(SrcKey, ~DimMask, 1u << 1)]); // north-east to (1,1)
            mc.LoadRoutingTable(1, 1, 66, [(SrcKey, ~DimMask, 1u << (6 + 2))]);
            ld.Start(Aplx.Placeholder);
            ld.RunPeriod(20);
            var rec = ld.ReadRegion(1, 1, sink, ValueSinkData.RecordingRegion, 40);
            Assert.That(rec[0..2], Is.EqualTo(new[] { 0, 0 }));
            for (int t = 1; t < 20; t++)
                Assert.That(rec[(2 * t)..(2 * t + 2)], Is.EqualTo(new[] { FixedPoint.ToFixed(frames[2 * (t - 1)]), FixedPoint.ToFixed(-0.5) }), $"tick {t}");
            Assert.That(emu.DroppedPackets, Is.Zero);
        }
    }

    private static double[] RunEnsemble(int[] split, double[] bias, int steps, out double[] spikeCounts)
    {
        var (emu, mc) = EmulatorTests.Board();
        using (emu) using (mc)
        {
            var ld = new ApplicationLoader(mc, 66, TimeSpan.FromSeconds(5));
            int n = bias.Length;
            uint shared = 0, spikes = 0, sema = 0;
            if (split.Length > 1)
            {
                shared = mc.SdramAlloc(0, 0, 66, 4, 0); spikes = mc.SdramAlloc(0, 0, 66, 4 * split.Sum(l => (l + 31) / 32), 0);
                sema = mc.SdramAlloc(0, 0, 66, 4, 0) + 0x10000000;
            }
            var dec = Enumerable.Repeat(1.0 / n, n).ToArray();
            var blocks = new List<uint>();
            int off = 0;
            for (int p = 0; p < split.Length; p++)
            {
                var data = new EnsembleCoreData(Dt, 0.02, 0.002, 1, 0, 1, Enumerable.Repeat(1.0, split[p]).ToArray(), bias[off..(off + split[p])],
                    Enumerable.Repeat(1.0, split[p]).ToArray(), split, p, p == 0 ? dec : [], p == 0 ? [EnsKey] : [], [], true, false, shared, spikes, sema, steps);
                blocks.Add(ld.AddVertex(0, 0, 1 + p, Aplx.Ensemble, data.ToImage()));
                off += split[p];
            }
            uint sink = ld.AddVertex(0, 0, 10, Aplx.ValueSink, new ValueSinkData(Dt, 1, 0, [new FilterSpec(0.05, 1, false, [(EnsKey, ~DimMask, DimMask)])], steps).ToImage());
            mc.LoadRoutingTable(0, 0, 66, [(EnsKey, ~DimMask, 1u << (6 + 10))]);
            ld.Start(Aplx.Placeholder);
            ld.RunPeriod(steps);
            spikeCounts = new double[n];
            off = 0;
            for (int p = 0; p < split.Length; p++)
            {
                var rec = ld.ReadRegion(0, 0, blocks[p], EnsembleCoreData.SpikeRecordingRegion, steps * ((split[p] + 31) / 32));
                for (int t = 0; t < steps; t++) for (int i = 0; i < split[p]; i++) if ((rec[t * ((split[p] + 31) / 32) + i / 32] & (1 << (i % 32))) != 0) spikeCounts[off + i]++;
                off += split[p];
            }
            return ld.ReadRegion(0, 0, sink, ValueSinkData.RecordingRegion, steps).Select(FixedPoint.ToDouble).ToArray();
        }
    }

    [Test]
    public void Ensemble_LifRatesMatchAnalytic_AndDecodedMeanIsMeanRate()
    {
        double[] bias = [1.5, 2.0, 3.0, 5.0, 0.5];
        var output = RunEnsemble([5], bias, 1000, out var counts);
        for (int i = 0; i < bias.Length; i++)
        {
            double rate = bias[i] <= 1 ? 0 : 1 / (0.002 + 0.02 * Math.Log(1 + 1 / (bias[i] - 1)));
            Assert.That(counts[i], Is.EqualTo(rate).Within(Math.Max(3, 0.05 * rate)), $"neuron {i}");
        }
        double mean = output[500..].Average();
        Assert.That(mean, Is.EqualTo(counts.Sum() / bias.Length).Within(0.1 * counts.Average() + 1));
    }

    [Test]
    public void Ensemble_SplitOverTwoCores_IsBitIdenticalToOneCore()
    {
        double[] bias = Enumerable.Range(0, 40).Select(i => 1.1 + 0.1 * i).ToArray();
        var one = RunEnsemble([40], bias, 300, out var c1);
        var two = RunEnsemble([21, 19], bias, 300, out var c2);
        Assert.That(c2, Is.EqualTo(c1));
        Assert.That(two, Is.EqualTo(one));
        Assert.That(c1.Sum(), Is.GreaterThan(100));
    }
}
