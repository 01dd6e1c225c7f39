namespace Nengo;

/// <summary>
/// Full-spectrum white noise: every step an independent d-vector drawn from <see cref="Dist"/>, multiplied by
/// 1/√dt when <see cref="Scale"/> is true (the convention for continuous white noise, so that the noise's
/// effect after integration does not depend on dt).
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.processes.WhiteNoise(dist=Gaussian(0, 1), scale=True)</c> (NEF.md §6).</para>
/// <para>
/// Each step draws exactly what <c>Dist.Sample(1, d, rng)</c> would. Gaussian and (non-integer) Uniform
/// distributions are drawn directly into a preallocated buffer, so stepping allocates nothing; other
/// distributions allocate one small array per step.
/// </para>
/// </remarks>
public class WhiteNoise : Process
{
    /// <summary>Creates the process.</summary>
    /// <param name="dist">The distribution of each sample (default <c>Gaussian(0, 1)</c>).</param>
    /// <param name="scale">Whether to multiply the samples by 1/√dt.</param>
    public WhiteNoise(Distribution? dist = null, bool scale = true)
    {
        Dist = dist ?? new Gaussian(0, 1);
        Scale = scale;
    }

    /// <summary>The distribution each sample is drawn from.</summary>
    public Distribution Dist { get; }

    /// <summary>Whether the samples are multiplied by 1/√dt.</summary>
    public bool Scale { get; }

    /// <inheritdoc />
    /// <exception cref="ValidationError">When <paramref name="sizeIn"/> is not 0, <paramref name="sizeOut"/> is not positive or dt is not positive.</exception>
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ProcessChecks.Source(ToString(), sizeIn, sizeOut, dt);
        var sampler = new NoiseSampler(Dist, sizeOut);
        double gain = 1.0 / Math.Sqrt(dt);
        bool scale = Scale;
        return (t, x, y) =>
        {
            sampler.Fill(y, rng);
            if (scale)
                for (int j = 0; j < sizeOut; j++) y[j] *= gain;
        };
    }

    /// <summary>Nengo-like text, e.g. <c>WhiteNoise(Gaussian(mean=0, std=1), scale=True)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"WhiteNoise({Dist}, scale={(Scale ? "True" : "False")})";
}
