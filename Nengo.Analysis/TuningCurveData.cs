namespace Nengo;

/// <summary>Firing rates of an ensemble's neurons at a set of inputs (what <see cref="Analysis"/> computes).</summary>
/// <param name="Inputs">
/// The inputs, points × d (rows = points). For <see cref="Analysis.TuningCurves"/> these are represented
/// vectors x; for <see cref="Analysis.ResponseCurves"/> they are points × 1 positions along each neuron's
/// preferred direction (e·x/radius).
/// </param>
/// <param name="Rates">The rate of every neuron at every input in Hz, points × n (columns = neurons).</param>
/// <remarks>Nengo equivalent: the <c>(inputs, activities)</c> pair returned by <c>nengo.utils.ensemble.tuning_curves</c>.</remarks>
public sealed record TuningCurveData(double[,] Inputs, double[,] Rates)
{
    /// <summary>The number of input points (rows).</summary>
    public int Points => Inputs.GetLength(0);

    /// <summary>The dimensionality of the inputs (columns of <see cref="Inputs"/>).</summary>
    public int Dimensions => Inputs.GetLength(1);

    /// <summary>The number of neurons (columns of <see cref="Rates"/>).</summary>
    public int Neurons => Rates.GetLength(1);
}
