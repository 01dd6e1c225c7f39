namespace Nengo;

/// <summary>
/// Prescribed Error Sensitivity: Δ = −(η·dt/n)·e·aᵀ on the decoders, with e = actual − target fed into
/// <c>conn.LearningRule</c> and a the pre activities filtered by <see cref="PreSynapse"/> (no delay).
/// For connections into neurons (post Neurons or weights: true) the error is first projected through
/// the post scaled encoders.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.PES(learning_rate=1e-4, pre_synapse=Lowpass(0.005))</c>.</remarks>
public sealed record PES : LearningRuleType
{
    private static readonly string[] Attributes = ["error", "activities", "delta"];

    /// <summary>Creates the rule.</summary>
    /// <param name="learningRate">η (≥ 0, default 1e-4).</param>
    /// <param name="preSynapse">Filter on the pre activities (default Lowpass(0.005); null for none).</param>
    /// <exception cref="ValidationError">When the learning rate is negative.</exception>
    public PES(double learningRate = 1e-4, SynapseArg preSynapse = default) : base(learningRate)
    {
        PreSynapse = preSynapse.IsSet ? preSynapse.Value : new Lowpass(0.005);
    }

    /// <summary>The filter on the pre activities, or null.</summary>
    public Synapse? PreSynapse { get; }

    /// <inheritdoc />
    public override LearningTarget Modifies => LearningTarget.Decoders;

    /// <inheritdoc />
    public override IReadOnlyList<string> Probeable => Attributes;

    /// <inheritdoc />
    public override int SizeIn(Connection connection) =>
        connection.PostObject is Neurons n ? n.Ensemble.Dimensions : connection.SizeOut;
}
