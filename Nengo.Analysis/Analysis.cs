using Nengo.Graph;

namespace Nengo;

/// <summary>
/// Offline analysis of a built model: tuning and response curves of an ensemble's neurons, computed
/// from the parameters the builder chose (<c>sim.Data[ensemble]</c>) with the neuron type's rate
/// approximation, and the ideal filtered signals the examples compare against.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.utils.ensemble</c>.</remarks>
public static partial class Analysis
{
    /// <summary>The rate of every neuron of <paramref name="ensemble"/> over its represented space.</summary>
    /// <param name="ensemble">An ensemble of the network <paramref name="sim"/> was built from.</param>
    /// <param name="sim">The simulator holding the built gains, biases and encoders.</param>
    /// <param name="points">For a 1-D ensemble, the number of inputs, evenly spaced over [−radius, radius] (at least 2).</param>
    /// <returns>
    /// Inputs x (points × d) and rates(gain · (x · encodersᵀ) / radius + bias) (points × n). For d = 1 the
    /// inputs are the grid; for d &gt; 1 they are the ensemble's built eval points and
    /// <paramref name="points"/> is not used.
    /// </returns>
    /// <exception cref="ValidationError">
    /// When <paramref name="points"/> is below 2, the ensemble is in Direct mode, or it is not part of
    /// the simulated network.
    /// </exception>
    /// <remarks>
    /// Nengo equivalent: <c>nengo.utils.ensemble.tuning_curves(ens, sim)</c>. Nengo evaluates a d &gt; 1
    /// ensemble on a d-dimensional grid (which grows as points^d); here the built eval points are used
    /// instead, which cover the same ball with a size that does not explode with d.
    /// </remarks>
    public static TuningCurveData TuningCurves(Ensemble ensemble, Simulator sim, int points = 101)
    {
        var built = Built(ensemble, sim, points);
        int d = ensemble.Dimensions, n = built.Gain.Count;
        double radius = built.Radius;
        double[,] inputs = d == 1 ? Column(Linspace(-radius, radius, points)) : built.EvalPoints.ToArray();
        int m = inputs.GetLength(0);

        // Project onto the unit encoders and normalise by the radius: x·eᵀ/r, m × n.
        var projected = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int k = 0; k < n; k++)
            {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += inputs[i, j] * built.Encoders[k, j];
                projected[i, k] = dot / radius;
            }
        return new TuningCurveData(inputs, built.NeuronType.Rates(projected, built.Gain.ToArray(), built.Bias.ToArray()));
    }

    /// <summary>The rate of every neuron of <paramref name="ensemble"/> along its own preferred direction.</summary>
    /// <param name="ensemble">An ensemble of the network <paramref name="sim"/> was built from.</param>
    /// <param name="sim">The simulator holding the built gains and biases.</param>
    /// <param name="points">The number of positions, evenly spaced over [−1, 1] (at least 2).</param>
    /// <returns>
    /// Inputs (points × 1): the position x = e·v/radius along each neuron's encoder, and rates(gain · x + bias)
    /// (points × n). A neuron's curve is 0 up to its intercept and reaches its max rate at x = 1.
    /// </returns>
    /// <exception cref="ValidationError">
    /// When <paramref name="points"/> is below 2, the ensemble is in Direct mode, or it is not part of
    /// the simulated network.
    /// </exception>
    /// <remarks>Nengo equivalent: <c>nengo.utils.ensemble.response_curves(ens, sim)</c>.</remarks>
    public static TuningCurveData ResponseCurves(Ensemble ensemble, Simulator sim, int points = 101)
    {
        var built = Built(ensemble, sim, points);
        int n = built.Gain.Count;
        var x = Linspace(-1, 1, points);
        var projected = new double[points, n];
        for (int i = 0; i < points; i++)
            for (int k = 0; k < n; k++) projected[i, k] = x[i];
        return new TuningCurveData(Column(x), built.NeuronType.Rates(projected, built.Gain.ToArray(), built.Bias.ToArray()));
    }

    private static BuiltEnsemble Built(Ensemble ensemble, Simulator sim, int points)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(sim);
        Check.That(points >= 2, ensemble.Describe, nameof(points), "must be at least 2", points);
        var built = sim.Data[ensemble];
        if (built.NeuronType is Direct)
            throw new ValidationError($"{ensemble.Describe}: neuronType must be a neuron model with rates to have tuning curves, got Direct.");
        return built;
    }

    private static double[] Linspace(double start, double stop, int count)
    {
        var x = new double[count];
        for (int i = 0; i < count; i++) x[i] = start + (stop - start) * i / (count - 1);
        x[count - 1] = stop; // exact end point, so x = radius really is the radius
        return x;
    }

    private static double[,] Column(double[] values)
    {
        var m = new double[values.Length, 1];
        for (int i = 0; i < values.Length; i++) m[i, 0] = values[i];
        return m;
    }
}
