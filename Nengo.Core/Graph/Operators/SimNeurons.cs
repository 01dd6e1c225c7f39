namespace Nengo.Graph.Operators;

/// <summary>
/// Advances a population of neurons one step: from input current J to output (rates, or spikes of
/// amplitude/dt), updating each state variable in place. Reads J; sets output and every state signal.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>SimNeurons</c>. <see cref="States"/> follow the order of
/// <see cref="NeuronType.State"/>. Each backend has one kernel per neuron type (a missing one is a
/// <see cref="BuildError"/> when the simulator is built).
/// </remarks>
public sealed class SimNeurons : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="neuronType">The neuron model.</param>
    /// <param name="current">Input current J (n).</param>
    /// <param name="output">Output (n).</param>
    /// <param name="states">State signals (n each), in <see cref="NeuronType.State"/> order.</param>
    /// <param name="tag">What built it.</param>
    public SimNeurons(NeuronType neuronType, Signal current, Signal output, IReadOnlyList<Signal> states, string? tag = null) : base(tag)
    {
        if (states.Count != neuronType.State.Count)
            throw new ArgumentException($"SimNeurons: {neuronType} needs {neuronType.State.Count} state signals, got {states.Count}");
        NeuronType = neuronType; Current = current; Output = output; States = states;
    }

    /// <summary>The neuron model.</summary>
    public NeuronType NeuronType { get; }
    /// <summary>Input current.</summary>
    public Signal Current { get; }
    /// <summary>Output.</summary>
    public Signal Output { get; }
    /// <summary>State signals.</summary>
    public IReadOnlyList<Signal> States { get; }
    /// <summary>The number of neurons.</summary>
    public int Count => Output.Size;

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => [Output, .. States];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [Current];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{NeuronType}, {Current.Name} -> {Output.Name}";
}
