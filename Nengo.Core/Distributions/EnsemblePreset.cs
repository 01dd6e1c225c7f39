namespace Nengo;

/// <summary>
/// A set of ensemble parameters to apply to a network's <see cref="NetworkDefaults.Ensemble"/> defaults;
/// a null entry leaves that default as it is. Made by <see cref="Presets"/>.
/// </summary>
/// <remarks>
/// Nengo equivalent: the <c>Config</c> objects returned by <c>nengo.presets</c>, entered with <c>with</c>.
/// In NengoSharp defaults belong to networks, so a preset is applied to a network's defaults:
/// <c>Presets.ThresholdingEnsembles(0.3).ApplyTo(net.Defaults)</c>.
/// </remarks>
/// <param name="Radius">The radius, or null to leave it.</param>
/// <param name="Intercepts">The intercepts, or null to leave them.</param>
/// <param name="Encoders">The encoders, or null to leave them.</param>
/// <param name="EvalPoints">The eval points, or null to leave them.</param>
public sealed record EnsemblePreset(double? Radius = null, Distribution? Intercepts = null, Distribution? Encoders = null, Distribution? EvalPoints = null)
{
    /// <summary>Sets every non-null entry of this preset on <paramref name="defaults"/>.</summary>
    /// <param name="defaults">The ensemble defaults to change, e.g. <c>net.Defaults.Ensemble</c>.</param>
    public void ApplyTo(EnsembleDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        if (Radius is { } r) defaults.Radius = r;
        if (Intercepts is { } i) defaults.Intercepts = i;
        if (Encoders is { } e) defaults.Encoders = e;
        if (EvalPoints is { } p) defaults.EvalPoints = p;
    }

    /// <summary>Sets every non-null entry of this preset on the ensemble defaults of <paramref name="defaults"/>.</summary>
    /// <param name="defaults">A network's defaults, e.g. <c>net.Defaults</c>.</param>
    public void ApplyTo(NetworkDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ApplyTo(defaults.Ensemble);
    }
}
