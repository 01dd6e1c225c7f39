using System.Diagnostics;
using System.Runtime;

/// <summary>
/// Waits until the JIT has stopped compiling: .NET's tiered compilation recompiles the build's hot methods on a
/// background thread for a while after they ran, and on a 2-core machine that thread takes a core from the
/// simulation (a worker thread that loses its core stalls a step for a whole time slice).
/// </summary>
internal static class JitQuiescence
{
    /// <summary>
    /// Returns once no method was compiled for 250 ms (longer than the 100 ms for which tiered compilation holds back
    /// a batch of promotions after the last new method ran), or after <paramref name="limitMs"/>.
    /// </summary>
    public static void Wait(int limitMs = 5000)
    {
        var sw = Stopwatch.StartNew();
        long last = JitInfo.GetCompiledMethodCount();
        int quiet = 0;
        while (quiet < 10 && sw.ElapsedMilliseconds < limitMs)
        {
            Thread.Sleep(25);
            long now = JitInfo.GetCompiledMethodCount();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }
}
