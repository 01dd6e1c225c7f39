namespace Nengo;

/// <summary>
/// The learning rule on one connection (<c>conn.LearningRule</c>): connect an error signal into it, or
/// probe its state (<c>"error"</c>, <c>"delta"</c>, …).
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.learning_rules.LearningRule</c>.</remarks>
public sealed class LearningRule : IConnectable, IProbeable
{
    internal LearningRule(Connection connection, LearningRuleType type)
    {
        Connection = connection;
        RuleType = type;
    }

    /// <summary>The connection whose weights the rule changes.</summary>
    public Connection Connection { get; }

    /// <summary>The rule.</summary>
    public LearningRuleType RuleType { get; }

    /// <inheritdoc />
    public int SizeIn => RuleType.SizeIn(Connection);

    /// <inheritdoc />
    public int SizeOut => 0;

    /// <inheritdoc />
    public string Describe => $"{RuleType.GetType().Name} rule of {Connection.Describe}";

    /// <inheritdoc />
    public IReadOnlyList<string> ProbeableAttributes => RuleType.Probeable;

    /// <inheritdoc />
    public override string ToString() => Describe;
}
