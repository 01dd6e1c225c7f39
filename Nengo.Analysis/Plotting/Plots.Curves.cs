namespace Nengo.Plotting;

public static partial class Plots
{
    /// <summary>Several curves over a shared x axis, written to a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="x">The shared x values.</param>
    /// <param name="curves">The curves, each with one value per x; a null label keeps it out of the legend.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ValidationError">When a curve does not have one value per x.</exception>
    public static void Curves(string path, string title, string xLabel, string yLabel, double[] x,
        IEnumerable<(string? Label, double[] Values)> curves, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(curves);
        var plot = NewPlot(title, xLabel, yLabel);
        bool legend = false;
        foreach (var (label, values) in curves)
        {
            SameLength(nameof(Curves), nameof(curves), values, x, label);
            AddLine(plot, x, values, label, width: 1.5f);
            legend |= label is not null;
        }
        if (legend) plot.ShowLegend();
        Save(plot, path, width, height);
    }
}
