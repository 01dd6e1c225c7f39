namespace Nengo.Plotting;

public static partial class Plots
{
    /// <summary>
    /// One neuron over time: its input current (top) and its membrane voltage with a tick at each spike
    /// above the firing threshold (bottom), written to one PNG.
    /// </summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="t">The sample times (<c>sim.Trange()</c>).</param>
    /// <param name="current">The input current J per time point.</param>
    /// <param name="voltage">The probed membrane voltage per time point.</param>
    /// <param name="spikes">The probed neuron output per time point; a value &gt; 0 is a spike.</param>
    /// <param name="title">The title of the top panel.</param>
    /// <param name="threshold">The voltage at which the neuron spikes, drawn as a dashed line (1 for LIF).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ValidationError">When an array does not have one value per time point.</exception>
    public static void VoltageTrace(string path, double[] t, double[] current, double[] voltage, double[] spikes, string title,
        double threshold = 1.0, int width = 900, int height = 650)
    {
        ArgumentNullException.ThrowIfNull(t);
        SameLength(nameof(VoltageTrace), nameof(current), current, t);
        SameLength(nameof(VoltageTrace), nameof(voltage), voltage, t);
        SameLength(nameof(VoltageTrace), nameof(spikes), spikes, t);

        var top = NewPlot(title, "time (s)", "input current J");
        AddLine(top, t, current, label: null);

        var bottom = NewPlot("membrane voltage (dashed: threshold; ticks: spikes)", "time (s)", "voltage");
        AddLine(bottom, t, voltage, label: null, width: 1.5f);
        var threshLine = bottom.Add.HorizontalLine(threshold);
        threshLine.LinePattern = ScottPlot.LinePattern.Dashed;
        threshLine.Color = ScottPlot.Colors.Gray;
        var times = t.Where((_, i) => spikes[i] > 0).ToArray();
        AddTicks(bottom, times, times.Select(_ => threshold * 1.15).ToArray(), size: 14);
        bottom.Axes.SetLimitsY(Math.Min(0, voltage.DefaultIfEmpty(0).Min()) - 0.05, threshold * 1.3);

        TimeAxis(top, t);
        TimeAxis(bottom, t);
        Stack(path, width, height, top, bottom);
    }
}
