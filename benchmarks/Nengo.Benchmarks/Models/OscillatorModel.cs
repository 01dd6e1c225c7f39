namespace Nengo.Benchmarks.Models;

/// <summary><c>oscillator</c>: Ensemble(1000, 2) with a rotation recurrence at 1 Hz; amp_ratio of late over early mean radius.</summary>
internal sealed class OscillatorModel : BenchmarkModel
{
    private Probe _probe = null!;
    public override string Name => "oscillator";
    public override double SimSeconds => 2.0;
    public override string Metric => "amp_ratio";

    public override Network Build()
    {
        const double tau = 0.1, omega = 2 * Math.PI;
        var net = new Network("oscillator", seed: 1);
        var kick = net.Node(t => t < 0.1 - 1e-9 ? new[] { 1.0, 0.0 } : new[] { 0.0, 0.0 });
        var ens = net.Ensemble(1000, 2);
        net.Connect(ens, ens, synapse: tau, transform: new[,] { { 1, -omega * tau }, { omega * tau, 1 } });
        net.Connect(kick, ens, synapse: tau);
        _probe = net.Probe(ens, synapse: 0.01);
        return net;
    }

    public override double Score(Simulator sim, double runSeconds)
    {
        var data = sim.Data[_probe];
        double MeanRadius(double t0, double t1)
        {
            double s = 0; int n = 0;
            for (int k = StepOf(t0); k <= StepOf(t1); k++) { s += Math.Sqrt(data[Row(k), 0] * data[Row(k), 0] + data[Row(k), 1] * data[Row(k), 1]); n++; }
            return s / n;
        }
        return MeanRadius(1.5, 2.0) / MeanRadius(0.5, 1.0);
    }
}
