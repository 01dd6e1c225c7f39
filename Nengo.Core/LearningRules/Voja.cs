namespace Nengo;

/// <summary>
/// Vector Oja: moves the post ensemble's encoders toward its input. On the scaled encoders E (n × d):
/// Δ = η·dt·L·(s·p·xᵀ − p ⊙ E), with x the post ensemble's total decoded input, p the post neuron outputs
/// filtered by <see cref="PostSynapse"/> (no delay), s = gain/radius per neuron (so the unscaled encoders
/// move toward x) and L the learning signal: 1 each step plus whatever is connected into
/// <c>conn.LearningRule</c> (size 1; feeding −1 stops learning).
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.Voja(learning_rate=1e-2, post_synapse=Lowpass(0.005))</c>. Needs a connection
/// into an Ensemble (not its neurons, not <c>weights: true</c>); any pre, a Node included.
/// </remarks>
public sealed record Voja : LearningRuleType
{
    private static readonly string[] Attributes = ["post_filtered", "scaled_encoders", "delta"];

    /// <summary>Creates the rule.</summary>
    /// <param name="learningRate">η (≥ 0, default 1e-2).</param>
    /// <param name="postSynapse">Filter on the post activities (default Lowpass(0.005); null for none).</param>
    /// <exception cref="ValidationError">When the learning rate is negative.</exception>
    public Voja(double learningRate = 1e-2, SynapseArg postSynapse = default) : base(learningRate)
    {
        PostSynapse = postSynapse.IsSet ? postSynapse.Value : new Lowpass(0.005);
    }

    /// <summary>The filter on the post activities, or null.</summary>
    public Synapse? PostSynapse { get; }

    /// <inheritdoc />
    public override LearningTarget Modifies => LearningTarget.Encoders;

    /// <inheritdoc />
    public override IReadOnlyList<string> Probeable => Attributes;

    /// <inheritdoc />
    public override int SizeIn(Connection connection) => 1;

    /// <inheritdoc />
    public override string ToString() => $"Voja(learningRate={Check.Show(LearningRate)}, postSynapse={Check.Show(PostSynapse)})";
}
