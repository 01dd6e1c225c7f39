namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>The result of <see cref="Mapper.Map"/>.</summary>
/// <param name="Placements">Vertex → (chip, virtual core 1..).</param>
/// <param name="Keys">(net, cluster) → base key (index field zero).</param>
/// <param name="RoutingMask">Mask covering user, cluster and connection id (everything but the index).</param>
/// <param name="IndexMask">The index (dimension) field.</param>
/// <param name="Tables">Per chip, the minimised table in priority order.</param>
/// <param name="RawTables">Per chip, the table before minimisation.</param>
public sealed record MappingResult(IReadOnlyDictionary<int, (Chip Chip, int Core)> Placements, IReadOnlyDictionary<(int Net, int Cluster), uint> Keys,
    uint RoutingMask, uint IndexMask, IReadOnlyDictionary<Chip, List<RoutingEntry>> Tables, IReadOnlyDictionary<Chip, List<RoutingEntry>> RawTables);
