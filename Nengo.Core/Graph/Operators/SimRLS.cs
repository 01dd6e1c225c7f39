namespace Nengo.Graph.Operators;

/// <summary>
/// The recursive-least-squares update: Pr = P·r; k = 1/(1 + rᵀ·Pr); P ← P − k·Pr·Prᵀ;
/// Δ = −k·e_local·Prᵀ, e_local = e (decoded) or E·e (into neurons, E the post scaled encoders). Reads the
/// filtered pre activities r and the error e (and E); updates Δ and the inverse correlation estimate P.
/// </summary>
/// <remarks>Nengo equivalent: <c>SimRLS</c>.</remarks>
public sealed class SimRLS : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="preFiltered">Filtered pre activities r (n).</param>
    /// <param name="error">The error e (d).</param>
    /// <param name="delta">The weight change (rows × n).</param>
    /// <param name="invGamma">P, the running inverse correlation estimate (n × n), a state signal.</param>
    /// <param name="encoders">Post scaled encoders (rows × d) for connections into neurons, else null.</param>
    /// <param name="tag">What built it.</param>
    /// <exception cref="ArgumentException">When the shapes do not fit.</exception>
    public SimRLS(Signal preFiltered, Signal error, Signal delta, Signal invGamma, Signal? encoders = null, string? tag = null) : base(tag)
    {
        if (!delta.IsMatrix || delta.Cols != preFiltered.Size || invGamma.Rows != preFiltered.Size || invGamma.Cols != preFiltered.Size)
            throw new ArgumentException($"SimRLS: delta {delta} must have one column per activity ({preFiltered.Size}) and P {invGamma} be square of that size");
        if (encoders is null ? delta.Rows != error.Size : encoders.Rows != delta.Rows || encoders.Cols != error.Size)
            throw new ArgumentException($"SimRLS: error {error} does not fit delta {delta}");
        PreFiltered = preFiltered; Error = error; Delta = delta; InvGamma = invGamma; Encoders = encoders;
    }

    /// <summary>Filtered pre activities r.</summary>
    public Signal PreFiltered { get; }
    /// <summary>The error.</summary>
    public Signal Error { get; }
    /// <summary>The weight change.</summary>
    public Signal Delta { get; }
    /// <summary>P, the inverse correlation estimate.</summary>
    public Signal InvGamma { get; }
    /// <summary>Post scaled encoders, or null for decoded connections.</summary>
    public Signal? Encoders { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => Encoders is null ? [PreFiltered, Error] : [PreFiltered, Error, Encoders];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => [Delta, InvGamma];
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{PreFiltered.Name}, {Error.Name} -> {Delta.Name}, {InvGamma.Name}";
}
