namespace Nengo.Graph.Operators;

/// <summary>
/// The Voja update on scaled encoders: Δ = η·dt·L·(s·p·xᵀ − p ⊙ E), the second term scaling each row of
/// E by p. Reads the post ensemble's decoded input x, the filtered post activities p, the scaled encoders
/// E and the learning signal L; updates Δ, which a Copy adds into E at the start of the next step.
/// </summary>
/// <remarks>Nengo equivalent: <c>SimVoja</c>.</remarks>
public sealed class SimVoja : Operator
{
    private readonly double[] _scale;

    /// <summary>Creates the operator.</summary>
    /// <param name="input">The post ensemble's total decoded input x (d).</param>
    /// <param name="postFiltered">Filtered post activities p (n).</param>
    /// <param name="scaledEncoders">The scaled encoders E (n × d).</param>
    /// <param name="delta">The encoder change (n × d).</param>
    /// <param name="scale">s = gain/radius per neuron (n), a constant.</param>
    /// <param name="learningSignal">The learning signal L (1).</param>
    /// <param name="learningRate">η.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the shapes do not fit.</exception>
    public SimVoja(Signal input, Signal postFiltered, Signal scaledEncoders, Signal delta, IReadOnlyList<double> scale,
        Signal learningSignal, double learningRate, string? tag = null) : base(tag)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (!delta.IsMatrix || delta.Rows != postFiltered.Size || delta.Cols != input.Size
            || scaledEncoders.Rows != delta.Rows || scaledEncoders.Cols != delta.Cols || scale.Count != delta.Rows || learningSignal.Size != 1)
            throw new ArgumentException($"SimVoja: delta {delta} and encoders {scaledEncoders} must be post {postFiltered} × input {input}, with one scale per neuron and a scalar learning signal {learningSignal}");
        Input = input; PostFiltered = postFiltered; ScaledEncoders = scaledEncoders; Delta = delta;
        _scale = [.. scale]; LearningSignal = learningSignal; LearningRate = learningRate;
    }

    /// <summary>The post ensemble's decoded input x.</summary>
    public Signal Input { get; }
    /// <summary>Filtered post activities p.</summary>
    public Signal PostFiltered { get; }
    /// <summary>The scaled encoders E.</summary>
    public Signal ScaledEncoders { get; }
    /// <summary>The encoder change.</summary>
    public Signal Delta { get; }
    /// <summary>s = gain/radius per neuron.</summary>
    public IReadOnlyList<double> Scale => _scale;
    /// <summary>The learning signal L.</summary>
    public Signal LearningSignal { get; }
    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [Input, PostFiltered, ScaledEncoders, LearningSignal];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => [Delta];
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{Input.Name}, {PostFiltered.Name}, {ScaledEncoders.Name}, {LearningSignal.Name} -> {Delta.Name}, lr={Check.Show(LearningRate)}";
}
