namespace Nengo.Plotting;

public static partial class Plots
{
    /// <summary>Each neuron's firing rate against the input, one curve per neuron, written to a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="data">Curves from <see cref="Analysis.TuningCurves"/> or <see cref="Analysis.ResponseCurves"/>.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xLabel">The x axis label (default "input x", or "input x[0]" for d &gt; 1).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <remarks>
    /// With one input dimension every neuron is drawn as a line over the grid. With more, the inputs are
    /// scattered eval points, so each neuron's rates are drawn as dots against the first dimension.
    /// </remarks>
    public static void TuningCurves(string path, TuningCurveData data, string title, string? xLabel = null,
        int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(data);
        bool grid = data.Dimensions == 1;
        var plot = NewPlot(title, xLabel ?? (grid ? "input x" : "input x[0]"), "firing rate (Hz)");
        var x = new double[data.Points];
        for (int i = 0; i < x.Length; i++) x[i] = data.Inputs[i, 0];
        for (int k = 0; k < data.Neurons; k++)
        {
            var rates = new double[data.Points];
            for (int i = 0; i < rates.Length; i++) rates[i] = data.Rates[i, k];
            if (grid) AddLine(plot, x, rates, label: null);
            else plot.Add.ScatterPoints(x, rates).MarkerSize = 3;
        }
        plot.Axes.Margins(horizontal: 0, vertical: 0.05);
        Save(plot, path, width, height);
    }
}
