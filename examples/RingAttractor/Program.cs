using Nengo;
using ScottPlot;

// A ring attractor: N rate neurons with preferred angles θ_i = 2πi/N around a ring, connected
// neuron-to-neuron with cosine weights W_ij = (J0 + J1·cos(θ_i − θ_j)) / N: neighbours excite each
// other, the uniform J0 < 0 inhibits everyone. With a bias below the LIF threshold the silent ring is
// stable, but once a cue lights up a patch the recurrent excitation keeps a bump of activity alive
// after the cue is gone (a memory of the angle), and a cue that moves drags the bump along.
// The weights are in units of input current per Hz of presynaptic rate (gain 1, so no extra scaling).
const int N = 64;
const double J0 = -0.1, J1 = 0.25, Bias = 0.5, Tau = 0.01, CueAmplitude = 3.0, CueWidth = 8.0;
const double TEnd = 2.0;
// The cue: at 90° until 0.2 s, off until 0.6 s, sweeping 90° → 360° until 1.4 s, then off.
const double CueOff1 = 0.2, MoveStart = 0.6, MoveEnd = 1.4, StartDeg = 90, EndDeg = 360;
static double? CueDegrees(double t) =>
    t < CueOff1 ? StartDeg
    : t < MoveStart ? null
    : t < MoveEnd ? StartDeg + (EndDeg - StartDeg) * (t - MoveStart) / (MoveEnd - MoveStart)
    : null;

double[] theta = Enumerable.Range(0, N).Select(i => 2 * Math.PI * i / N).ToArray();
var w = new double[N, N];
for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) w[i, j] = (J0 + J1 * Math.Cos(theta[i] - theta[j])) / N;

double[] Cue(double t)
{
    var input = new double[N];
    if (CueDegrees(t) is not { } deg) return input;
    double phi = deg * Math.PI / 180;
    for (int i = 0; i < N; i++) input[i] = CueAmplitude * Math.Exp(CueWidth * (Math.Cos(theta[i] - phi) - 1));
    return input;
}

var net = new Network("ring attractor", seed: 1);
var cue = net.Node(Cue, label: "cue");
var ring = net.Ensemble(N, dimensions: 1, neuronType: new LIFRate(), gain: Enumerable.Repeat(1.0, N).ToArray(),
    bias: Enumerable.Repeat(Bias, N).ToArray(), label: "ring");
net.Connect(cue, ring.Neurons, synapse: null);
net.Connect(ring.Neurons, ring.Neurons, synapse: Tau, transform: w);
const double SampleEvery = 0.005;
var pRates = net.Probe(ring.Neurons, "output", sampleEvery: SampleEvery);

using var sim = new Simulator(net);
sim.Run(TEnd);
double[] t = sim.Trange(SampleEvery);
var rates = sim.Data[pRates];

// Bump position: the population vector angle, in degrees in [0, 360).
double BumpDegrees(int row)
{
    double s = 0, c = 0;
    for (int i = 0; i < N; i++) { s += rates[row, i] * Math.Sin(theta[i]); c += rates[row, i] * Math.Cos(theta[i]); }
    return s == 0 && c == 0 ? double.NaN : (Math.Atan2(s, c) * 180 / Math.PI + 360) % 360;
}
double[] bump = Enumerable.Range(0, t.Length).Select(BumpDegrees).ToArray();
int RowAt(double time) => Math.Clamp((int)Math.Round(time / SampleEvery) - 1, 0, t.Length - 1);

