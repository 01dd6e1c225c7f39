namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>One ensemble core's share: a neuron range, the input dimensions it filters and the output rows it decodes.</summary>
/// <param name="Cluster">Cluster index (all cores of a cluster share one chip).</param>
/// <param name="NeuronStart">First neuron.</param>
/// <param name="Neurons">Neurons.</param>
/// <param name="InputStart">First input dimension filtered.</param>
/// <param name="InputDims">Input dimensions filtered.</param>
/// <param name="RowStart">First output row decoded.</param>
/// <param name="Rows">Output rows decoded.</param>
public sealed record CoreSlice(int Cluster, int NeuronStart, int Neurons, int InputStart, int InputDims, int RowStart, int Rows);
