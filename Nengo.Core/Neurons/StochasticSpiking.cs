namespace Nengo;

/// <summary>
/// Turns a rate type's output r into stochastic spikes: with dt·|r| = q + f (q an integer, 0 ≤ f &lt; 1),
/// a neuron emits q + 1 spikes with probability f and q otherwise, times sign(r) if the base type can be
/// negative; out = amplitude·count/dt. The expected count per step is exactly dt·r.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.StochasticSpiking</c>. Deviation: Nengo keeps a generator as an "rng" state
/// variable, seeded from the ensemble; here the backend kernel owns the generator and seeds it from the
/// simulator's generator on every start and reset (so a reset rerun is bit-identical, and changing the
/// simulator seed changes the spikes). There is therefore no "rng" state to probe; the state is the base
/// type's only.
/// </remarks>
public sealed record StochasticSpiking : RatesToSpikesNeuronType
{
    /// <summary>Creates the wrapper.</summary>
    /// <param name="baseType">The rate type, e.g. <c>new LIFRate()</c>.</param>
    /// <param name="amplitude">Spike scale (&gt; 0).</param>
    /// <exception cref="ValidationError">When the base type or amplitude is not allowed.</exception>
    public StochasticSpiking(NeuronType baseType, double amplitude = 1.0) : base(baseType, amplitude) { }
}
