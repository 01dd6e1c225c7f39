using Nengo;
using Nengo.Plotting;

// A 15-neuron ensemble representing a scalar, with Nengo's default LIF neurons, max rates
// Uniform(200, 400) Hz and intercepts Uniform(−1, 0.9). Nothing needs to run: tuning curves
// come from the gains, biases and encoders the builder chose.
var net = new Network("tuning curves", seed: 1);
var ens = net.Ensemble(15, dimensions: 1, label: "x");

using var sim = new Simulator(net);
var built = sim.Data[ens];
var curves = Analysis.TuningCurves(ens, sim);

Console.WriteLine("neuron  encoder  intercept  max rate (Hz)");
for (int i = 0; i < ens.NNeurons; i++)
    Console.WriteLine($"{i,6}  {built.Encoders[i, 0],7:+0;-0}  {built.Intercepts[i],9:F3}  {built.MaxRates[i],13:F1}");

string path = args.Length > 0 ? args[0] : "tuning_curves.png";
Plots.TuningCurves(path, curves, $"Tuning curves of {ens.NNeurons} LIF neurons representing x (radius {built.Radius})");
Console.WriteLine($"wrote {Path.GetFullPath(path)}");
