using System.Diagnostics;
using System.Numerics.Tensors;

namespace Nengo.Benchmarks;

/// <summary>
/// A STREAM-style measurement of this machine's memory bandwidth (the roofline of PERFORMANCE.md §5):
/// a[i] = b[i] + s·c[i] over arrays far larger than the caches, on every core.
/// </summary>
internal static class Bandwidth
{
    /// <summary>Bytes moved per second by the triad (two reads and one write per element), best of several passes.</summary>
    public static double MeasureTriad(int megabytesPerArray = 256, int passes = 5)
    {
        int n = megabytesPerArray * 1024 * 1024 / sizeof(double);
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        Array.Fill(b, 1.0);
        Array.Fill(c, 2.0);
        int workers = Environment.ProcessorCount;
        int chunk = (n + workers - 1) / workers;
        double best = 0;
        for (int p = 0; p < passes; p++)
        {
            var sw = Stopwatch.StartNew();
            Parallel.For(0, workers, w =>
            {
                int start = w * chunk, len = Math.Min(chunk, n - start);
                if (len <= 0) return;
                TensorPrimitives.FusedMultiplyAdd(c.AsSpan(start, len), 3.0, b.AsSpan(start, len), a.AsSpan(start, len));
            });
            double s = sw.Elapsed.TotalSeconds;
            best = Math.Max(best, 3.0 * n * sizeof(double) / s);
        }
        GC.KeepAlive(a);
        return best;
    }

    /// <summary>
    /// Bytes read per second by one sequential read stream per core (a sum over an array far larger than the
    /// caches), best of several passes: the kind of traffic an encoder product is (one matrix streamed per core).
    /// </summary>
    public static double MeasureRead(int megabytes = 512, int passes = 5)
    {
        int n = megabytes * 1024 * 1024 / sizeof(double);
        var a = new double[n];
        Array.Fill(a, 1.0);
        int workers = Environment.ProcessorCount;
        int chunk = (n + workers - 1) / workers;
        var sums = new double[workers];
        double best = 0;
        for (int p = 0; p < passes; p++)
        {
            var sw = Stopwatch.StartNew();
            Parallel.For(0, workers, w =>
            {
                int start = w * chunk, len = Math.Min(chunk, n - start);
                if (len > 0) sums[w] = TensorPrimitives.Sum(a.AsSpan(start, len));
            });
            best = Math.Max(best, (double)n * sizeof(double) / sw.Elapsed.TotalSeconds);
        }
        GC.KeepAlive(sums);
        return best;
    }
}
