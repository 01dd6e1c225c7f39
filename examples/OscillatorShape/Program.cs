using Nengo;
using Nengo.Networks;
using ScottPlot;

// A 1000-neuron oscillator drives a 100-neuron ensemble through a connection that computes
// osc_shape, reshaping the oscillator's circular orbit into a square one.
//
// osc_shape (defined here; the talk this example comes from is not available, so its own osc_shape is
// not reproduced): for the 2-D oscillator state x,
//     osc_shape(x) = Scale · ‖x‖₂ · x / ‖x‖∞      (and 0 at x = 0).
// It keeps the direction of x and stretches it so that the point at angle θ on the circle of radius r
// lands on the boundary of the square of half-side Scale·r, at the same angle. It is continuous
// (degree-1 homogeneous), so it can be decoded; Scale = 0.7 keeps the square's corners (at
// 0.7·√2·r ≈ 0.99·r) inside the receiving ensemble's unit radius.
const double Scale = 0.7;
static double[] OscShape(double[] x)
{
    double l2 = Math.Sqrt(x[0] * x[0] + x[1] * x[1]), linf = Math.Max(Math.Abs(x[0]), Math.Abs(x[1]));
    return linf == 0 ? [0.0, 0.0] : [Scale * l2 * x[0] / linf, Scale * l2 * x[1] / linf];
}

const double Hz = 1.0, TEnd = 5.0, Settle = 1.0, Tau = 0.1;
var net = new Network("oscillator shape", seed: 2);
var kick = net.Node(new Piecewise(new Dictionary<double, double[]> { [0] = [1.0, 0.0], [0.1] = [0.0, 0.0] }), label: "kick");
var osc = net.Add(new Oscillator(recurrentTau: Tau, frequency: 2 * Math.PI * Hz, nNeurons: 1000));
var shaped = net.Ensemble(100, dimensions: 2, label: "shaped");
net.Connect(kick, osc.Input);
var shapeConn = net.Connect(osc.Output, shaped, function: OscShape);
var pOsc = net.Probe(osc.Output, synapse: 0.02);
var pShaped = net.Probe(shaped, synapse: 0.02);

using var sim = new Simulator(net);
sim.Run(TEnd);
double[] t = sim.Trange();
var xs = sim.Data[pOsc];
var ys = sim.Data[pShaped];
int[] steady = Enumerable.Range(0, t.Length).Where(i => t[i] >= Settle).ToArray();

// The oscillator: radius and frequency (from upward zero crossings of x0).
double[] radius = steady.Select(i => Math.Sqrt(xs[i, 0] * xs[i, 0] + xs[i, 1] * xs[i, 1])).ToArray();
double meanR = radius.Average(), sdR = Math.Sqrt(radius.Average(r => (r - meanR) * (r - meanR)));
var crossings = steady.Skip(1).Where(i => xs[i - 1, 0] < 0 && xs[i, 0] >= 0).Select(i => t[i]).ToArray();
double freq = crossings.Length > 1 ? (crossings.Length - 1) / (crossings[^1] - crossings[0]) : double.NaN;
Console.WriteLine($"oscillator (1000 neurons, τ = {Tau} s, {Hz} Hz requested): mean radius {meanR:F3} ± {sdR:F3} (t ≥ {Settle} s), frequency {freq:F3} Hz");

// The shaped trajectory against the ideal: osc_shape of the decoded oscillator state, delayed by the
// shaping connection's synapse (0.005 s), which the oscillator probe does not see.
double[][] ideal = [new double[t.Length], new double[t.Length]];
for (int i = 0; i < t.Length; i++)
{
    var f = OscShape([xs[i, 0], xs[i, 1]]);
    ideal[0][i] = f[0];
    ideal[1][i] = f[1];
}
ideal = ideal.Select(c => Analysis.DelayedLowpass(c, 0.005, sim.Dt)).ToArray();
double rmse = Math.Sqrt(steady.Average(i => Math.Pow(ys[i, 0] - ideal[0][i], 2) + Math.Pow(ys[i, 1] - ideal[1][i], 2)));
// How square it is: ‖y‖∞ is the same at every point of a square centred on 0 (its half-side).
double[] halfSide = steady.Select(i => Math.Max(Math.Abs(ys[i, 0]), Math.Abs(ys[i, 1]))).ToArray();
double meanHalf = halfSide.Average();
double squareness = halfSide.Average(h => Math.Abs(h - meanHalf)) / meanHalf;
double[] roundRadius = steady.Select(i => Math.Sqrt(ys[i, 0] * ys[i, 0] + ys[i, 1] * ys[i, 1])).ToArray();
double meanRound = roundRadius.Average();
double roundness = roundRadius.Average(r => Math.Abs(r - meanRound)) / meanRound;
Console.WriteLine($"shaped (100 neurons): rms distance from osc_shape(oscillator) {rmse:F3} " +
    $"(decoder rmse on its eval points {sim.Data[shapeConn].SolverInfo!.Rmses.Average():F3})");
Console.WriteLine($"shaped: half-side ‖y‖∞ = {meanHalf:F3} (ideal {Scale} × mean radius = {Scale * meanR:F3}); " +
    $"mean deviation from a square {100 * squareness:F1}% vs from a circle {100 * roundness:F1}%");

// Figure: both orbits over the steady part, with the ideal circle and square dashed.
string path = args.Length > 0 ? args[0] : "oscillator_shape.png";
var plot = new Plot();
plot.Title($"Oscillator (1000 neurons, {Hz} Hz) → osc_shape(x) = {Scale}·‖x‖₂·x/‖x‖∞ (100 neurons)\n2-D trajectories for t = {Settle}-{TEnd} s");
plot.XLabel("x0");
plot.YLabel("x1");
var oscLine = plot.Add.ScatterLine(steady.Select(i => xs[i, 0]).ToArray(), steady.Select(i => xs[i, 1]).ToArray(), Colors.C0);
oscLine.LineWidth = 1.2f;
oscLine.LegendText = "oscillator x (decoded)";
var shapedLine = plot.Add.ScatterLine(steady.Select(i => ys[i, 0]).ToArray(), steady.Select(i => ys[i, 1]).ToArray(), Colors.C1);
shapedLine.LineWidth = 1.2f;
shapedLine.LegendText = "shaped ensemble y (decoded)";
// The ideal curves on top, so they stay visible.
var circle = Enumerable.Range(0, 201).Select(k => 2 * Math.PI * k / 200).ToArray();
var idealCircle = plot.Add.ScatterLine(circle.Select(a => meanR * Math.Cos(a)).ToArray(), circle.Select(a => meanR * Math.Sin(a)).ToArray(), Colors.Navy);
idealCircle.LinePattern = LinePattern.Dashed;
idealCircle.LineWidth = 1.5f;
idealCircle.LegendText = $"circle of the mean radius {meanR:F2}";
double s = Scale * meanR;
var idealSquare = plot.Add.ScatterLine(new[] { s, -s, -s, s, s }, new[] { s, s, -s, -s, s }, Colors.DarkRed);
idealSquare.LinePattern = LinePattern.Dashed;
idealSquare.LineWidth = 1.5f;
idealSquare.LegendText = $"ideal square, half-side {Scale}·{meanR:F2}";
plot.Axes.SquareUnits();
plot.Axes.SetLimits(-1.5, 1.5, -1.5, 1.5);
plot.ShowLegend(Alignment.UpperRight);
plot.SavePng(path, 850, 880);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");
