namespace Nengo;

/// <summary>An object that belongs to a <see cref="Network"/>: an ensemble, node, connection, probe or subnetwork.</summary>
public abstract class NengoObject
{
    /// <summary>A name for messages and printing; optional.</summary>
    public string? Label { get; set; }

    /// <summary>An explicit seed; when null, a seed is drawn from the enclosing network's generator at build time.</summary>
    public int? Seed { get; set; }

    /// <summary>The network this object was added to (null for a top-level network).</summary>
    public Network? Network { get; internal set; }

    /// <summary>How messages name this object, e.g. <c>Ensemble 'x'</c>.</summary>
    public virtual string Describe => Label is null ? $"{GetType().Name} (unlabeled)" : $"{GetType().Name} '{Label}'";

    /// <inheritdoc />
    public override string ToString() => Describe;
}

/// <summary>Something a connection can start from or end at: an ensemble, node, neurons, a slice of one, or a learning rule.</summary>
public interface IConnectable
{
    /// <summary>The number of dimensions it accepts (0 if it takes no input).</summary>
    int SizeIn { get; }

    /// <summary>The number of dimensions it outputs (0 if it has no output).</summary>
    int SizeOut { get; }

    /// <summary>How messages name it.</summary>
    string Describe { get; }
}

/// <summary>Something a probe can record from.</summary>
public interface IProbeable
{
    /// <summary>The attributes that can be probed; the first is the default.</summary>
    IReadOnlyList<string> ProbeableAttributes { get; }

    /// <summary>How messages name it.</summary>
    string Describe { get; }
}
