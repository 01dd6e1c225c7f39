namespace Nengo.Graph.Operators;

/// <summary>
/// The PES update: Δ = −(η·dt/n)·e_local·aᵀ, e_local = e (decoded) or E·e (into neurons, E the post
/// scaled encoders). Reads the filtered pre activities a, the error e (and E); updates Δ, which a
/// Copy adds into the weights at the start of the next step.
/// </summary>
/// <remarks>Nengo equivalent: <c>SimPES</c>.</remarks>
public sealed class SimPES : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="activities">Filtered pre activities (n_pre).</param>
    /// <param name="error">The error (d).</param>
    /// <param name="delta">The weight change (rows × n_pre matrix).</param>
    /// <param name="learningRate">η.</param>
    /// <param name="encoders">Post scaled encoders (rows × d) for connections into neurons, else null.</param>
    /// <param name="tag">What built it.</param>
    public SimPES(Signal activities, Signal error, Signal delta, double learningRate, Signal? encoders = null, string? tag = null) : base(tag)
    {
        if (!delta.IsMatrix || delta.Cols != activities.Size)
            throw new ArgumentException($"SimPES: delta {delta} must have one column per activity ({activities.Size})");
        if (encoders is null ? delta.Rows != error.Size : encoders.Rows != delta.Rows || encoders.Cols != error.Size)
            throw new ArgumentException($"SimPES: error {error} does not fit delta {delta}");
        Activities = activities; Error = error; Delta = delta; LearningRate = learningRate; Encoders = encoders;
    }

    /// <summary>Filtered pre activities.</summary>
    public Signal Activities { get; }
    /// <summary>The error.</summary>
    public Signal Error { get; }
    /// <summary>The weight change.</summary>
    public Signal Delta { get; }
    /// <summary>η.</summary>
    public double LearningRate { get; }
    /// <summary>Post scaled encoders, or null for decoded connections.</summary>
    public Signal? Encoders { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => Encoders is null ? [Activities, Error] : [Activities, Error, Encoders];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => [Delta];
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{Activities.Name}, {Error.Name} -> {Delta.Name}, lr={Check.Show(LearningRate)}";
}