Console.WriteLine($"{N} LIFRate neurons on a ring, W_ij = ({J0} + {J1}·cos(θi − θj))/{N}, bias {Bias}, synapse {Tau} s");
Console.WriteLine("   t (s)  cue (°)  bump peak neuron  peak angle (°)  population vector (°)  peak rate (Hz)  active neurons");
foreach (double time in new[] { 0.19, 0.59, 0.8, 1.0, 1.2, 1.39, 2.0 })
{
    int row = RowAt(time);
    int peak = 0;
    for (int i = 1; i < N; i++) if (rates[row, i] > rates[row, peak]) peak = i;
    int active = Enumerable.Range(0, N).Count(i => rates[row, i] > 1);
    string cueText = CueDegrees(t[row]) is { } d ? $"{d % 360,7:F0}" : "    off";
    Console.WriteLine($"{t[row],8:F2}  {cueText}  {peak,16}  {theta[peak] * 180 / Math.PI,14:F1}  {bump[row],21:F1}  {rates[row, peak],14:F1}  {active,14}");
}
// How well the bump holds its place with no cue: drift over the silent windows.
double Drift(double from, double to) => ((BumpDegrees(RowAt(to)) - BumpDegrees(RowAt(from)) + 540) % 360) - 180;
Console.WriteLine($"drift with no cue: {Drift(CueOff1, MoveStart):F2}° over {CueOff1}-{MoveStart} s, " +
    $"{Drift(MoveEnd, TEnd):F2}° over {MoveEnd}-{TEnd} s");

// Figure: a heatmap of the rates (neuron index vs time) above the bump and cue angle over time.
string path = args.Length > 0 ? args[0] : "ring_attractor.png";
var heat = new double[N, t.Length];
for (int i = 0; i < N; i++)
    for (int k = 0; k < t.Length; k++) heat[N - 1 - i, k] = rates[k, i]; // row 0 is drawn at the top
var top = Panel("Ring attractor: firing rate of each neuron (cue: 90° until 0.2 s, sweep 90°→360° from 0.6 to 1.4 s)",
    "neuron (preferred angle = 360°·i/64)");
var hm = top.Add.Heatmap(heat);
hm.Colormap = new ScottPlot.Colormaps.Turbo();
hm.Extent = new CoordinateRect(t[0] - SampleEvery, t[^1], -0.5, N - 0.5);
var bar = top.Add.ColorBar(hm);
bar.Label = "rate (Hz)";
top.Axes.SetLimits(0, TEnd, -0.5, N - 0.5);

var bottom = Panel("Bump position (population vector) and cue position", "angle (°)");
AddWrapped(bottom, t, bump, "bump (population vector)", Colors.C0, 2.5f, dashed: false);
AddWrapped(bottom, t, t.Select(ti => CueDegrees(ti) is { } d ? d % 360 : double.NaN).ToArray(), "cue", Colors.Black, 2f, dashed: true);
bottom.Axes.SetLimits(0, TEnd, 0, 360);
bottom.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(90);
bottom.ShowLegend(Alignment.UpperLeft);
// The colour bar takes room on the right of the heatmap; give the lower panel the same right margin.
top.Layout.Fixed(new PixelPadding(left: 80, right: 110, bottom: 50, top: 40));
bottom.Layout.Fixed(new PixelPadding(left: 80, right: 110, bottom: 50, top: 40));
var figure = new Multiplot(top);
figure.AddPlot(bottom);
var rows = new ScottPlot.MultiplotLayouts.DraggableRows();
figure.Layout = rows;
rows.SetHeights([520, 300]);
figure.SavePng(path, 1100, 820);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");

static Plot Panel(string title, string yLabel)
{
    var plot = new Plot();
    plot.Title(title);
    plot.XLabel("time (s)");
    plot.YLabel(yLabel);
    return plot;
}

// An angle over time as line segments, broken where it wraps around 360° or is undefined (NaN).
static void AddWrapped(Plot plot, double[] t, double[] deg, string label, Color color, float width, bool dashed)
{
    bool labelled = false;
    int start = 0;
    for (int k = 1; k <= t.Length; k++)
    {
        bool breakHere = k == t.Length || double.IsNaN(deg[k]) || double.IsNaN(deg[k - 1]) || Math.Abs(deg[k] - deg[k - 1]) > 180;
        if (!breakHere) continue;
        if (k - start >= 2 && !double.IsNaN(deg[start]))
        {
            var line = plot.Add.ScatterLine(t[start..k], deg[start..k], color);
            line.LineWidth = width;
            if (dashed) line.LinePattern = LinePattern.Dashed;
            if (!labelled) { line.LegendText = label; labelled = true; }
        }
        start = k;
    }
}
