namespace Nengo.Networks;

/// <summary>
/// A working memory whose stored vector follows <see cref="Input"/> while <see cref="Gate"/> is 0 and holds
/// its value while <see cref="Gate"/> is 1; <see cref="Reset"/> = 1 drives it back to 0.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.InputGatedMemory</c> (NEF.md §11.6).</para>
/// <para>Structure: <see cref="Mem"/> is an <see cref="EnsembleArray"/>(nNeurons, dimensions) integrating its
/// own output (mem.output → mem.input ×feedback, synapse recurrentSynapse). <see cref="Diff"/> is an
/// EnsembleArray(nNeurons, dimensions) computing input − memory (mem.output → diff.input ×−1, default
/// synapse), which feeds the memory (diff.output → mem.input ×differenceGain, synapse differenceSynapse).
/// <see cref="Gate"/> (size 1) inhibits every diff neuron (→ diff.NeuronInput with −10·ones(n·d, 1), no
/// synapse), so the difference stops reaching the memory; <see cref="Reset"/> (size 1) inhibits every mem
/// neuron (→ mem.NeuronInput with −3·ones(n·d, 1), no synapse). Inputs to neurons are multiplied by their
/// gains. <see cref="Input"/> is diff.input and <see cref="Output"/> is mem.output. nNeurons is per
/// dimension.</para>
/// </remarks>
public class InputGatedMemory : Network
{
    /// <summary>Creates a gated memory of <paramref name="dimensions"/> dimensions.</summary>
    /// <param name="nNeurons">Neurons per dimension in each of the two arrays (&gt; 0).</param>
    /// <param name="dimensions">The vector length (&gt; 0).</param>
    /// <param name="feedback">The gain of the memory's recurrent connection (default 1: a perfect integrator).</param>
    /// <param name="differenceGain">The gain from the difference into the memory (default 1).</param>
    /// <param name="recurrentSynapse">The time constant of the recurrent connection in seconds (default 0.1).</param>
    /// <param name="differenceSynapse">The time constant from the difference into the memory (default: <paramref name="recurrentSynapse"/>).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When a size is not positive or a number is out of range.</exception>
    public InputGatedMemory(int nNeurons, int dimensions, double feedback = 1.0, double differenceGain = 1.0,
        double recurrentSynapse = 0.1, double? differenceSynapse = null, string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.Positive(dimensions, me, nameof(dimensions));
        Check.That(double.IsFinite(feedback), me, nameof(feedback), "must be finite", feedback);
        Check.That(double.IsFinite(differenceGain), me, nameof(differenceGain), "must be finite", differenceGain);
        Check.NonNegative(recurrentSynapse, me, nameof(recurrentSynapse));
        if (differenceSynapse is { } ds) Check.NonNegative(ds, me, nameof(differenceSynapse));
        Dimensions = dimensions;
        int total = nNeurons * dimensions;

        Mem = Add(new EnsembleArray(nNeurons, dimensions, label: "mem"));
        Connect(Mem.Output, Mem.Input, synapse: recurrentSynapse, transform: feedback);

        Diff = Add(new EnsembleArray(nNeurons, dimensions, label: "diff"));
        Connect(Mem.Output, Diff.Input, transform: -1.0);
        Connect(Diff.Output, Mem.Input, synapse: differenceSynapse ?? recurrentSynapse, transform: differenceGain);

        Gate = Node(label: "gate", sizeIn: 1);
        Connect(Gate, Diff.AddNeuronInput(), synapse: SynapseArg.None, transform: Matrices.Filled(total, 1, -10.0));

        Reset = Node(label: "reset", sizeIn: 1);
        Connect(Reset, Mem.AddNeuronInput(), synapse: SynapseArg.None, transform: Matrices.Filled(total, 1, -3.0));
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <summary>The integrator holding the stored vector.</summary>
    public EnsembleArray Mem { get; }

    /// <summary>The array computing input − stored value.</summary>
    public EnsembleArray Diff { get; }

    /// <summary>The vector to store (diff.input, size dimensions).</summary>
    public Node Input => Diff.Input;

    /// <summary>The stored vector (mem.output, size dimensions).</summary>
    public Node Output => Mem.Output;

    /// <summary>1 holds the stored value; 0 lets it follow the input (a passthrough node of size 1).</summary>
    public Node Gate { get; }

    /// <summary>1 drives the stored value to 0 (a passthrough node of size 1).</summary>
    public Node Reset { get; }
}
