namespace Nengo.Benchmarks.Models;

/// <summary><c>square</c>: sin(2πt) → Ensemble(40) → Ensemble(40) computing x²; rmse vs the filtered ideal over t ≥ 0.1.</summary>
internal sealed class Square : BenchmarkModel
{
    private Probe _probe = null!;
    public override string Name => "square";
    public override double SimSeconds => 1.0;
    public override string Metric => "rmse";

    public override Network Build()
    {
        var net = new Network("square", seed: 1);
        var u = net.Node(t => Math.Sin(2 * Math.PI * t));
        var x = net.Ensemble(40, 1);
        var sq = net.Ensemble(40, 1);
        net.Connect(u, x);
        net.Connect(x, sq, function: v => v * v);
        _probe = net.Probe(sq, synapse: 0.03);
        return net;
    }

    public override double Score(Simulator sim, double runSeconds)
    {
        var data = sim.Data[_probe];
        var ideal = Ideal(data.RowCount, t => Math.Pow(Math.Sin(2 * Math.PI * t), 2), 0.005, 0.005, 0.03);
        return Rmse(data, 0, ideal, Row(StepOf(0.1)));
    }
}
