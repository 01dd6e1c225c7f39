using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Nengo.Examples.Plotting;

/// <summary>ScottPlot figures for the examples: decoded values over time, spike rasters, curves.</summary>
public static class Plots
{
    /// <summary>Decoded signals over time (top) above a spike raster (bottom), written to one PNG.</summary>
    public static void DecodedWithRaster(string path, string title, double[] t, IEnumerable<(string Label, double[] Values)> series,
        Matrix<double> spikes, string rasterTitle, int width = 900, int height = 700)
    {
        var top = new Plot();
        top.Title(title);
        top.XLabel("time (s)");
        top.YLabel("value");
        foreach (var (label, values) in series)
        {
            var line = top.Add.Scatter(t, values);
            line.LegendText = label;
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }
        top.ShowLegend(Alignment.LowerRight);

        var bottom = Raster(t, spikes, rasterTitle);
        var layout = new Multiplot(top);
        layout.AddPlot(bottom);
        layout.Layout = new ScottPlot.MultiplotLayouts.DraggableRows();
        layout.SavePng(path, width, height);
    }

    /// <summary>A spike raster: one row per neuron, a tick where it spiked.</summary>
    public static Plot Raster(double[] t, Matrix<double> spikes, string title)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("time (s)");
        plot.YLabel("neuron");
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < spikes.RowCount && i < t.Length; i++)
            for (int j = 0; j < spikes.ColumnCount; j++)
                if (spikes[i, j] > 0) { xs.Add(t[i]); ys.Add(j); }
        var marks = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
        marks.MarkerShape = MarkerShape.VerticalBar;
        marks.MarkerSize = 6;
        marks.Color = Colors.Black;
        plot.Axes.SetLimitsY(-1, spikes.ColumnCount);
        return plot;
    }

    /// <summary>Several curves over a shared x axis, written to a PNG.</summary>
    public static void Curves(string path, string title, string xLabel, string yLabel, double[] x,
        IEnumerable<(string? Label, double[] Values)> curves, int width = 800, int height = 500)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        bool legend = false;
        foreach (var (label, values) in curves)
        {
            var line = plot.Add.Scatter(x, values);
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            if (label is not null) { line.LegendText = label; legend = true; }
        }
        if (legend) plot.ShowLegend();
        plot.SavePng(path, width, height);
    }
}
