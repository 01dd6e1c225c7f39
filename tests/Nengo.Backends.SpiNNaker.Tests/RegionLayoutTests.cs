using System.Buffers.Binary;
using Nengo.Backends.SpiNNaker.Applications;
using NUnit.Framework;

namespace Nengo.Backends.SpiNNaker.Tests;

/// <summary>
/// Golden layouts of the SDRAM blocks of every core program, word for word as SPINNAKER.md §4.3–§4.8 state them for
/// nengo_spinnaker's C programs: a table of byte offsets (one word per region index 0..max, index 0 unused), then the
/// regions in index order, each padded to whole words.
/// </summary>
public sealed class RegionLayoutTests
{
    private const int One = 1 << 15;

    /// <summary>The block the convention gives for these regions (index → words), written independently of RegionImage.</summary>
    private static int[] Block(SortedDictionary<int, int[]> regions)
    {
        int max = regions.Keys.Max();
        var words = new List<int>(new int[max + 1]);
        foreach (var (index, content) in regions)
        {
            words[index] = 4 * words.Count;
            words.AddRange(content);
        }
        return [.. words];
    }

    private static int[] Words(RegionImage image)
    {
        var b = image.ToBytes();
        Assert.That(b.Length % 4, Is.Zero);
        return Enumerable.Range(0, b.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4 * i))).ToArray();
    }

    private static int Fix(double x) => FixedPoint.ToFixed(x);

    [Test]
    public void Ensemble_RegionsOfEnsembleH()
    {
        var input = new FilterSpec(0.005, 1, false, [(0x100u, 0xFFFFFF00u, 0xFFu)]);
        var error = new FilterSpec(0, 1, true, [(0x200u, 0xFFFFFF00u, 0xFFu)], IsNone: true);
        var data = new EnsembleCoreData(0.001, 0.02, 0.002, 1, 0, 1, [0.5, -0.25], [1.5, 2.0], [3.0, 4.0], [2], 0, [0.001, 0.002], [0x300],
            [input], true, true, 0x60200000, 0x60200010, 0x70200020, 10)
        {
            LearntDecoders = [0.003, -0.004], LearntKeys = [0x400], ModulatoryFilters = [error], Pes = [new PesEntry(0.5, 0, 0, 1, 0)],
        };
        double a = Math.Exp(-0.001 / 0.005);
        var expected = new SortedDictionary<int, int[]>
        {
            // timestep_us, n_neurons, size_in, encoder_width, n_neurons_total, n_populations, population_id, input_offset,
            // input_n_dims, n_decoder_rows, n_learnt_decoder_rows, n_profiler_samples, n_learnt_input_signals, flags,
            // shared input vector, shared spike vector, input semaphore byte, spike semaphore byte
            [1] = [1000, 2, 1, 1, 2, 1, 0, 0, 1, 1, 1, 0, 0, 0b011, 0x60200000, 0x60200010, 0x70200020, 0x70200021],
            [2] = [Fix((1 - Math.Exp(-0.001 / 0.02)) * (1 - Math.Pow(2, -11))), 2],
            [3] = [Fix(0.5), Fix(-0.25)],
            [4] = [Fix(1.5), Fix(2.0)],
            [5] = [Fix(3.0), Fix(4.0)],
            [6] = [Fix(1.0), Fix(2.0)],
            [7] = [Fix(3.0), Fix(-4.0)],
            [8] = [0x300],
            [9] = [0x400],
            [10] = [2],
            [11] = [1, 2, 1, 1, 0, Fix(a), Fix(1 - a)],
            [12] = [1, 0x100, unchecked((int)0xFFFFFF00u), 0xFF, 0],
            [13] = [0], [14] = [0],
            [15] = [1, 0, 0, 1, 1],
            [16] = [1, 0x200, unchecked((int)0xFFFFFF00u), 0xFF, 0],
            [17] = [0], [18] = [0],
            [19] = [1, Fix(0.5), 0, 0, 1, 0, -1],
            [20] = [0, One],
            [21] = [0],
            [22] = [0],
            [23] = new int[10],       // ceil(2 / 32) spike words per tick
            [24] = new int[10],       // ceil(2 / 2) voltage words (two u16) per tick
            [25] = [],
        };
        Assert.That(Words(data.ToImage()), Is.EqualTo(Block(expected)));
    }

    [Test]
    public void ValueSource_SystemKeysFrames()
    {
        var image = new ValueSourceData(0.001, [0x10, 0x11], [0.5, -0.5, 1.0, -1.0, 0.25, 0.0], true).ToImage();
        var expected = new SortedDictionary<int, int[]>
        {
            // timestep_us, n_dims, flags (periodic), n_full_blocks, frames_per_block = 20 KiB / (4 n_dims), partial block
            [1] = [1000, 2, 1, 0, 2560, 3],
            [2] = [0x10, 0x11],
            [3] = [Fix(0.5), Fix(-0.5), Fix(1.0), Fix(-1.0), Fix(0.25), 0],
        };
        Assert.That(Words(image), Is.EqualTo(Block(expected)));
    }

    [Test]
    public void ValueSink_SystemFiltersRoutesRecordingAt15()
    {
        var image = new ValueSinkData(0.002, 2, 4, [new FilterSpec(0, 2, false, [(0x20u, 0xFFFFFFF0u, 0xFu)], IsNone: true)], 3).ToImage();
        var expected = new SortedDictionary<int, int[]>
        {
            [1] = [2000, 2, 4],                 // timestep_us, input_size, input_offset
            [2] = [1, 0, 0, 2, 0],              // one pass-through filter, width 2, not latching
            [3] = [1, 0x20, unchecked((int)0xFFFFFFF0u), 0xF, 0],
            [15] = new int[2 * 3],              // steps × input_size words
        };
        Assert.That(Words(image), Is.EqualTo(Block(expected)));
    }

    [Test]
    public void SdpReceiver_SystemAndKeys()
    {
        var image = new SdpReceiverData(0.001, [0x500, 0x501, 0x503]).ToImage();
        var expected = new SortedDictionary<int, int[]> { [1] = [1000, 3], [2] = [0x500, 0x501, 0x503] };
        Assert.That(Words(image), Is.EqualTo(Block(expected)));
        Assert.Throws<ArgumentException>(() => new SdpReceiverData(0.001, new uint[65]).ToImage());
    }

    [Test]
    public void SdpTransmitter_SystemFiltersRoutes()
    {
        var image = new SdpTransmitterData(0.001, 2, [new FilterSpec(0.01, 2, false, [(0x600u, 0xFFFFFF00u, 0xFFu)])]).ToImage();
        double a = Math.Exp(-0.1);
        var expected = new SortedDictionary<int, int[]>
        {
            [1] = [2, 1000, 1],                 // n_dims, timestep_us, transmission_delay
            [2] = [1, 2, 1, 2, 0, Fix(a), Fix(1 - a)],
            [3] = [1, 0x600, unchecked((int)0xFFFFFF00u), 0xFF, 0],
        };
        Assert.That(Words(image), Is.EqualTo(Block(expected)));
        Assert.Throws<ArgumentException>(() => new SdpTransmitterData(0.001, 65, []).ToImage());
    }
}
