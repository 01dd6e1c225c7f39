namespace Nengo;

/// <summary>
/// The integrator 1/s discretised with the forward Euler method: x ← x + dt·u; y = x (per dimension, state
/// starting at zero). The filter inside <see cref="BrownNoise"/>.
/// </summary>
internal sealed class EulerIntegrator : Synapse
{
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        Check.That(sizeIn == sizeOut, ToString(), nameof(sizeIn), $"must equal sizeOut ({sizeOut})", sizeIn);
        Check.Positive(dt, ToString(), nameof(dt));
        var state = new double[sizeIn];
        return (t, x, y) =>
        {
            for (int i = 0; i < state.Length; i++)
            {
                state[i] += dt * x[i];
                y[i] = state[i];
            }
        };
    }

    public override string ToString() => "LinearFilter([1], [1, 0], method='euler')";
}
