namespace Nengo.Builder.Tests;

/// <summary>Small networks shared by the builder tests.</summary>
internal static class TestNetworks
{
    /// <summary>The squaring model of API.md, with labels.</summary>
    public static Network Squaring(int seed = 1)
    {
        var net = new Network("squaring", seed: seed);
        var val = net.Node(t => Math.Sin(2 * Math.PI * t), label: "input");
        var x = net.Ensemble(40, dimensions: 1, label: "x");
        var sq = net.Ensemble(40, dimensions: 1, label: "sq");
        net.Connect(val, x, label: "val->x");
        net.Connect(x, sq, function: v => v * v, label: "x->sq");
        net.Probe(sq, synapse: 0.03, label: "p_sq");
        return net;
    }

    /// <summary>A bit of everything: slices, index lists, passthrough nodes, neurons connections, a recurrence, a subnetwork and probes of several attributes.</summary>
    public static Network Mixed(int seed = 7)
    {
        var net = new Network("mixed", seed: seed);
        var stim = net.Node(t => new[] { Math.Sin(t), Math.Cos(t), 0.5 }, label: "stim");
        var pass = net.Node(sizeIn: 3, label: "pass");
        var a = net.Ensemble(30, 2, label: "a");
        var b = net.Ensemble(25, 1, neuronType: new LIFRate(), label: "b");
        var f = net.Node((t, x) => new[] { x[0] * 2, x[1] }, sizeIn: 2, label: "f");
        net.Connect(stim, pass, synapse: null);
        net.Connect(pass[new[] { 2, 0 }], a, synapse: null, transform: new[] { 1.0, -1.0 });
        net.Connect(pass[1], a[new[] { 1 }], transform: 0.5);
        net.Connect(a, b, (double[] x) => x[0] * x[1], label: "product");
        net.Connect(b, b, synapse: 0.1, transform: 0.9, label: "recurrent");
        net.Connect(a.Neurons[..3], b.Neurons[new[] { 3, 1, 3 }], transform: 0.01, label: "neurons");
        net.Connect(a, f, synapse: new Alpha(0.004));
        net.Connect(f, pass[new[] { 0, 0 }], synapse: 0.01);
        var sub = net.Add(new Network("sub"));
        var c = sub.Ensemble(20, 1, label: "c");
        net.Connect(b, c, transform: new double[,] { { 2.0 } });
        net.Probe(a, label: "p_a");
        net.Probe(a[1], synapse: 0.01, label: "p_a1");
        net.Probe(a.Neurons, "voltage", label: "p_v");
        net.Probe(a.Neurons[new[] { 4, 2 }], label: "p_spikes");
        net.Probe(b, "input", label: "p_in");
        net.Probe(net.Connections[3], "weights", label: "p_w");
        net.Probe(pass, sampleEvery: 0.005, label: "p_pass");
        net.Probe(c, label: "p_c");
        return net;
    }

    /// <summary>Two passthrough nodes in a loop, fed by a constant; the loop's closing connection has the given synapse.</summary>
    public static Network PassthroughLoop(SynapseArg closing)
    {
        var net = new Network("loop", seed: 3);
        var src = net.Node(1.0, label: "src");
        var a = net.Node(sizeIn: 1, label: "a");
        var b = net.Node(sizeIn: 1, label: "b");
        net.Connect(src, a, synapse: null, label: "src->a");
        net.Connect(a, b, synapse: null, label: "a->b");
        net.Connect(b, a, synapse: closing, label: "b->a");
        net.Probe(a, label: "p_a");
        return net;
    }
}
