namespace Nengo;

/// <summary>
/// Default parameters for the objects inside a network (and its subnetworks). A parameter not given
/// when an object is created is resolved when the model is built: from the nearest enclosing network
/// (the object's own, then its parents) that sets it here, else the library default.
/// </summary>
/// <remarks>
/// Deviation from Nengo, on purpose: Nengo resolves defaults from the <c>with</c> config context at the
/// moment an object is created; in C# the natural scope is membership, so NengoSharp resolves them from
/// the networks that contain the object, at build time. Setting a default after creating objects
/// therefore still affects them.
/// </remarks>
public sealed class NetworkDefaults
{
    /// <summary>Defaults for ensembles.</summary>
    public EnsembleDefaults Ensemble { get; } = new();

    /// <summary>Defaults for connections.</summary>
    public ConnectionDefaults Connection { get; } = new();

    /// <summary>Defaults for probes.</summary>
    public ProbeDefaults Probe { get; } = new();
}

/// <summary>Ensemble parameters a network can set for everything inside it; null means "not set here".</summary>
public sealed class EnsembleDefaults
{
    /// <summary>Representational radius.</summary>
    public double? Radius { get; set; }

    /// <summary>Neuron model.</summary>
    public NeuronType? NeuronType { get; set; }

    /// <summary>Max firing rates.</summary>
    public Distribution? MaxRates { get; set; }

    /// <summary>Intercepts.</summary>
    public Distribution? Intercepts { get; set; }

    /// <summary>Encoders.</summary>
    public Distribution? Encoders { get; set; }

    /// <summary>Eval points.</summary>
    public Distribution? EvalPoints { get; set; }

    /// <summary>Number of eval points.</summary>
    public int? NEvalPoints { get; set; }

    /// <summary>Whether encoders are normalised.</summary>
    public bool? NormalizeEncoders { get; set; }
}

/// <summary>Connection parameters a network can set for everything inside it.</summary>
public sealed class ConnectionDefaults
{
    /// <summary>Synapse (not set: Lowpass(0.005); set to null for none).</summary>
    public SynapseArg Synapse { get; set; }

    /// <summary>Solver (null: LstsqL2()). Also used by decoded-output probes.</summary>
    public Solver? Solver { get; set; }
}

/// <summary>Probe parameters a network can set for everything inside it.</summary>
public sealed class ProbeDefaults
{
    /// <summary>Synapse (not set: none).</summary>
    public SynapseArg Synapse { get; set; }

    /// <summary>Solver for decoded-output probes (null: the connection default).</summary>
    public Solver? Solver { get; set; }
}
