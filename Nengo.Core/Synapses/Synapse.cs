namespace Nengo;

/// <summary>
/// A linear filter applied to a signal crossing a connection or entering a probe. Synapses are
/// immutable descriptions; on a connection or probe they add exactly one step of delay (NEF.md §3).
/// </summary>
public abstract class Synapse
{
    /// <summary>
    /// The filter discretised at <paramref name="dt"/> as a state-space system
    /// stepped with the reference semantics of <see cref="DiscreteStateSpace.Step"/>.
    /// </summary>
    /// <param name="dt">The simulator time step in seconds.</param>
    /// <returns>The discrete system.</returns>
    public abstract DiscreteStateSpace Discretize(double dt);
}
