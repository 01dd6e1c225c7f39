namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// Everything one ensemble core needs, in float64, and its SDRAM image in S16.15 laid out as nengo_spinnaker's
/// <c>ensemble.h</c> regions (SPINNAKER.md §4.4). Encoders are pre-scaled (gain / radius), bias already includes
/// constant inputs, decoders are divided by dt and hold this core's output rows × the cluster's neurons.
/// </summary>
/// <param name="Dt">Time step (s).</param>
/// <param name="TauRc">LIF membrane time constant (s).</param>
/// <param name="TauRef">LIF refractory period (s).</param>
/// <param name="SizeIn">Ensemble input dimensions.</param>
/// <param name="InputOffset">First input dimension this core filters.</param>
/// <param name="InputDims">Input dimensions this core filters.</param>
/// <param name="ScaledEncoders">This core's neurons × SizeIn, row major.</param>
/// <param name="Bias">Per neuron.</param>
/// <param name="Gain">Per neuron.</param>
/// <param name="PopulationLengths">Neurons per core of the cluster.</param>
/// <param name="PopulationId">This core's index in the cluster.</param>
/// <param name="Decoders">This core's output rows × cluster neurons, row major, NOT yet divided by dt.</param>
/// <param name="Keys">One MC key per output row.</param>
/// <param name="InputFilters">Input filters and their routes.</param>
/// <param name="RecordSpikes">Record spikes.</param>
/// <param name="RecordVoltages">Record voltages.</param>
/// <param name="SharedInput">SDRAM address of the cluster's shared input vector (0 for single-core clusters).</param>
/// <param name="SharedSpikes">SDRAM address of the cluster's shared spike vector.</param>
/// <param name="Semaphores">Address of the cluster's 4-byte semaphore block (unbuffered alias): byte 0 is the input
/// semaphore, byte 1 the spike semaphore; the system region holds both byte addresses.</param>
/// <param name="Steps">Recording capacity in ticks.</param>
public sealed record EnsembleCoreData(double Dt, double TauRc, double TauRef, int SizeIn, int InputOffset, int InputDims,
    double[] ScaledEncoders, double[] Bias, double[] Gain, int[] PopulationLengths, int PopulationId, double[] Decoders, uint[] Keys,
    IReadOnlyList<FilterSpec> InputFilters, bool RecordSpikes, bool RecordVoltages, uint SharedInput, uint SharedSpikes, uint Semaphores, int Steps)
{
    /// <summary>Region indices as in <c>ensemble.h</c>.</summary>
    public const int SystemRegion = 1, LifRegion = 2, EncodersRegion = 3, BiasRegion = 4, GainRegion = 5, DecodersRegion = 6,
        LearntDecodersRegion = 7, KeysRegion = 8, LearntKeysRegion = 9, PopulationLengthsRegion = 10, InputFiltersRegion = 11,
        InputRoutingRegion = 12, InhibFiltersRegion = 13, InhibRoutingRegion = 14, ModFiltersRegion = 15, ModRoutingRegion = 16,
        LearntEncoderFiltersRegion = 17, LearntEncoderRoutingRegion = 18, PesRegion = 19, VojaRegion = 20, FilteredActivityRegion = 21,
        ProfilerRegion = 22, SpikeRecordingRegion = 23, VoltageRecordingRegion = 24, EncoderRecordingRegion = 25;

    /// <summary>Learnt (PES) output rows × cluster neurons, row major, NOT yet divided by dt (region 7).</summary>
    public double[] LearntDecoders { get; init; } = [];

    /// <summary>One MC key per learnt output row (region 9).</summary>
    public uint[] LearntKeys { get; init; } = [];

    /// <summary>Modulatory filters (the error inputs of PES rules, regions 15 and 16).</summary>
    public IReadOnlyList<FilterSpec> ModulatoryFilters { get; init; } = [];

    /// <summary>PES rules of this core's learnt rows (region 19).</summary>
    public IReadOnlyList<PesEntry> Pes { get; init; } = [];

    /// <summary>Neurons on this core.</summary>
    public int Neurons => Bias.Length;

    /// <summary>Output rows on this core.</summary>
    public int OutputRows => Keys.Length;

    /// <summary>Spike-recording words per tick.</summary>
    public int SpikeWords => (Neurons + 31) / 32;

    /// <summary>Voltage-recording words per tick.</summary>
    public int VoltageWords => (Neurons + 1) / 2;

    /// <summary>Words of the system region (region 1): 14 parameters, 2 shared vectors, 2 semaphore byte addresses.</summary>
    public const int SystemWords = 18;

    /// <summary>Lays out the SDRAM block (SPINNAKER.md §4.4).</summary>
    /// <returns>The image.</returns>
    public RegionImage ToImage()
    {
        int total = PopulationLengths.Sum();
        int flags = (RecordSpikes ? 1 : 0) | (RecordVoltages ? 2 : 0);
        var img = new RegionImage();
        img.SetWords(SystemRegion, [(int)Math.Round(Dt * 1e6), Neurons, SizeIn, SizeIn, total, PopulationLengths.Length, PopulationId,
            InputOffset, InputDims, OutputRows, LearntKeys.Length, 0, 0, flags, (int)SharedInput, (int)SharedSpikes,
            (int)Semaphores, Semaphores == 0 ? 0 : (int)(Semaphores + 1)]);
        double c = (1 - Math.Exp(-Dt / TauRc)) * (1 - Math.Pow(2, -11));
        img.SetWords(LifRegion, [FixedPoint.ToFixed(c), (int)Math.Floor(TauRef / Dt + 1e-9)]);
        img.SetWords(EncodersRegion, ScaledEncoders.Select(FixedPoint.ToFixed));
        img.SetWords(BiasRegion, Bias.Select(FixedPoint.ToFixed));
        img.SetWords(GainRegion, Gain.Select(FixedPoint.ToFixed));
        img.SetWords(DecodersRegion, Decoders.Select(d => FixedPoint.ToFixed(d / Dt)));
        img.SetWords(LearntDecodersRegion, LearntDecoders.Select(d => FixedPoint.ToFixed(d / Dt)));
        img.SetWords(KeysRegion, Keys.Select(k => (int)k));
        img.SetWords(LearntKeysRegion, LearntKeys.Select(k => (int)k));
        img.SetWords(PopulationLengthsRegion, PopulationLengths);
        img.SetWords(InputFiltersRegion, FilterSpec.FilterRegion(InputFilters, Dt));
        img.SetWords(InputRoutingRegion, FilterSpec.RoutingRegion(InputFilters));
        for (int r = InhibFiltersRegion; r <= LearntEncoderRoutingRegion; r++) img.SetWords(r, [0]);
        img.SetWords(ModFiltersRegion, FilterSpec.FilterRegion(ModulatoryFilters, Dt));
        img.SetWords(ModRoutingRegion, FilterSpec.RoutingRegion(ModulatoryFilters));
        img.SetWords(PesRegion, PesEntry.Region(Pes));
        img.SetWords(VojaRegion, [0, FixedPoint.One]);
        img.SetWords(FilteredActivityRegion, [0]);
        img.SetWords(ProfilerRegion, [0]);
        img.Reserve(SpikeRecordingRegion, RecordSpikes ? 4 * SpikeWords * Steps : 0);
        img.Reserve(VoltageRecordingRegion, RecordVoltages ? 4 * VoltageWords * Steps : 0);
        img.Reserve(EncoderRecordingRegion, 0);
        return img;
    }
}
