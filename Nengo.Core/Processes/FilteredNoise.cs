namespace Nengo;

/// <summary>
/// Coloured noise: white noise (drawn and scaled exactly as by <see cref="WhiteNoise"/>) passed, every step,
/// through <see cref="Synapse"/>'s own step function. The filter state lives in the step function and starts at zero.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.processes.FilteredNoise(synapse=Lowpass(0.005), dist=Gaussian(0, 1), scale=True)</c> (NEF.md §6).</para>
/// <para>
/// The filter is applied with its per-call semantics (<see cref="DiscreteStateSpace.Step"/> for linear
/// filters): the sample drawn in a step reaches the output in the same step; there is no extra delay.
/// For unit-variance Gaussian samples scaled by 1/√dt through <c>Lowpass(τ)</c> (y ← a·y + (1 − a)·u,
/// a = e^(−dt/τ)) the stationary variance is (1 − a)²/(1 − a²)/dt = (1 − a)/((1 + a)·dt) ≈ 1/(2τ).
/// </para>
/// </remarks>
public class FilteredNoise : Process
{
    /// <summary>Creates the process.</summary>
    /// <param name="synapse">The filter (default <c>Lowpass(0.005)</c>).</param>
    /// <param name="dist">The distribution of the white noise (default <c>Gaussian(0, 1)</c>).</param>
    /// <param name="scale">Whether to multiply the white noise by 1/√dt before filtering.</param>
    public FilteredNoise(Synapse? synapse = null, Distribution? dist = null, bool scale = true)
    {
        Synapse = synapse ?? new Lowpass(0.005);
        Dist = dist ?? new Gaussian(0, 1);
        Scale = scale;
    }

    /// <summary>The filter applied to the white noise.</summary>
    public Synapse Synapse { get; }

    /// <summary>The distribution the white noise is drawn from.</summary>
    public Distribution Dist { get; }

    /// <summary>Whether the white noise is multiplied by 1/√dt.</summary>
    public bool Scale { get; }

    /// <inheritdoc />
    /// <exception cref="ValidationError">When <paramref name="sizeIn"/> is not 0, <paramref name="sizeOut"/> is not positive, dt is not positive, or the synapse rejects dt.</exception>
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ProcessChecks.Source(ToString(), sizeIn, sizeOut, dt);
        var sampler = new NoiseSampler(Dist, sizeOut);
        var filter = Synapse.MakeStep(sizeOut, sizeOut, dt, rng);
        var noise = new double[sizeOut];
        double gain = 1.0 / Math.Sqrt(dt);
        bool scale = Scale;
        return (t, x, y) =>
        {
            sampler.Fill(noise, rng);
            if (scale)
                for (int j = 0; j < noise.Length; j++) noise[j] *= gain;
            filter(t, noise, y);
        };
    }

    /// <summary>Nengo-like text, e.g. <c>FilteredNoise(Lowpass(0.005), Gaussian(mean=0, std=1), scale=True)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{GetType().Name}({Synapse}, {Dist}, scale={(Scale ? "True" : "False")})";
}
