namespace Nengo;

/// <summary>
/// The neurons of an ensemble, as a connection end (input current, scaled by the gains) or a probe
/// target (spikes or rates, voltages, …). A Direct-mode ensemble's neurons have size 0.
/// </summary>
/// <remarks>Nengo equivalent: <c>ensemble.neurons</c>.</remarks>
public sealed class Neurons : IConnectable, IProbeable
{
    internal Neurons(Ensemble ensemble) { Ensemble = ensemble; }

    /// <summary>The ensemble these neurons belong to.</summary>
    public Ensemble Ensemble { get; }

    private bool IsDirect => Ensemble.NeuronType is Direct;

    /// <inheritdoc />
    public int SizeIn => IsDirect ? 0 : Ensemble.NNeurons;

    /// <inheritdoc />
    public int SizeOut => IsDirect ? 0 : Ensemble.NNeurons;

    /// <inheritdoc />
    public string Describe => $"{Ensemble.Describe}.Neurons";

    /// <inheritdoc />
    /// <remarks>
    /// "output", the neuron type's state variables, "input". For a rates-to-spikes wrapper
    /// (<see cref="RatesToSpikesNeuronType"/>): "output", "rate_out" (the base type's rates), the wrapper's
    /// state, the base type's state, "input".
    /// </remarks>
    public IReadOnlyList<string> ProbeableAttributes => (Ensemble.NeuronType ?? new LIF()) switch
    {
        RatesToSpikesNeuronType w => ["output", "rate_out", .. w.State.Select(s => s.Name), .. w.BaseType.State.Select(s => s.Name), "input"],
        var t => ["output", .. t.State.Select(s => s.Name), "input"],
    };

    /// <summary>One neuron.</summary>
    /// <param name="index">Neuron index; negative counts from the end.</param>
    public ObjView this[int index] => ObjView.Of(this, Ensemble.NNeurons, index);

    /// <summary>One neuron, e.g. <c>ens.Neurons[^1]</c>.</summary>
    /// <param name="index">Neuron index.</param>
    public ObjView this[Index index] => ObjView.Of(this, Ensemble.NNeurons, index);

    /// <summary>A contiguous range of neurons.</summary>
    /// <param name="range">The range.</param>
    public ObjView this[Range range] => ObjView.Of(this, Ensemble.NNeurons, range);

    /// <summary>Neurons by index list.</summary>
    /// <param name="indices">The indices.</param>
    public ObjView this[int[] indices] => ObjView.Of(this, Ensemble.NNeurons, indices);

    /// <summary>Two views of the same ensemble's neurons are equal.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True if both are the neurons of the same ensemble.</returns>
    public override bool Equals(object? obj) => obj is Neurons n && ReferenceEquals(n.Ensemble, Ensemble);

    /// <inheritdoc />
    public override int GetHashCode() => Ensemble.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Describe;
}
