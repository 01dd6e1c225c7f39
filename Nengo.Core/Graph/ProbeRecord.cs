namespace Nengo.Graph;

/// <summary>What a probe records: a signal, sampled after the step at steps where k mod period &lt; 1.</summary>
/// <param name="Probe">The user's probe.</param>
/// <param name="Signal">The signal copied at each sample.</param>
/// <param name="Period">sample_every/dt (1 = every step; may be fractional).</param>
public sealed record ProbeRecord(Probe Probe, Signal Signal, double Period)
{
    /// <summary>Whether step k (1-based) is sampled: k mod period &lt; 1 (NEF.md §1.5).</summary>
    /// <param name="step">The step number.</param>
    /// <returns>True when a sample is taken.</returns>
    public bool IsSampled(long step) => IsSampledStep(step, Period);

    /// <summary>Nengo's sampling rule: step k (1-based) is sampled iff k mod period &lt; 1.</summary>
    /// <param name="step">The step number.</param>
    /// <param name="period">sample_every/dt.</param>
    /// <returns>True when a sample is taken.</returns>
    public static bool IsSampledStep(long step, double period) => period <= 1.0 || step % period < 1.0;

    /// <summary>The number of samples taken in the first <paramref name="steps"/> steps.</summary>
    /// <param name="steps">Steps run.</param>
    /// <returns>The sample count.</returns>
    public int SampleCount(long steps)
    {
        if (Period <= 1.0) return (int)steps;
        int n = 0;
        for (long k = 1; k <= steps; k++) if (IsSampled(k)) n++;
        return n;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Probe.Describe} <- {Signal.Name}{(Period > 1 ? $" every {Check.Show(Period)} steps" : "")}";
}
