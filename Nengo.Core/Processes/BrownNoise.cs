namespace Nengo;

/// <summary>
/// Brownian motion (a Wiener process): white noise scaled by 1/√dt and integrated with the forward Euler
/// method, x ← x + dt·u, y = x, from x = 0. With unit-variance samples the output after time t has standard
/// deviation ≈ σ·√t, where σ is the standard deviation of <see cref="FilteredNoise.Dist"/>.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.processes.BrownNoise(dist=Gaussian(0, 1))</c>, a FilteredNoise whose synapse
/// is the integrator 1/s discretised with Euler (NEF.md §6). <see cref="FilteredNoise.Synapse"/> is that
/// integrator; it is not a <see cref="LinearFilter"/>, so backends step it on the host.
/// </remarks>
public sealed class BrownNoise : FilteredNoise
{
    /// <summary>Creates the process.</summary>
    /// <param name="dist">The distribution of the white noise being integrated (default <c>Gaussian(0, 1)</c>).</param>
    public BrownNoise(Distribution? dist = null) : base(new EulerIntegrator(), dist, scale: true) { }

    /// <summary>Nengo-like text, e.g. <c>BrownNoise(Gaussian(mean=0, std=1))</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"BrownNoise({Dist})";
}
