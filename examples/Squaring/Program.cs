using MathNet.Numerics.LinearAlgebra;
using Nengo;
using Nengo.Plotting;

// The squaring model of API.md: a sine wave, one ensemble representing it, a second computing x².
var net = new Network("squaring", seed: 1);
var val = net.Node(t => Math.Sin(2 * Math.PI * t), label: "input");
var x = net.Ensemble(40, dimensions: 1, label: "x");
var sq = net.Ensemble(40, dimensions: 1, label: "sq");
net.Connect(val, x);
net.Connect(x, sq, function: v => v * v);
var pX = net.Probe(x, synapse: 0.03);
var pSq = net.Probe(sq, synapse: 0.03);
var pSpikes = net.Probe(sq.Neurons); // spikes (amplitude/dt per spike)

using var sim = new Simulator(net);
sim.Run(1.0);
double[] t = sim.Trange();
Matrix<double> y = sim.Data[pSq];

// Error against the ideal x² passed through the same filters (BENCHMARKS.md `square`).
// The signal passes two connection synapses (input → x → sq, 0.005 s each) and the probe's 0.03 s.
double[] ideal = t.Select(ti => Math.Pow(Math.Sin(2 * Math.PI * ti), 2)).ToArray();
foreach (double tau in new[] { 0.005, 0.005, 0.03 }) ideal = Analysis.DelayedLowpass(ideal, tau, sim.Dt);
double se = 0; int count = 0;
for (int i = 0; i < t.Length; i++) if (t[i] >= 0.1 - 1e-9) { se += Math.Pow(y[i, 0] - ideal[i], 2); count++; }
Console.WriteLine($"square: rmse of x² vs ideal over t >= 0.1 s = {Math.Sqrt(se / count):F4} (Nengo: 0.041)");

string path = args.Length > 0 ? args[0] : "squaring.png";
Plots.DecodedWithRaster(path, "Squaring: decoded x and x² (synapse 0.03 s)", t,
    [("x", sim.Data[pX].Column(0).ToArray()), ("x²", y.Column(0).ToArray()), ("ideal x²", ideal)],
    sim.Data[pSpikes], "sq spikes");
Console.WriteLine($"wrote {Path.GetFullPath(path)}");
