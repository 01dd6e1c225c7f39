namespace Nengo.Graph.Operators;

/// <summary>Advances the clock: step += 1; time = step·dt. Sets: step, time.</summary>
/// <remarks>Nengo equivalent: <c>TimeUpdate</c>. Runs first in every step, so everything sees t = step·dt.</remarks>
public sealed class TimeUpdate : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="step">The step counter (a 1-element signal).</param>
    /// <param name="time">The time in seconds (a 1-element signal).</param>
    public TimeUpdate(Signal step, Signal time) : base(null) { Step = step; Time = time; }

    /// <summary>The step counter.</summary>
    public Signal Step { get; }

    /// <summary>The time.</summary>
    public Signal Time { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => [Step, Time];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => None;
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{Step.Name}, {Time.Name}";
}
