namespace Nengo;

/// <summary>
/// A synapse argument: <c>0.03</c> (a Lowpass of that time constant), any <see cref="Synapse"/>,
/// <c>null</c> for no filter and no delay, or left out (<c>default</c>) for "use the default".
/// </summary>
public readonly struct SynapseArg
{
    private readonly Synapse? _synapse;
    private readonly bool _isSet;

    private SynapseArg(Synapse? synapse) { _synapse = synapse; _isSet = true; }

    /// <summary>True when the user gave a value (a synapse or an explicit null).</summary>
    public bool IsSet => _isSet;

    /// <summary>The synapse, or null for "no synapse". Only meaningful when <see cref="IsSet"/>.</summary>
    public Synapse? Value => _synapse;

    /// <summary>An explicit "no synapse" (no filtering, no delay).</summary>
    public static SynapseArg None => new(null);

    /// <summary>A Lowpass synapse with the given time constant.</summary>
    /// <param name="tau">Time constant in seconds.</param>
    public static implicit operator SynapseArg(double tau) => new(new Lowpass(tau));

    /// <summary>The given synapse; <c>null</c> means no synapse.</summary>
    /// <param name="synapse">The synapse.</param>
    public static implicit operator SynapseArg(Synapse? synapse) => new(synapse);

    /// <inheritdoc />
    public override string ToString() => !_isSet ? "default" : _synapse?.ToString() ?? "None";
}
