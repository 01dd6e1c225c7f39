namespace Nengo;

/// <summary>What a learning rule changes on its connection.</summary>
public enum LearningTarget
{
    /// <summary>The decoders (the connection's weights W = T·D).</summary>
    Decoders,
    /// <summary>A full neuron-to-neuron weight matrix.</summary>
    Weights,
    /// <summary>The post ensemble's scaled encoders.</summary>
    Encoders,
}

/// <summary>
/// Describes a learning rule attached to a connection (<c>learningRule:</c>). The rule's delta is
/// computed as an update in step k and added to its target at the start of step k + 1 (NEF.md §7).
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.learning_rules.LearningRuleType</c>. Immutable.</remarks>
public abstract record LearningRuleType
{
    /// <summary>Creates the description.</summary>
    /// <param name="learningRate">The learning rate (≥ 0).</param>
    protected LearningRuleType(double learningRate)
    {
        LearningRate = Check.NonNegative(learningRate, GetType().Name, nameof(learningRate));
    }

    /// <summary>The learning rate η.</summary>
    public double LearningRate { get; }

    /// <summary>What the rule modifies.</summary>
    public abstract LearningTarget Modifies { get; }

    /// <summary>The attributes a probe of <c>conn.LearningRule</c> can record; the first is the default.</summary>
    public abstract IReadOnlyList<string> Probeable { get; }

    /// <summary>The size of the rule's input (its error or modulatory signal) on <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection the rule is on.</param>
    /// <returns>The input size (0 for rules without input).</returns>
    public abstract int SizeIn(Connection connection);
}
