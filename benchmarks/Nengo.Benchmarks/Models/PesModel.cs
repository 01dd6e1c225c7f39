namespace Nengo.Benchmarks.Models;

/// <summary><c>pes</c>: pre → post learning a communication channel with PES (η = 1e-4); rmse of post − pre over the last 2 s.</summary>
internal sealed class PesModel : BenchmarkModel
{
    private Probe _post = null!, _pre = null!;
    public override string Name => "pes";
    public override double SimSeconds => 10.0;
    public override string Metric => "rmse";

    public override Network Build()
    {
        var net = new Network("pes", seed: 1);
        var u = net.Node(t => Math.Sin(2 * Math.PI * t));
        var pre = net.Ensemble(200, 1);
        var post = net.Ensemble(200, 1);
        net.Connect(u, pre);
        var conn = net.Connect(pre, post, function: (double x) => 0.0, learningRule: new PES(learningRate: 1e-4));
        net.Connect(post, conn.LearningRule!);
        net.Connect(pre, conn.LearningRule!, transform: -1.0);
        _post = net.Probe(post, synapse: 0.01);
        _pre = net.Probe(pre, synapse: 0.01);
        return net;
    }

    public override double Score(Simulator sim, double runSeconds)
    {
        var post = sim.Data[_post];
        var pre = sim.Data[_pre];
        double s = 0; int n = 0;
        for (int k = StepOf(8.0); k <= StepOf(10.0); k++) { double d = post[Row(k), 0] - pre[Row(k), 0]; s += d * d; n++; }
        return Math.Sqrt(s / n);
    }
}
