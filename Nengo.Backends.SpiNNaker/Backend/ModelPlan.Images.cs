using MathNet.Numerics.LinearAlgebra;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Mapping;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>Host-side Node evaluation helpers and the region images of ensemble cores.</summary>
internal sealed partial class ModelPlan
{
    /// <summary>A value Node's output at time <paramref name="t"/>.</summary>
    internal static double[] NodeOutput(Node node, double t)
    {
        if (node.Constant is { } c) return [.. c];
        var y = new double[node.SizeOut];
        node.Function!.Invoke(t, ReadOnlySpan<double>.Empty, y);
        return y;
    }

    /// <summary>What a connection from a value Node delivers at time <paramref name="t"/>: pre slice, function, then weights.</summary>
    internal static double[] NodeConnectionValue(Node node, Connection conn, Matrix<double>? weights, double t) =>
        ConnectionValue(conn, weights, NodeOutput(node, t));

    /// <summary>What a connection from a Node with output <paramref name="output"/> delivers: pre slice, function, then weights.</summary>
    internal static double[] ConnectionValue(Connection conn, Matrix<double>? weights, double[] output)
    {
        var x = output;
        if (conn.PreSlice is { } s) x = s.Select(i => x[i]).ToArray();
        if (conn.Function is { } f) { var mid = new double[f.SizeOut]; f.Invoke(x, mid); x = mid; }
        if (weights is null) return x;
        var r = new double[weights.RowCount];
        for (int i = 0; i < r.Length; i++) { double acc = 0; for (int j = 0; j < x.Length; j++) acc += weights[i, j] * x[j]; r[i] = acc; }
        return r;
    }

    /// <summary>The region image of one ensemble core, given the mapping's keys and the cluster's shared SDRAM.</summary>
    internal EnsembleCoreData EnsembleData(EnsembleVertex ev, MappingResult map, uint sharedIn, uint sharedSpikes, uint sema, int steps)
    {
        var p = Ensembles.Single(e => ReferenceEquals(e.Ensemble, ev.Ensemble));
        var b = p.Built;
        var s = ev.Slice;
        int d = p.Ensemble.Dimensions;
        var enc = new double[s.Neurons * d];
        var bias = new double[s.Neurons];
        var gain = new double[s.Neurons];
        for (int i = 0; i < s.Neurons; i++)
        {
            int n = s.NeuronStart + i;
            double j = b.Bias[n];
            for (int k = 0; k < d; k++) { enc[i * d + k] = b.ScaledEncoders[n, k]; j += b.ScaledEncoders[n, k] * p.DirectInput[k]; }
            bias[i] = j; gain[i] = b.Gain[n];
        }
        var cluster = p.Slices.Where(c => c.Cluster == s.Cluster).ToList();
        int firstNeuron = cluster[0].NeuronStart, total = cluster.Sum(c => c.Neurons);
        var (errorFilters, errorFilterOf) = ErrorFilters(p, map);
        var decoders = new List<double>();
        var learnt = new List<double>();
        var keys = new List<uint>();
        var learntKeys = new List<uint>();
        var pes = new List<PesEntry>();
        int row = 0;
        foreach (var o in p.Outputs)
            for (int i = 0; i < o.Weights.RowCount; i++, row++)
            {
                if (row < s.RowStart || row >= s.RowStart + s.Rows) continue;
                bool isLearnt = o.Rule is not null;
                var into = isLearnt ? learnt : decoders;
                for (int n = 0; n < total; n++) into.Add(o.Weights[i, firstNeuron + n]);
                (isLearnt ? learntKeys : keys).Add(map.Keys[(o.Net, s.Cluster)] | (uint)o.KeyIndex[i]);
                if (!isLearnt) continue;
                // Nengo: delta = -(eta dt / n) e a with a = spikes / dt filtered at unit gain, so each spike moves the
                // decoder by -eta e / n in total, the stored decoder / dt by -eta e / (n dt).
                double rate = ((PES)o.Rule!.RuleType).LearningRate / (Model.Dt * p.Ensemble.NNeurons);
                foreach (int f in errorFilterOf[o.Rule])
                    pes.Add(new PesEntry(rate, f, o.ErrorDims![i], o.ErrorDims[i] + 1, learntKeys.Count - 1));
            }
        var filters = p.Inputs.Select(inp => Filter(inp.Nets, inp.Tau, s.InputDims, map, inp.Latching)).ToList();
        return new EnsembleCoreData(Model.Dt, ((LIF)b.NeuronType).TauRc, ((LIF)b.NeuronType).TauRef, d, s.InputStart, s.InputDims, enc, bias, gain,
            ev.ClusterLengths, ev.PopulationId, [.. decoders], [.. keys], filters, false, false, sharedIn, sharedSpikes, sema, steps)
        {
            LearntDecoders = [.. learnt], LearntKeys = [.. learntKeys], ModulatoryFilters = errorFilters, Pes = pes,
        };
    }

    /// <summary>The modulatory filters of an ensemble: one per (rule, synapse, latching) group of error paths; a latching
    /// path (from an SDP receiver) gets a filter of its own because latching replaces instead of summing.</summary>
    private static (List<FilterSpec> Filters, Dictionary<LearningRule, List<int>> Of) ErrorFilters(EnsemblePlan p, MappingResult map)
    {
        var filters = new List<FilterSpec>();
        var of = new Dictionary<LearningRule, List<int>>(ReferenceEqualityComparer.Instance);
        foreach (var o in p.Outputs) if (o.Rule is { } r) of.TryAdd(r, []);
        foreach (var g in p.Errors.GroupBy(e => (e.Rule, e.Input.Tau, Net: e.Input.Latching ? e.Input.Nets[0] : -1)))
        {
            if (!of.TryGetValue(g.Key.Rule, out var list)) continue; // the rule's connection sends nothing (all-zero rows)
            list.Add(filters.Count);
            filters.Add(Filter(g.SelectMany(e => e.Input.Nets), g.Key.Tau, g.Key.Rule.SizeIn, map, g.Key.Net >= 0));
        }
        return (filters, of);
    }

    /// <summary>One input filter fed by every cluster of the given nets.</summary>
    internal static FilterSpec Filter(IEnumerable<int> nets, double? tau, int width, MappingResult map, bool latching = false)
    {
        var set = nets.ToHashSet();
        var routes = map.Keys.Where(k => set.Contains(k.Key.Net)).OrderBy(k => k.Key.Net).ThenBy(k => k.Key.Cluster)
            .Select(k => (k.Value, map.RoutingMask, map.IndexMask)).ToList();
        return new FilterSpec(tau ?? 0, width, latching, routes, IsNone: tau is null);
    }
}
