namespace Nengo;

/// <summary>
/// A population of neurons that together represent a vector of <see cref="Dimensions"/> dimensions.
/// Parameters left null are resolved at build time from the nearest enclosing network's
/// <see cref="Network.Defaults"/>, else Nengo's defaults (NEF.md §1.2).
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Ensemble</c>.</remarks>
public sealed class Ensemble : NengoObject, IConnectable, IProbeable
{
    private static readonly string[] Attributes = ["decoded_output", "input", "scaled_encoders"];

    internal Ensemble(int nNeurons, int dimensions, string? label)
    {
        Label = label;
        NNeurons = Check.Positive(nNeurons, Describe, nameof(nNeurons));
        Dimensions = Check.Positive(dimensions, Describe, nameof(dimensions));
        Neurons = new Neurons(this);
    }

    /// <summary>The number of neurons.</summary>
    public int NNeurons { get; }

    /// <summary>The number of represented dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>The individual neurons, to connect to or probe.</summary>
    public Neurons Neurons { get; }

    /// <summary>The representational radius (null: default 1).</summary>
    public double? Radius { get; internal set; }

    /// <summary>The neuron model (null: default <see cref="LIF"/>).</summary>
    public NeuronType? NeuronType { get; internal set; }

    /// <summary>Max firing rates (null: default Uniform(200, 400)).</summary>
    public Distribution? MaxRates { get; internal set; }

    /// <summary>Intercepts (null: default Uniform(−1, 0.9)).</summary>
    public Distribution? Intercepts { get; internal set; }

    /// <summary>Encoders (null: default ScatteredHypersphere(surface: true)).</summary>
    public Distribution? Encoders { get; internal set; }

    /// <summary>Eval points, before radius scaling (null: default ScatteredHypersphere()).</summary>
    public Distribution? EvalPoints { get; internal set; }

    /// <summary>The number of eval points (null: max(clip(500·d, 750, 2500), 2·n)).</summary>
    public int? NEvalPoints { get; internal set; }

    /// <summary>Gains; given together with <see cref="Bias"/>, they override max rates and intercepts.</summary>
    public Distribution? Gain { get; internal set; }

    /// <summary>Biases; given together with <see cref="Gain"/>.</summary>
    public Distribution? Bias { get; internal set; }

    /// <summary>Whether encoders are normalised to unit length (null: default true).</summary>
    public bool? NormalizeEncoders { get; internal set; }

    /// <summary>A process added to the neurons' input current each step (not scaled by the gain), or null.</summary>
    public Process? Noise { get; internal set; }

    /// <inheritdoc />
    public int SizeIn => Dimensions;

    /// <inheritdoc />
    public int SizeOut => Dimensions;

    /// <inheritdoc />
    public IReadOnlyList<string> ProbeableAttributes => Attributes;

    /// <summary>One dimension.</summary>
    /// <param name="index">Dimension index; negative counts from the end.</param>
    public ObjView this[int index] => ObjView.Of(this, Dimensions, index);

    /// <summary>One dimension, e.g. <c>ens[^1]</c>.</summary>
    /// <param name="index">Dimension index.</param>
    public ObjView this[Index index] => ObjView.Of(this, Dimensions, index);

    /// <summary>A contiguous range of dimensions, e.g. <c>ens[1..3]</c>.</summary>
    /// <param name="range">The range.</param>
    public ObjView this[Range range] => ObjView.Of(this, Dimensions, range);

    /// <summary>Dimensions by index list, in the given order.</summary>
    /// <param name="indices">The indices.</param>
    public ObjView this[int[] indices] => ObjView.Of(this, Dimensions, indices);
}
