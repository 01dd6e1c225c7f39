namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// A value-source core (SPINNAKER.md §4.8): system region (timestep_us, n_dims, flags bit0 periodic, n_full_blocks,
/// frames_per_block = floor(20 KiB / (4 n_dims)), partial block length), keys, then n_steps × n_dims S16.15 frames
/// precomputed on the host with the connection's function and transform applied.
/// </summary>
/// <param name="Dt">Time step (s).</param>
/// <param name="Keys">One key per output dimension.</param>
/// <param name="Frames">Steps × dims values, row major.</param>
/// <param name="Periodic">Wrap at the end instead of stopping.</param>
public sealed record ValueSourceData(double Dt, uint[] Keys, double[] Frames, bool Periodic)
{
    /// <summary>Region indices.</summary>
    public const int SystemRegion = 1, KeysRegion = 2, FramesRegion = 3;

    /// <summary>Lays out the SDRAM block.</summary>
    /// <returns>The image.</returns>
    public RegionImage ToImage()
    {
        int d = Keys.Length, steps = d == 0 ? 0 : Frames.Length / d;
        int perBlock = Math.Max(1, 20 * 1024 / (4 * Math.Max(1, d)));
        return new RegionImage()
            .SetWords(SystemRegion, [(int)Math.Round(Dt * 1e6), d, Periodic ? 1 : 0, steps / perBlock, perBlock, steps % perBlock])
            .SetWords(KeysRegion, Keys.Select(k => (int)k))
            .SetWords(FramesRegion, Frames.Select(FixedPoint.ToFixed));
    }
}
