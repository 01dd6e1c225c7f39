using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Nengo.Plotting;

public static partial class Plots
{
    /// <summary>Decoded signals over time, one labelled line each, written to a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="t">The sample times (<c>sim.Trange()</c>).</param>
    /// <param name="series">Labelled signals, each with one value per time point.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ValidationError">When a series does not have one value per time point.</exception>
    public static void Decoded(string path, double[] t, IEnumerable<(string Label, double[] Values)> series, string title,
        int width = 900, int height = 500)
    {
        var plot = DecodedPlot(nameof(Decoded), t, series, title);
        Save(plot, path, width, height);
    }

    /// <summary>Decoded signals over time (top) above a spike raster (bottom), written to one PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="title">The title of the top panel.</param>
    /// <param name="t">The sample times (<c>sim.Trange()</c>).</param>
    /// <param name="series">Labelled signals, each with one value per time point.</param>
    /// <param name="spikes">Probed neuron output, rows = time points, columns = neurons; a value &gt; 0 is a spike.</param>
    /// <param name="rasterTitle">The title of the raster panel.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ValidationError">When a series does not have one value per time point.</exception>
    public static void DecodedWithRaster(string path, string title, double[] t, IEnumerable<(string Label, double[] Values)> series,
        Matrix<double> spikes, string rasterTitle, int width = 900, int height = 700)
    {
        var top = DecodedPlot(nameof(DecodedWithRaster), t, series, title);
        var bottom = RasterPlot(t, spikes, rasterTitle, height / 2);
        Stack(path, width, height, top, bottom);
    }

    private static Plot DecodedPlot(string method, double[] t, IEnumerable<(string Label, double[] Values)> series, string title)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot(title, "time (s)", "decoded value");
        foreach (var (label, values) in series)
        {
            SameLength(method, nameof(series), values, t, label);
            AddLine(plot, t, values, label);
        }
        plot.ShowLegend(Alignment.LowerRight);
        TimeAxis(plot, t);
        return plot;
    }
}
