using Nengo;
using Nengo.Networks;
using ScottPlot;

// Action selection with the basal ganglia and thalamus (Gurney, Prescott & Redgrave 2001; Nengo's
// basal_ganglia and thalamus examples). Four actions have utilities that change every 0.3 s. The
// basal ganglia output releases the best action from inhibition (its output goes to ~0) and keeps
// inhibiting the others (negative output); the thalamus, inhibited by that output and biased on,
// turns it into a clean one-hot choice.
const int Actions = 4;
const double Window = 0.3;
double[][] utilities =
[
    [0.8, 0.4, 0.3, 0.2],
    [0.3, 0.8, 0.4, 0.2],
    [0.2, 0.5, 0.9, 0.4],
    [0.4, 0.3, 0.5, 0.7],
    [0.9, 0.2, 0.3, 0.6],
];
double tEnd = Window * utilities.Length;
var schedule = new Dictionary<double, double[]>();
for (int w = 0; w < utilities.Length; w++) schedule[w * Window] = utilities[w];

var net = new Network("action selection", seed: 1);
var input = net.Node(new Piecewise(schedule), label: "utilities");
var bg = net.Add(new BasalGanglia(dimensions: Actions));
var thal = net.Add(new Thalamus(dimensions: Actions));
net.Connect(input, bg.Input);
net.Connect(bg.Output, thal.Input);
var pIn = net.Probe(input);
var pBg = net.Probe(bg.Output, synapse: 0.01);
var pThal = net.Probe(thal.Output, synapse: 0.01);

using var sim = new Simulator(net);
sim.Run(tEnd);
double[] t = sim.Trange();
var bgOut = sim.Data[pBg];
var thalOut = sim.Data[pThal];

// Each window is judged on its second half, after the switch has settled.
static int ArgMax(double[] x) => Array.IndexOf(x, x.Max());
static double RunnerUp(double[] x) => x.OrderByDescending(v => v).Skip(1).First();
Console.WriteLine($"{bg.AllEnsembles.Sum(e => e.NNeurons)} basal ganglia neurons, {thal.AllEnsembles.Sum(e => e.NNeurons)} thalamus neurons, {Actions} actions");
Console.WriteLine("window (s)   utilities            best  BG picks  BG margin  thalamus picks  thalamus winner  margin  switch time (ms)");
int correct = 0;
for (int w = 0; w < utilities.Length; w++)
{
    double start = w * Window, end = start + Window;
    var late = Enumerable.Range(0, t.Length).Where(i => t[i] >= start + Window / 2 && t[i] < end).ToArray();
    double[] MeanOf(MathNet.Numerics.LinearAlgebra.Matrix<double> m) =>
        Enumerable.Range(0, Actions).Select(a => late.Average(i => m[i, a])).ToArray();
    double[] bgMean = MeanOf(bgOut), thalMean = MeanOf(thalOut);
    int best = ArgMax(utilities[w]), bgPick = ArgMax(bgMean), thalPick = ArgMax(thalMean);
    if (bgPick == best && thalPick == best) correct++;
    // Switch time: from the window start until the thalamus output of the new winner leads all others
    // for good (to the end of the window).
    int lastBehind = -1;
    for (int i = 0; i < t.Length; i++)
    {
        if (t[i] < start || t[i] >= end) continue;
        bool leads = Enumerable.Range(0, Actions).All(a => a == best || thalOut[i, best] > thalOut[i, a]);
        if (!leads) lastBehind = i;
    }
    double switchMs = lastBehind < 0 ? 0 : (t[lastBehind] - start) * 1000;
    Console.WriteLine($"{start:F1}-{end:F1}    [{string.Join(", ", utilities[w].Select(u => u.ToString("F1")))}]  {best,4}  {bgPick,8}  {bgMean[bgPick] - RunnerUp(bgMean),9:F3}" +
        $"  {thalPick,14}  {thalMean[thalPick],15:F3}  {thalMean[thalPick] - RunnerUp(thalMean),6:F3}  {switchMs,16:F0}");
}
Console.WriteLine($"correct selections: {correct} of {utilities.Length} windows");

string path = args.Length > 0 ? args[0] : "action_selection.png";
var panels = new[]
{
    Panel("Utilities (input to the basal ganglia)", "utility", sim.Data[pIn]),
    Panel("Basal ganglia output (≈0: released, negative: inhibited)", "BG output", bgOut),
    Panel("Thalamus output (the selected action)", "thalamus output", thalOut),
};
Plot Panel(string title, string yLabel, MathNet.Numerics.LinearAlgebra.Matrix<double> data)
{
    var plot = new Plot();
    plot.Title(title);
    plot.XLabel("time (s)");
    plot.YLabel(yLabel);
    plot.Layout.Fixed(new PixelPadding(left: 75, right: 130, bottom: 50, top: 40));
    for (int a = 0; a < Actions; a++)
    {
        var line = plot.Add.ScatterLine(t, data.Column(a).ToArray(), plot.Add.Palette.GetColor(a));
        line.LineWidth = 2;
        line.LegendText = $"action {a}";
    }
    for (int w = 1; w < utilities.Length; w++) plot.Add.VerticalLine(w * Window, 1, Colors.Gray, LinePattern.Dashed);
    plot.Axes.SetLimitsX(0, tEnd);
    plot.ShowLegend(Edge.Right);
    return plot;
}
var figure = new Multiplot(panels[0]);
figure.AddPlot(panels[1]);
figure.AddPlot(panels[2]);
figure.Layout = new ScottPlot.MultiplotLayouts.Rows();
figure.SavePng(path, 1000, 900);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");
