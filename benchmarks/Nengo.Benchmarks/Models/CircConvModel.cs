using System.Text.Json;
using Nengo.Networks;

namespace Nengo.Benchmarks.Models;

/// <summary><c>circconv</c>: CircularConvolution(200, 64) of two fixed unit vectors; cosine of the mean output over [0.3, 0.5] to a ⊛ b.</summary>
internal sealed class CircConvModel : BenchmarkModel
{
    private Probe _probe = null!;
    private double[] _ideal = [];
    public override string Name => "circconv";
    public override double SimSeconds => 0.5;
    public override string Metric => "cosine";

    public override Network Build()
    {
        var (a, b) = Vectors();
        int d = a.Length;
        _ideal = new double[d];
        for (int k = 0; k < d; k++)
            for (int j = 0; j < d; j++) _ideal[k] += a[j] * b[((k - j) % d + d) % d];
        var net = new Network("circconv", seed: 1);
        var cc = net.Add(new CircularConvolution(nNeurons: 200, dimensions: d));
        net.Connect(net.Node(a), cc.InputA);
        net.Connect(net.Node(b), cc.InputB);
        _probe = net.Probe(cc.Output, synapse: 0.02);
        return net;
    }

    public override double Score(Simulator sim, double runSeconds)
    {
        var data = sim.Data[_probe];
        int from = Row(StepOf(0.3)), to = Row(StepOf(0.5));
        double dot = 0, nm = 0, ni = 0;
        for (int j = 0; j < _ideal.Length; j++)
        {
            double m = 0;
            for (int i = from; i <= to; i++) m += data[i, j];
            m /= to - from + 1;
            dot += m * _ideal[j]; nm += m * m; ni += _ideal[j] * _ideal[j];
        }
        return dot / Math.Sqrt(nm * ni);
    }

    /// <summary>The suite's fixed inputs (shared/circconv_vectors.json, copied beside the program).</summary>
    private static (double[] A, double[] B) Vectors()
    {
        string[] candidates = [Path.Combine(AppContext.BaseDirectory, "circconv_vectors.json"), Path.Combine("..", "shared", "circconv_vectors.json")];
        string path = candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("circconv_vectors.json not found (expected beside the program or in ../shared)");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        double[] Read(string key) => doc.RootElement.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return (Read("a"), Read("b"));
    }
}
