namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// An SDP receiver core (<c>rx</c>, SPINNAKER.md §4.8): system region (timestep_us, n_dims) and one MC key per
/// dimension. SDP messages on port 1 overwrite its cached vector; each tick it multicasts the fresh dimensions.
/// The keys are those of the post-transform dimensions (§6.5): the host applies slice, function and transform.
/// </summary>
/// <param name="Dt">Time step (s).</param>
/// <param name="Keys">One key per dimension (at most <see cref="MaxDimensions"/>).</param>
public sealed record SdpReceiverData(double Dt, uint[] Keys)
{
    /// <summary>Region indices.</summary>
    public const int SystemRegion = 1, KeysRegion = 2;

    /// <summary>SDP port the host sends node values to.</summary>
    public const byte Port = 1;

    /// <summary>Most dimensions one message carries: 256 data bytes of int32 S16.15 (nengo_spinnaker's limit of 64).</summary>
    public const int MaxDimensions = 64;

    /// <summary>Lays out the SDRAM block.</summary>
    /// <returns>The image.</returns>
    /// <exception cref="ArgumentException">When there are more than <see cref="MaxDimensions"/> keys.</exception>
    public RegionImage ToImage()
    {
        if (Keys.Length > MaxDimensions) throw new ArgumentException($"An SDP receiver carries at most {MaxDimensions} dimensions, got {Keys.Length}.");
        return new RegionImage()
            .SetWords(SystemRegion, [(int)Math.Round(Dt * 1e6), Keys.Length])
            .SetWords(KeysRegion, Keys.Select(k => (int)k));
    }
}
