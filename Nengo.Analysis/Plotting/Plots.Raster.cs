using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Nengo.Plotting;

public static partial class Plots
{
    /// <summary>A spike raster, one row per neuron and a tick where it spiked, written to a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="t">The sample times (<c>sim.Trange()</c>).</param>
    /// <param name="spikes">Probed neuron output, rows = time points, columns = neurons; a value &gt; 0 is a spike.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ValidationError">When <paramref name="spikes"/> does not have one row per time point.</exception>
    public static void SpikeRaster(string path, double[] t, Matrix<double> spikes, string title, int width = 900, int height = 500) =>
        Save(RasterPlot(t, spikes, title, height), path, width, height);

    /// <summary>The raster panel; ticks are sized to the row spacing of a panel <paramref name="panelHeight"/> pixels tall.</summary>
    private static Plot RasterPlot(double[] t, Matrix<double> spikes, string title, int panelHeight)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(spikes);
        if (spikes.RowCount != t.Length)
            throw new ValidationError($"{nameof(Plots)}: spikes must have one row per time point ({t.Length}), got {spikes.RowCount}.");
        var plot = NewPlot(title, "time (s)", "neuron");
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < spikes.RowCount; i++)
            for (int j = 0; j < spikes.ColumnCount; j++)
                if (spikes[i, j] > 0) { xs.Add(t[i]); ys.Add(j); }
        // About 90 px go to the title and the time axis; the rest is shared by the rows.
        float tick = (float)Math.Clamp(0.8 * (panelHeight - 90) / Math.Max(1, spikes.ColumnCount), 6, 16);
        AddTicks(plot, xs.ToArray(), ys.ToArray(), size: tick);
        plot.Axes.SetLimitsY(-0.75, spikes.ColumnCount - 0.25);
        TimeAxis(plot, t);
        return plot;
    }

    private static void AddTicks(Plot plot, double[] xs, double[] ys, float size, string? label = null)
    {
        var marks = plot.Add.ScatterPoints(xs, ys);
        marks.MarkerShape = MarkerShape.VerticalBar;
        marks.MarkerSize = size;
        marks.Color = Colors.Black;
        if (label is not null) marks.LegendText = label;
    }
}
