namespace Nengo;

/// <summary>
/// Oja's rule on a neuron-to-neuron weight matrix: Δ = η·dt·(p·aᵀ − β·(p ⊙ p)·W), where the second term
/// scales each row of the current weights W by β·p², which keeps the weights bounded. a = the pre neuron
/// outputs filtered by <see cref="PreSynapse"/>, p = the post neuron outputs filtered by
/// <see cref="PostSynapse"/>, both with no delay. Takes no input.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.Oja(learning_rate=1e-6, pre_synapse=Lowpass(0.005), post_synapse=None (same as
/// pre), beta=1.0)</c>. Needs a connection into neurons with a 2-D transform, or a solver with <c>weights: true</c>.
/// </remarks>
public sealed record Oja : LearningRuleType
{
    private static readonly string[] Attributes = ["pre_filtered", "post_filtered", "delta"];

    /// <summary>Creates the rule.</summary>
    /// <param name="learningRate">η (≥ 0, default 1e-6).</param>
    /// <param name="preSynapse">Filter on the pre activities (default Lowpass(0.005); null for none).</param>
    /// <param name="postSynapse">Filter on the post activities (default: the same as <paramref name="preSynapse"/>; null for none).</param>
    /// <param name="beta">Weight of the forgetting term β (≥ 0, default 1.0).</param>
    /// <exception cref="ValidationError">When the learning rate or beta is negative.</exception>
    public Oja(double learningRate = 1e-6, SynapseArg preSynapse = default, SynapseArg postSynapse = default,
        double beta = 1.0) : base(learningRate)
    {
        PreSynapse = preSynapse.IsSet ? preSynapse.Value : new Lowpass(0.005);
        PostSynapse = postSynapse.IsSet ? postSynapse.Value : PreSynapse;
        Beta = Check.NonNegative(beta, nameof(Oja), nameof(beta));
    }

    /// <summary>The filter on the pre activities, or null.</summary>
    public Synapse? PreSynapse { get; }

    /// <summary>The filter on the post activities, or null.</summary>
    public Synapse? PostSynapse { get; }

    /// <summary>The weight β of the forgetting term.</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public override LearningTarget Modifies => LearningTarget.Weights;

    /// <inheritdoc />
    public override IReadOnlyList<string> Probeable => Attributes;

    /// <inheritdoc />
    public override int SizeIn(Connection connection) => 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"Oja(learningRate={Check.Show(LearningRate)}, preSynapse={Check.Show(PreSynapse)}, postSynapse={Check.Show(PostSynapse)}, beta={Check.Show(Beta)})";
}
