namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// One PES rule entry of the ensemble program's region 19 (SPINNAKER.md §4.4, §4.11): for every neuron of the cluster
/// that spiked, <c>learnt_decoder[DecoderRow + (d - ErrorStart)][i] -= Rate × error[d]</c> for d in [ErrorStart, ErrorEnd)
/// of modulatory filter <see cref="ErrorFilter"/>.
/// </summary>
/// <param name="Rate">Change of the stored decoder (decoder / dt) per spike and unit error: learning_rate / (dt × n_neurons).</param>
/// <param name="ErrorFilter">Index of the modulatory filter carrying the error.</param>
/// <param name="ErrorStart">First error dimension.</param>
/// <param name="ErrorEnd">One past the last error dimension.</param>
/// <param name="DecoderRow">First learnt row (of this core) the dimensions map to.</param>
public sealed record PesEntry(double Rate, int ErrorFilter, int ErrorStart, int ErrorEnd, int DecoderRow)
{
    /// <summary>Words per entry: S16.15 rate, u32 filter, u32 start, u32 end, u32 row, i32 activity filter (−1: none).</summary>
    public const int Words = 6;

    /// <summary>The PES region: u32 count, then <see cref="Words"/> words per entry.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The region's words.</returns>
    public static List<int> Region(IReadOnlyList<PesEntry> entries)
    {
        var w = new List<int> { entries.Count };
        foreach (var e in entries) w.AddRange([FixedPoint.ToFixed(e.Rate), e.ErrorFilter, e.ErrorStart, e.ErrorEnd, e.DecoderRow, -1]);
        return w;
    }
}
