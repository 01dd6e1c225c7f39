namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// A value-sink core (decoded probe, SPINNAKER.md §4.8): system (timestep_us, input_size, input_offset), filters,
/// filter routes, and a recording region (index 15) of steps × input_size S16.15 words.
/// </summary>
/// <param name="Dt">Time step (s).</param>
/// <param name="InputSize">Dimensions recorded by this core.</param>
/// <param name="InputOffset">First dimension of the probed value on this core.</param>
/// <param name="Filters">Input filters with their routes.</param>
/// <param name="Steps">Recording capacity in ticks.</param>
public sealed record ValueSinkData(double Dt, int InputSize, int InputOffset, IReadOnlyList<FilterSpec> Filters, int Steps)
{
    /// <summary>Region indices.</summary>
    public const int SystemRegion = 1, FiltersRegion = 2, RoutingRegion = 3, RecordingRegion = 15;

    /// <summary>Lays out the SDRAM block.</summary>
    /// <returns>The image.</returns>
    public RegionImage ToImage() => new RegionImage()
        .SetWords(SystemRegion, [(int)Math.Round(Dt * 1e6), InputSize, InputOffset])
        .SetWords(FiltersRegion, FilterSpec.FilterRegion(Filters, Dt))
        .SetWords(RoutingRegion, FilterSpec.RoutingRegion(Filters))
        .Reserve(RecordingRegion, 4 * InputSize * Steps);
}
