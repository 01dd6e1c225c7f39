namespace Nengo.Networks;

/// <summary>
/// A two-dimensional neural oscillator: once kicked through <see cref="Input"/>, the represented point
/// rotates at <c>frequency</c> radians per second (the NEF rule for ẋ = [[0, −ω], [ω, 0]]·x).
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.Oscillator</c> (removed from Nengo 4 and kept in
/// nengo-examples; NEF.md §11.8).</para>
/// <para>Structure: <see cref="Input"/> is a passthrough node of size 2; <see cref="Population"/> is an
/// Ensemble(nNeurons, 2) with a recurrent connection of transform [[1, −ωτ], [ωτ, 1]] and synapse
/// recurrentTau; input → ensemble with no synapse; <see cref="Output"/> is the ensemble itself.</para>
/// </remarks>
public class Oscillator : Network
{
    /// <summary>Creates an oscillator.</summary>
    /// <param name="recurrentTau">The recurrent synapse's time constant in seconds (&gt; 0).</param>
    /// <param name="frequency">The angular frequency ω in radians per second (finite).</param>
    /// <param name="nNeurons">Neurons in the ensemble (&gt; 0).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When the size or the time constant is not positive, or ω is not finite.</exception>
    public Oscillator(double recurrentTau, double frequency, int nNeurons, string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(recurrentTau, me, nameof(recurrentTau));
        Check.That(double.IsFinite(frequency), me, nameof(frequency), "must be finite", frequency);
        Check.Positive(nNeurons, me, nameof(nNeurons));
        RecurrentTau = recurrentTau;
        Frequency = frequency;

        Input = Node(label: "input", sizeIn: 2);
        Population = Ensemble(nNeurons, 2, label: "ensemble");
        double wt = frequency * recurrentTau;
        Connect(Population, Population, synapse: recurrentTau, transform: new double[,] { { 1, -wt }, { wt, 1 } });
        Connect(Input, Population, synapse: SynapseArg.None);
    }

    /// <summary>The recurrent time constant in seconds.</summary>
    public double RecurrentTau { get; }

    /// <summary>The angular frequency ω in radians per second.</summary>
    public double Frequency { get; }

    /// <summary>The kick (a passthrough node of size 2).</summary>
    public Node Input { get; }

    /// <summary>The recurrently connected two-dimensional ensemble.</summary>
    public Ensemble Population { get; }

    /// <summary>The oscillating state: the ensemble itself.</summary>
    public Ensemble Output => Population;
}
