namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>
/// What mapping places and routes: vertices (one core each; vertices sharing a <c>Group</c> must share a chip, as the
/// cores of an ensemble cluster do) and nets (one signal: its source vertices with their cluster number, its sink
/// vertices, its width in packets per tick).
/// </summary>
public sealed class Netlist
{
    /// <summary>Vertices: (name, group or -1).</summary>
    public List<(string Name, int Group)> Vertices { get; } = [];

    /// <summary>Nets: sources (vertex, cluster), sinks (vertex), width.</summary>
    public List<(List<(int Vertex, int Cluster)> Sources, List<int> Sinks, int Width)> Nets { get; } = [];

    /// <summary>Adds a vertex.</summary>
    /// <param name="name">Name.</param>
    /// <param name="group">Same-chip group, or -1.</param>
    /// <returns>Its index.</returns>
    public int AddVertex(string name, int group = -1) { Vertices.Add((name, group)); return Vertices.Count - 1; }

    /// <summary>Adds a net.</summary>
    /// <param name="sources">Source vertices with their cluster.</param>
    /// <param name="sinks">Sink vertices.</param>
    /// <param name="width">Dimensions.</param>
    /// <returns>Its index (the connection id).</returns>
    public int AddNet(IEnumerable<(int Vertex, int Cluster)> sources, IEnumerable<int> sinks, int width)
    {
        Nets.Add((sources.ToList(), sinks.Distinct().ToList(), width));
        return Nets.Count - 1;
    }
}
