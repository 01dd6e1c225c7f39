namespace Nengo;

/// <summary>
/// Recursive least squares on the decoders. With r the pre activities filtered by <see cref="PreSynapse"/>
/// (no delay) and P a running estimate of the inverse correlation of r that starts as I·(η·dt/n), each
/// step: Pr = P·r; k = 1/(1 + rᵀ·Pr); P ← P − k·Pr·Prᵀ; Δ = −k·e·Prᵀ, with e = actual − target fed into
/// <c>conn.LearningRule</c>. For connections into neurons (post Neurons or weights: true) the error is
/// first projected through the post scaled encoders, as for <see cref="PES"/>.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.RLS(learning_rate=1e-3, pre_synapse=Lowpass(0.005))</c>.</remarks>
public sealed record RLS : LearningRuleType
{
    private static readonly string[] Attributes = ["pre_filtered", "error", "delta", "inv_gamma"];

    /// <summary>Creates the rule.</summary>
    /// <param name="learningRate">η (≥ 0, default 1e-3); sets the initial P = I·(η·dt/n).</param>
    /// <param name="preSynapse">Filter on the pre activities (default Lowpass(0.005); null for none).</param>
    /// <exception cref="ValidationError">When the learning rate is negative.</exception>
    public RLS(double learningRate = 1e-3, SynapseArg preSynapse = default) : base(learningRate)
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

    /// <inheritdoc />
    public override string ToString() => $"RLS(learningRate={Check.Show(LearningRate)}, preSynapse={Check.Show(PreSynapse)})";
}
