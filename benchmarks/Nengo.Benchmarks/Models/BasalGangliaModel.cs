using Nengo.Networks;

namespace Nengo.Benchmarks.Models;

/// <summary><c>basal-ganglia</c>: BasalGanglia(10) on fixed utilities; margin of channel 0 over the best other channel, t ≥ 0.3.</summary>
internal sealed class BasalGangliaModel : BenchmarkModel
{
    private static readonly double[] Utilities = [0.8, 0.4, 0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    private Probe _probe = null!;
    public override string Name => "basal-ganglia";
    public override double SimSeconds => 0.5;
    public override string Metric => "margin";

    public override Network Build()
    {
        var net = new Network("basal-ganglia", seed: 1);
        var bg = net.Add(new BasalGanglia(dimensions: 10));
        var input = net.Node(Utilities);
        net.Connect(input, bg.Input);
        _probe = net.Probe(bg.Output, synapse: 0.01);
        return net;
    }

    public override double Score(Simulator sim, double runSeconds)
    {
        var data = sim.Data[_probe];
        int from = Row(StepOf(0.3));
        double Mean(int c) { double s = 0; for (int i = from; i < data.RowCount; i++) s += data[i, c]; return s / (data.RowCount - from); }
        return Mean(0) - Enumerable.Range(1, Utilities.Length - 1).Max(Mean);
    }
}
