namespace Nengo;

/// <summary>
/// A container of ensembles, nodes, connections, probes and subnetworks: the model a user describes.
/// Objects are created through its factory methods (<c>Ensemble</c>, <c>Node</c>, <c>Connect</c>, <c>Probe</c>) and belong to it.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Network</c>. Defaults: see <see cref="NetworkDefaults"/>.</remarks>
public partial class Network : NengoObject
{
    private readonly List<Ensemble> _ensembles = [];
    private readonly List<Node> _nodes = [];
    private readonly List<Connection> _connections = [];
    private readonly List<Probe> _probes = [];
    private readonly List<Network> _networks = [];

    /// <summary>Creates an empty network.</summary>
    /// <param name="label">A name for messages and printing.</param>
    /// <param name="seed">The seed from which every seed inside is derived; null draws one at build time.</param>
    public Network(string? label = null, int? seed = null)
    {
        Label = label;
        Seed = seed;
    }

    /// <summary>Default parameters for objects inside this network.</summary>
    public NetworkDefaults Defaults { get; } = new();

    /// <summary>Ensembles directly in this network, in creation order.</summary>
    public IReadOnlyList<Ensemble> Ensembles => _ensembles;

    /// <summary>Nodes directly in this network.</summary>
    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>Connections directly in this network.</summary>
    public IReadOnlyList<Connection> Connections => _connections;

    /// <summary>Probes directly in this network.</summary>
    public IReadOnlyList<Probe> Probes => _probes;

    /// <summary>Subnetworks directly in this network.</summary>
    public IReadOnlyList<Network> Networks => _networks;

    /// <summary>Every ensemble at any depth.</summary>
    public IEnumerable<Ensemble> AllEnsembles => _ensembles.Concat(_networks.SelectMany(n => n.AllEnsembles));

    /// <summary>Every node at any depth.</summary>
    public IEnumerable<Node> AllNodes => _nodes.Concat(_networks.SelectMany(n => n.AllNodes));

    /// <summary>Every connection at any depth.</summary>
    public IEnumerable<Connection> AllConnections => _connections.Concat(_networks.SelectMany(n => n.AllConnections));

    /// <summary>Every probe at any depth.</summary>
    public IEnumerable<Probe> AllProbes => _probes.Concat(_networks.SelectMany(n => n.AllProbes));

    /// <summary>Every subnetwork at any depth.</summary>
    public IEnumerable<Network> AllNetworks => _networks.Concat(_networks.SelectMany(n => n.AllNetworks));

    /// <summary>The number of neurons in every ensemble at any depth.</summary>
    public int NNeurons => AllEnsembles.Sum(e => e.NNeurons);

    /// <summary>The networks enclosing this one, innermost (this) first.</summary>
    public IEnumerable<Network> SelfAndAncestors
    {
        get { for (Network? n = this; n is not null; n = n.Network) yield return n; }
    }

    /// <summary>Adds a subnetwork (e.g. a prebuilt network) and returns it with its static type.</summary>
    /// <typeparam name="T">The network type.</typeparam>
    /// <param name="subnetwork">The network to add.</param>
    /// <returns><paramref name="subnetwork"/>.</returns>
    /// <exception cref="ValidationError">When it already belongs to a network, or adding it would make a cycle.</exception>
    public T Add<T>(T subnetwork) where T : Network
    {
        ArgumentNullException.ThrowIfNull(subnetwork);
        if (subnetwork.Network is not null)
            throw new ValidationError($"{Describe}: subnetwork must not belong to another network yet, got {subnetwork.Describe}, which belongs to {subnetwork.Network.Describe}.");
        if (SelfAndAncestors.Contains(subnetwork))
            throw new ValidationError($"{Describe}: subnetwork must not be this network or one that contains it, got {subnetwork.Describe}.");
        subnetwork.Network = this;
        _networks.Add(subnetwork);
        return subnetwork;
    }

    private T Own<T>(T obj, List<T> list) where T : NengoObject
    {
        obj.Network = this;
        list.Add(obj);
        return obj;
    }
}
