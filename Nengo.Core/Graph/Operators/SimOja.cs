namespace Nengo.Graph.Operators;

/// <summary>
/// The Oja update: Δ = η·dt·(p·aᵀ − β·(p ⊙ p)·W), the second term scaling each row of the current
/// weights. Reads the filtered pre activities a, the filtered post activities p and the weights W;
/// updates Δ, which a Copy adds into W at the start of the next step.
/// </summary>
/// <remarks>Nengo equivalent: <c>SimOja</c>.</remarks>
public sealed class SimOja : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="preFiltered">Filtered pre activities a (n_pre).</param>
    /// <param name="postFiltered">Filtered post activities p (n_post).</param>
    /// <param name="weights">The current weights W (n_post × n_pre).</param>
    /// <param name="delta">The weight change (n_post × n_pre).</param>
    /// <param name="learningRate">η.</param>
    /// <param name="beta">β.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the shapes do not fit.</exception>
    public SimOja(Signal preFiltered, Signal postFiltered, Signal weights, Signal delta, double learningRate, double beta, string? tag = null) : base(tag)
    {
        if (!delta.IsMatrix || delta.Rows != postFiltered.Size || delta.Cols != preFiltered.Size
            || weights.Rows != delta.Rows || weights.Cols != delta.Cols)
            throw new ArgumentException($"SimOja: delta {delta} and weights {weights} must be post {postFiltered} × pre {preFiltered}");
        PreFiltered = preFiltered; PostFiltered = postFiltered; Weights = weights; Delta = delta; LearningRate = learningRate; Beta = beta;
    }

    /// <summary>Filtered pre activities a.</summary>
    public Signal PreFiltered { get; }
    /// <summary>Filtered post activities p.</summary>
    public Signal PostFiltered { get; }
    /// <summary>The current weights W.</summary>
    public Signal Weights { get; }
    /// <summary>The weight change.</summary>
    public Signal Delta { get; }
    /// <summary>η.</summary>
    public double LearningRate { get; }
    /// <summary>β.</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [PreFiltered, PostFiltered, Weights];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => [Delta];
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{PreFiltered.Name}, {PostFiltered.Name}, {Weights.Name} -> {Delta.Name}, lr={Check.Show(LearningRate)}, beta={Check.Show(Beta)}";
}
