using Nengo.Networks;

namespace Nengo.Benchmarks.Models;

/// <summary><c>comm-channel</c>: 64 sinusoids → EnsembleArray A (50 × 64) → EnsembleArray B; mean per-dimension rmse over t ≥ 0.1.</summary>
internal sealed class CommChannel : BenchmarkModel
{
    private const int D = 64;
    private Probe _probe = null!;
    public override string Name => "comm-channel";
    public override double SimSeconds => 1.0;
    public override string Metric => "rmse";

    private static double U(int i, double t) => Math.Sin(2 * Math.PI * (1 + i / 8.0) * t) * 0.8;

    public override Network Build()
    {
        var net = new Network("comm-channel", seed: 1);
        var input = net.Node(t => { var u = new double[D]; for (int i = 0; i < D; i++) u[i] = U(i, t); return u; });
        var a = net.Add(new EnsembleArray(50, D, label: "A"));
        var b = net.Add(new EnsembleArray(50, D, label: "B"));
        net.Connect(input, a.Input);
        net.Connect(a.Output, b.Input);
        _probe = net.Probe(b.Output, synapse: 0.01);
        return net;
    }

    public override double Score(Simulator sim, double runSeconds)
    {
        var data = sim.Data[_probe];
        double sum = 0;
        for (int i = 0; i < D; i++)
        {
            int dim = i;
            sum += Rmse(data, i, Ideal(data.RowCount, t => U(dim, t), 0.005, 0.005, 0.01), Row(StepOf(0.1)));
        }
        return sum / D;
    }
}
