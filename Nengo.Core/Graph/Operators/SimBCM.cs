namespace Nengo.Graph.Operators;

/// <summary>
/// The BCM update: Δ = η·dt·(p ⊙ (p − θ))·aᵀ. Reads the filtered pre activities a, the filtered post
/// activities p and the threshold θ; updates Δ (n_post × n_pre), which a Copy adds into the weights at
/// the start of the next step.
/// </summary>
/// <remarks>Nengo equivalent: <c>SimBCM</c>.</remarks>
public sealed class SimBCM : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="preFiltered">Filtered pre activities a (n_pre).</param>
    /// <param name="postFiltered">Filtered post activities p (n_post).</param>
    /// <param name="theta">The threshold θ (n_post).</param>
    /// <param name="delta">The weight change (n_post × n_pre matrix).</param>
    /// <param name="learningRate">η.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the shapes do not fit.</exception>
    public SimBCM(Signal preFiltered, Signal postFiltered, Signal theta, Signal delta, double learningRate, string? tag = null) : base(tag)
    {
        if (!delta.IsMatrix || delta.Rows != postFiltered.Size || delta.Cols != preFiltered.Size || theta.Size != postFiltered.Size)
            throw new ArgumentException($"SimBCM: delta {delta} must be post {postFiltered} × pre {preFiltered}, theta {theta} the size of post");
        PreFiltered = preFiltered; PostFiltered = postFiltered; Theta = theta; Delta = delta; LearningRate = learningRate;
    }

    /// <summary>Filtered pre activities a.</summary>
    public Signal PreFiltered { get; }
    /// <summary>Filtered post activities p.</summary>
    public Signal PostFiltered { get; }
    /// <summary>The threshold θ.</summary>
    public Signal Theta { get; }
    /// <summary>The weight change.</summary>
    public Signal Delta { get; }
    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [PreFiltered, PostFiltered, Theta];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => [Delta];
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{PreFiltered.Name}, {PostFiltered.Name}, {Theta.Name} -> {Delta.Name}, lr={Check.Show(LearningRate)}";
}
