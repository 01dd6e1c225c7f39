namespace Nengo;

/// <summary>Ready-made ensemble parameter sets for common tasks.</summary>
/// <remarks>Nengo equivalent: <c>nengo.presets</c>.</remarks>
public static class Presets
{
    /// <summary>
    /// Ensembles that represent only values above <paramref name="threshold"/> (one-dimensional,
    /// positive encoders): radius = <paramref name="radius"/>, intercepts =
    /// Exponential(interceptWidth, threshold, radius), encoders = Choice([[1]]) and eval points =
    /// Uniform(threshold/radius, 1).
    /// </summary>
    /// <param name="threshold">The value below which the neurons do not fire; finite, and less than <paramref name="radius"/>.</param>
    /// <param name="interceptWidth">The scale of the exponential spread of the intercepts above the threshold; finite and at least 0.</param>
    /// <param name="radius">The ensembles' radius; positive.</param>
    /// <returns>The preset; apply it with <see cref="EnsemblePreset.ApplyTo(NetworkDefaults)"/>.</returns>
    /// <exception cref="ValidationError">When a parameter is out of range.</exception>
    /// <remarks>Nengo equivalent: <c>nengo.presets.ThresholdingEnsembles(threshold, intercept_width=0.15, radius=1.0)</c>.</remarks>
    public static EnsemblePreset ThresholdingEnsembles(double threshold, double interceptWidth = 0.15, double radius = 1)
    {
        const string me = "ThresholdingEnsembles";
        Check.Positive(radius, me, nameof(radius));
        Check.That(double.IsFinite(threshold) && threshold < radius, me, nameof(threshold), $"must be a finite number less than radius ({Check.Show(radius)})", threshold);
        Check.NonNegative(interceptWidth, me, nameof(interceptWidth));
        return new EnsemblePreset(
            Radius: radius,
            Intercepts: new Exponential(interceptWidth, threshold, radius),
            Encoders: new Choice(new double[,] { { 1.0 } }),
            EvalPoints: new Uniform(threshold / radius, 1));
    }
}
