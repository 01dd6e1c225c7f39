using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>Paths through passthrough Nodes, multiplied out into one matrix each, and the small matrix helpers they use.</summary>
internal sealed partial class ModelPlan
{
    private static Matrix<double> Identity(int n) => Matrix<double>.Build.DenseIdentity(n);

    /// <summary>Scatter matrix of a connection's post slice: target dims × connection size_out (repeated indices sum).</summary>
    private static Matrix<double> PostScatter(Connection c, int targetDims)
    {
        var m = Matrix<double>.Build.Dense(targetDims, c.SizeOut);
        for (int i = 0; i < c.SizeOut; i++) m[c.PostSlice is { } s ? s[i] : i, i] += 1;
        return m;
    }

    /// <summary>Selection matrix of a slice of a <paramref name="full"/>-dimensional value.</summary>
    private static Matrix<double> Select(IReadOnlyList<int>? slice, int full)
    {
        if (slice is null) return Identity(full);
        var m = Matrix<double>.Build.Dense(slice.Count, full);
        for (int i = 0; i < slice.Count; i++) m[i, slice[i]] = 1;
        return m;
    }

    private static int Dims(object target) => target switch
    {
        Ensemble e => e.Dimensions,
        ProbeSink ps => ps.SizeIn,
        Node n => n.SizeIn,
        LearningRule lr => lr.SizeIn,
        _ => throw new InvalidOperationException($"no dimensions for {target}"),
    };

    /// <summary>Every path from an ensemble or a Node to an ensemble, a probe sink, a probed passthrough Node, a host Node
    /// or a learning rule (passthrough Nodes multiplied out, SPINNAKER.md §4.1); at most one synapse along each path.</summary>
    private List<Route> Routes()
    {
        var routes = new List<Route>();
        var probed = Model.Probes.Select(p => p.Probe.Target is ObjView v ? v.Target : (object)p.Probe.Target).OfType<Node>().ToHashSet(ReferenceEqualityComparer.Instance);
        void Walk(Connection first, Matrix<double> map, double? tau, object target, int depth)
        {
            if (depth > 32) throw Unsupported($"loops through passthrough Nodes ({first.Describe})");
            if (target is not Node { IsPassthrough: true } p) { routes.Add(new Route(first, map, tau, target)); return; }
            if (probed.Contains(p)) routes.Add(new Route(first, map, tau, p));
            foreach (var c in Model.Connections.Keys.Where(c => ReferenceEquals(c.PreObject, p)))
            {
                double? t2 = Tau(ConnectionSynapse(c), c.Describe);
                if (tau is not null && t2 is not null)
                    throw Unsupported($"two synapses in series through passthrough {p.Describe} ({first.Describe}, then {c.Describe}): a core input has one filter per path");
                var t = Model.Connections[c].Weights ?? Identity(c.SizeIn);
                Walk(first, PostScatter(c, Dims(c.PostObject)) * t * Select(c.PreSlice, p.SizeOut) * map, tau ?? t2, c.PostObject, depth + 1);
            }
        }
        foreach (var c in Model.Connections.Keys)
        {
            if (c.PreObject is Node { IsPassthrough: true }) continue;
            Walk(c, PostScatter(c, Dims(c.PostObject)), Tau(ConnectionSynapse(c), c.Describe), c.PostObject, 0);
        }
        return routes;
    }

    private static int[] NonZeroRows(Matrix<double> m) =>
        Enumerable.Range(0, m.RowCount).Where(i => Enumerable.Range(0, m.ColumnCount).Any(j => m[i, j] != 0)).ToArray();

    private static Matrix<double> Rows(Matrix<double> m, int[] rows)
    {
        var r = Matrix<double>.Build.Dense(rows.Length, m.ColumnCount);
        for (int i = 0; i < rows.Length; i++) r.SetRow(i, m.Row(rows[i]));
        return r;
    }
}
