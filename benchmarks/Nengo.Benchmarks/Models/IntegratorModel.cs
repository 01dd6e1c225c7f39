namespace Nengo.Benchmarks.Models;

/// <summary><c>integrator</c>: Ensemble(200) with a recurrent τ = 0.1 connection, input 1 on [0.2, 0.7) × 0.1; abs_err vs 0.5.</summary>
internal sealed class IntegratorModel : BenchmarkModel
{
    private Probe _probe = null!;
    public override string Name => "integrator";
    public override double SimSeconds => 1.5;
    public override string Metric => "abs_err";

    public override Network Build()
    {
        var net = new Network("integrator", seed: 1);
        var input = net.Node(t => t >= 0.2 - 1e-9 && t < 0.7 - 1e-9 ? 1.0 : 0.0);
        var ens = net.Ensemble(200, 1);
        net.Connect(ens, ens, synapse: 0.1, transform: 1.0);
        net.Connect(input, ens, synapse: 0.1, transform: 0.1);
        _probe = net.Probe(ens, synapse: 0.01);
        return net;
    }

    public override double Score(Simulator sim, double runSeconds)
    {
        var data = sim.Data[_probe];
        double at07 = Math.Abs(data[Row(StepOf(0.7)), 0] - 0.5);
        double mean = 0; int n = 0;
        for (int s = StepOf(1.0); s <= StepOf(1.5); s++) { mean += data[Row(s), 0]; n++; }
        return Math.Max(at07, Math.Abs(mean / n - 0.5));
    }
}
