using ScottPlot;

namespace Nengo.Plotting;

/// <summary>
/// Headless ScottPlot figures written straight to PNG files: decoded values over time, spike rasters,
/// tuning curves, a single neuron's voltage trace, and generic curves. Each method draws one figure
/// and saves it to <c>path</c> (creating its folder); nothing is shown on screen.
/// </summary>
/// <remarks>Nengo has no plotting of its own; these replace the matplotlib snippets of its examples.</remarks>
public static partial class Plots
{
    /// <summary>Left, right, bottom and top margins shared by stacked panels so their x axes line up.</summary>
    private static readonly PixelPadding StackedPadding = new(left: 70, right: 20, bottom: 50, top: 40);

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static void AddLine(Plot plot, double[] x, double[] y, string? label, float width = 2)
    {
        var line = plot.Add.Scatter(x, y);
        line.MarkerSize = 0;
        line.LineWidth = width;
        if (label is not null) line.LegendText = label;
    }

    /// <summary>Time runs from 0 (or the first sample, if earlier) to the last sample.</summary>
    private static void TimeAxis(Plot plot, double[] t)
    {
        if (t.Length > 1) plot.Axes.SetLimitsX(Math.Min(0, t[0]), t[^1]);
    }

    private static void Stack(string path, int width, int height, params Plot[] panels)
    {
        foreach (var p in panels) p.Layout.Fixed(StackedPadding);
        var layout = new Multiplot(panels[0]);
        foreach (var p in panels.Skip(1)) layout.AddPlot(p);
        layout.Layout = new ScottPlot.MultiplotLayouts.DraggableRows();
        layout.SavePng(Prepare(path), width, height);
    }

    private static void Save(Plot plot, string path, int width, int height) =>
        plot.SavePng(Prepare(path), width, height);

    /// <summary>Checks the path and creates its folder, so a PNG can be written there.</summary>
    private static string Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        return full;
    }

    private static void SameLength(string method, string parameter, double[] values, double[] t, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        if (values.Length != t.Length)
            throw new ValidationError($"{nameof(Plots)}.{method}: {parameter}{(label is null ? "" : $" '{label}'")} must have one value per time point ({t.Length}), got {values.Length}.");
    }
}
