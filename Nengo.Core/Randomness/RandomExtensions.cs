namespace Nengo;

/// <summary>
/// Seeded random draws used everywhere in NengoSharp. All randomness comes from
/// <see cref="Random"/> instances created with an explicit seed, so a network seed gives a
/// bit-identical build and run.
/// </summary>
/// <remarks>Nengo uses NumPy's MT19937; the streams differ, the distributions do not (NEF.md §9.6).</remarks>
public static class RandomExtensions
{
    /// <summary>Draws one child seed in [0, 2³¹ − 1), as Nengo's seeding draws one per child.</summary>
    /// <param name="rng">The parent generator.</param>
    /// <returns>A seed.</returns>
    public static int NextSeed(this Random rng) => rng.Next(0, int.MaxValue);

    /// <summary>Draws a standard normal value (Box–Muller on two uniform draws; deterministic per seed).</summary>
    /// <param name="rng">The generator.</param>
    /// <returns>A sample of N(0, 1).</returns>
    public static double NextGaussian(this Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // (0, 1]
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Draws a uniform value in [low, high).</summary>
    /// <param name="rng">The generator.</param>
    /// <param name="low">Lower bound.</param>
    /// <param name="high">Upper bound.</param>
    /// <returns>The sample.</returns>
    public static double NextUniform(this Random rng, double low, double high) => low + (high - low) * rng.NextDouble();
}
