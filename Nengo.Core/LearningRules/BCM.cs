namespace Nengo;

/// <summary>
/// Bienenstock–Cooper–Munro rule on a neuron-to-neuron weight matrix: Δ = η·dt·(p ⊙ (p − θ))·aᵀ, with a
/// the pre neuron outputs filtered by <see cref="PreSynapse"/>, p the post neuron outputs filtered by
/// <see cref="PostSynapse"/> and θ the post neuron outputs filtered by <see cref="ThetaSynapse"/> (a slow
/// running average that acts as a sliding threshold). All filters run with no delay. Takes no input.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>nengo.BCM(learning_rate=1e-9, pre_synapse=Lowpass(0.005), post_synapse=None (same
/// as pre), theta_synapse=Lowpass(1.0))</c>. Needs a connection into neurons with a 2-D transform, or a
/// solver with <c>weights: true</c>.
/// </remarks>
public sealed record BCM : LearningRuleType
{
    private static readonly string[] Attributes = ["theta", "pre_filtered", "post_filtered", "delta"];

    /// <summary>Creates the rule.</summary>
    /// <param name="learningRate">η (≥ 0, default 1e-9).</param>
    /// <param name="preSynapse">Filter on the pre activities (default Lowpass(0.005); null for none).</param>
    /// <param name="postSynapse">Filter on the post activities (default: the same as <paramref name="preSynapse"/>; null for none).</param>
    /// <param name="thetaSynapse">Filter giving the threshold θ from the post activities (default Lowpass(1.0); null for none).</param>
    /// <exception cref="ValidationError">When the learning rate is negative.</exception>
    public BCM(double learningRate = 1e-9, SynapseArg preSynapse = default, SynapseArg postSynapse = default,
        SynapseArg thetaSynapse = default) : base(learningRate)
    {
        PreSynapse = preSynapse.IsSet ? preSynapse.Value : new Lowpass(0.005);
        PostSynapse = postSynapse.IsSet ? postSynapse.Value : PreSynapse;
        ThetaSynapse = thetaSynapse.IsSet ? thetaSynapse.Value : new Lowpass(1.0);
    }

    /// <summary>The filter on the pre activities, or null.</summary>
    public Synapse? PreSynapse { get; }

    /// <summary>The filter on the post activities, or null.</summary>
    public Synapse? PostSynapse { get; }

    /// <summary>The filter that turns the post activities into the threshold θ, or null.</summary>
    public Synapse? ThetaSynapse { get; }

    /// <inheritdoc />
    public override LearningTarget Modifies => LearningTarget.Weights;

    /// <inheritdoc />
    public override IReadOnlyList<string> Probeable => Attributes;

    /// <inheritdoc />
    public override int SizeIn(Connection connection) => 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"BCM(learningRate={Check.Show(LearningRate)}, preSynapse={Check.Show(PreSynapse)}, postSynapse={Check.Show(PostSynapse)}, thetaSynapse={Check.Show(ThetaSynapse)})";
}
