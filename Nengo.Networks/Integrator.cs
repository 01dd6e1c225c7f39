namespace Nengo.Networks;

/// <summary>
/// A neural integrator: the represented value is the time integral of <see cref="Input"/>, held by a
/// recurrent connection (the NEF rule for ẋ = u: feedback A′ = τA + I with A = 0, input scaled by τ).
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.Integrator</c> (removed from Nengo 4 and kept in
/// nengo-examples; NEF.md §11.8).</para>
/// <para>Structure: <see cref="Input"/> is a passthrough node of size dimensions; <see cref="Population"/> is
/// an Ensemble(nNeurons, dimensions) with a recurrent connection (transform 1, synapse recurrentTau); input →
/// ensemble with transform recurrentTau and no synapse; <see cref="Output"/> is the ensemble itself.</para>
/// </remarks>
public class Integrator : Network
{
    /// <summary>Creates an integrator.</summary>
    /// <param name="recurrentTau">The recurrent synapse's time constant in seconds (&gt; 0).</param>
    /// <param name="nNeurons">Neurons in the ensemble (&gt; 0).</param>
    /// <param name="dimensions">The vector length (&gt; 0).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When a size or the time constant is not positive.</exception>
    public Integrator(double recurrentTau, int nNeurons, int dimensions, string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(recurrentTau, me, nameof(recurrentTau));
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.Positive(dimensions, me, nameof(dimensions));
        RecurrentTau = recurrentTau;

        Input = Node(label: "input", sizeIn: dimensions);
        Population = Ensemble(nNeurons, dimensions, label: "ensemble");
        Connect(Population, Population, synapse: recurrentTau);
        Connect(Input, Population, synapse: SynapseArg.None, transform: recurrentTau);
    }

    /// <summary>The recurrent time constant in seconds.</summary>
    public double RecurrentTau { get; }

    /// <summary>The rate of change to integrate (a passthrough node).</summary>
    public Node Input { get; }

    /// <summary>The recurrently connected ensemble that holds the integral.</summary>
    public Ensemble Population { get; }

    /// <summary>The integral: the ensemble itself (connect from it or probe it).</summary>
    public Ensemble Output => Population;
}
