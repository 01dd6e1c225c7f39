namespace Nengo.Benchmarks.Models;

/// <summary><c>scale-K</c>: K ensembles of 1000 neurons × 16 dims in a ring; neuron-steps per second.</summary>
internal sealed class ScaleModel(int k) : BenchmarkModel
{
    private int _neurons;
    public override string Name => $"scale-{k}";
    public override double SimSeconds => 0.2;
    public override double MinSimSeconds => 0.001;
    public override string Metric => "neuron_steps_per_s";

    public override Network Build()
    {
        var net = new Network(Name, seed: 1);
        var input = net.Node(Enumerable.Repeat(0.125, 16).ToArray());
        var ens = Enumerable.Range(0, k).Select(_ => net.Ensemble(1000, 16)).ToArray();
        for (int i = 0; i < k; i++) net.Connect(ens[i], ens[(i + 1) % k], synapse: 0.005);
        net.Connect(input, ens[0]);
        _neurons = net.NNeurons;
        return net;
    }

    public override double Score(Simulator sim, double runSeconds) => _neurons * (double)sim.Steps / runSeconds;
}
