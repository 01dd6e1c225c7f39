namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// An SDP transmitter core (<c>tx</c>, SPINNAKER.md §4.8): system region (n_dims, timestep_us, transmission_delay),
/// input filters and filter routes. Each tick it steps its filters and every <c>delay</c> ticks sends one SDP message
/// (tag 1, to chip (0,0), cmd_rc 1, n_dims S16.15 values) that the board's IP tag turns into UDP to the host.
/// </summary>
/// <param name="Dt">Time step (s).</param>
/// <param name="Dimensions">Width of the transmitted vector (at most <see cref="SdpReceiverData.MaxDimensions"/>).</param>
/// <param name="Filters">Input filters with their routes (their outputs are summed).</param>
/// <param name="Delay">Ticks between transmissions (nengo_spinnaker uses 1).</param>
public sealed record SdpTransmitterData(double Dt, int Dimensions, IReadOnlyList<FilterSpec> Filters, int Delay = 1)
{
    /// <summary>Region indices.</summary>
    public const int SystemRegion = 1, FiltersRegion = 2, RoutingRegion = 3;

    /// <summary>The IP tag the transmitter sends to.</summary>
    public const byte Tag = 1;

    /// <summary>cmd_rc of every transmitted message.</summary>
    public const ushort Command = 1;

    /// <summary>Lays out the SDRAM block.</summary>
    /// <returns>The image.</returns>
    /// <exception cref="ArgumentException">When the vector is wider than one message or the delay is not positive.</exception>
    public RegionImage ToImage()
    {
        if (Dimensions > SdpReceiverData.MaxDimensions)
            throw new ArgumentException($"An SDP transmitter carries at most {SdpReceiverData.MaxDimensions} dimensions, got {Dimensions}.");
        if (Delay < 1) throw new ArgumentException($"The transmission delay must be at least 1 tick, got {Delay}.");
        return new RegionImage()
            .SetWords(SystemRegion, [Dimensions, (int)Math.Round(Dt * 1e6), Delay])
            .SetWords(FiltersRegion, FilterSpec.FilterRegion(Filters, Dt))
            .SetWords(RoutingRegion, FilterSpec.RoutingRegion(Filters));
    }
}
