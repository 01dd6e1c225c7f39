namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>
/// Splits an ensemble into clusters (one chip each, up to 16 cores) and cores (SPINNAKER.md §3.2) against the per-core
/// limits: cycles per tick ≤ 40 % of 200 × timestep_us and DTCM ≤ 75 % of 56 KiB, using the cost model of Mundy's
/// thesis. Neuron columns of the decoders are sliced per cluster (each cluster decodes only its own neurons and the
/// receivers sum the clusters' packets), avoiding the upstream stride bug for multi-cluster ensembles.
/// </summary>
public static class EnsemblePartitioner
{
    /// <summary>DTCM limit per core in bytes.</summary>
    public const int DtcmLimit = 43_008;

    /// <summary>Cycles available per core per tick.</summary>
    /// <param name="timestepUs">Machine timestep.</param>
    /// <returns>40 % of 200 × timestep_us.</returns>
    public static int CycleLimit(int timestepUs) => 200 * timestepUs * 40 / 100;

    /// <summary>Cycles one core spends per tick.</summary>
    /// <param name="n">Neurons on the core.</param>
    /// <param name="dIn">Full input width.</param>
    /// <param name="dInCore">Input dimensions filtered on the core.</param>
    /// <param name="nCluster">Neurons in the cluster.</param>
    /// <param name="rows">Output rows on the core.</param>
    /// <returns>Cycles.</returns>
    public static long Cycles(int n, int dIn, int dInCore, int nCluster, int rows) =>
        39L * dInCore + 135 + 9L * n * dIn + 61L * n + 174 + 2L * nCluster * rows + 143L * rows + 173;

    /// <summary>DTCM bytes one core needs.</summary>
    /// <param name="n">Neurons on the core.</param>
    /// <param name="dIn">Full input width.</param>
    /// <param name="nCluster">Neurons in the cluster.</param>
    /// <param name="rows">Output rows on the core.</param>
    /// <returns>Bytes.</returns>
    public static long Dtcm(int n, int dIn, int nCluster, int rows) => 4L * (n * (long)dIn + nCluster * (long)rows + 3L * n);

    /// <summary>Partitions an ensemble.</summary>
    /// <param name="name">Ensemble name for errors.</param>
    /// <param name="neurons">Neurons.</param>
    /// <param name="dIn">Input dimensions.</param>
    /// <param name="dOut">Decoded output rows (all outgoing connections).</param>
    /// <param name="timestepUs">Machine timestep.</param>
    /// <param name="coresPerCluster">Cores per chip available to one cluster (≤ 16).</param>
    /// <returns>The core slices, cluster by cluster.</returns>
    /// <exception cref="BuildError">When even one neuron per core does not fit.</exception>
    public static List<CoreSlice> Partition(string name, int neurons, int dIn, int dOut, int timestepUs, int coresPerCluster = 16)
    {
        long cycles = CycleLimit(timestepUs);
        for (int clusters = 1; clusters <= neurons; clusters = Math.Max(clusters + 1, clusters * 5 / 4))
        {
            int nc = (neurons + clusters - 1) / clusters;
            for (int m = 1; m <= Math.Min(coresPerCluster, nc); m++)
            {
                int n = (nc + m - 1) / m, din = (dIn + m - 1) / m, rows = (dOut + m - 1) / m;
                if (Cycles(n, dIn, din, nc, rows) > cycles || Dtcm(n, dIn, nc, rows) > DtcmLimit) continue;
                return Slices(neurons, dIn, dOut, clusters, m);
            }
        }
        throw new BuildError($"Ensemble '{name}': {neurons} neurons with {dIn} input and {dOut} output dimensions do not fit the per-core limits ({cycles} cycles, {DtcmLimit} bytes of DTCM).");
    }

    private static List<CoreSlice> Slices(int neurons, int dIn, int dOut, int clusters, int m)
    {
        var result = new List<CoreSlice>();
        var cl = Split(neurons, clusters);
        for (int c = 0; c < clusters; c++)
        {
            var ns = Split(cl[c].Count, m); var ins = Split(dIn, m); var rs = Split(dOut, m);
            for (int k = 0; k < m; k++)
                result.Add(new CoreSlice(c, cl[c].Start + ns[k].Start, ns[k].Count, ins[k].Start, ins[k].Count, rs[k].Start, rs[k].Count));
        }
        return result;
    }

    /// <summary>Cuts <paramref name="length"/> into <paramref name="pieces"/>; the first (length mod pieces) get one extra.</summary>
    /// <param name="length">Elements.</param>
    /// <param name="pieces">Pieces.</param>
    /// <returns>(start, count) per piece.</returns>
    public static (int Start, int Count)[] Split(int length, int pieces)
    {
        var r = new (int, int)[pieces];
        int start = 0;
        for (int i = 0; i < pieces; i++) { int c = length / pieces + (i < length % pieces ? 1 : 0); r[i] = (start, c); start += c; }
        return r;
    }
}
