using Nengo;
using ScottPlot;

// Two rate neurons with a recurrent weight matrix W, driven along W's eigenvectors (Dayan & Abbott,
// ch. 7.4). With RectifiedLinear neurons of gain 1 and bias 0, a neuron's rate is its input current
// while that stays positive, so with a Lowpass(τ) recurrent synapse the network is
//     τ dx/dt = −x + W r,   r = x + u,
// whose steady state is r = (I − W)⁻¹ u. Along an eigenvector v_k (W v_k = λ_k v_k) that is
// u / (1 − λ_k): amplified when 0 < λ_k < 1, attenuated when λ_k < 0, reached with the time constant
// τ / (1 − λ_k). Both eigenvectors are chosen with positive entries, so the rates never go negative
// and the rectification never bites: the network really is linear. The eigenvectors are not
// orthogonal, so "the component along v_k" is the coordinate c = V⁻¹ r in the eigenbasis.
const double Tau = 0.01, Amplitude = 5.0;
double[] lambda = [0.9, -0.5];
double[][] v = [Unit(0.8, 1.0), Unit(1.0, 0.25)];
// W = V Λ V⁻¹ with V = [v1 v2] (columns).
double[,] vMat = { { v[0][0], v[1][0] }, { v[0][1], v[1][1] } };
double[,] vInv = Inverse2(vMat);
var w = new double[2, 2];
for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
        for (int k = 0; k < 2; k++) w[i, j] += vMat[i, k] * lambda[k] * vInv[k, j];

// Input: rest, A·v1, rest, A·v2, rest.
(double Start, double End, int Along)[] windows = [(0.1, 1.0, 0), (1.5, 2.4, 1)];
const double TEnd = 3.0;
double[] Input(double t)
{
    foreach (var (start, end, k) in windows)
        if (t >= start && t < end) return [Amplitude * v[k][0], Amplitude * v[k][1]];
    return [0.0, 0.0];
}

var net = new Network("linear recurrent network", seed: 1);
var u = net.Node(Input, label: "input");
var pair = net.Ensemble(2, dimensions: 1, neuronType: new RectifiedLinear(), gain: new[] { 1.0, 1.0 },
    bias: new[] { 0.0, 0.0 }, label: "two neurons");
net.Connect(u, pair.Neurons, synapse: null);
net.Connect(pair.Neurons, pair.Neurons, synapse: Tau, transform: w);
var pRates = net.Probe(pair.Neurons, "output");

using var sim = new Simulator(net);
sim.Run(TEnd);
double[] t = sim.Trange();
var rates = sim.Data[pRates];
int n = t.Length;
double[] r1 = rates.Column(0).ToArray(), r2 = rates.Column(1).ToArray();
double[] c1 = new double[n], c2 = new double[n];
for (int i = 0; i < n; i++)
{
    c1[i] = vInv[0, 0] * r1[i] + vInv[0, 1] * r2[i];
    c2[i] = vInv[1, 0] * r1[i] + vInv[1, 1] * r2[i];
}
double[][] c = [c1, c2];

Console.WriteLine($"W = [[{w[0, 0]:F3}, {w[0, 1]:F3}], [{w[1, 0]:F3}, {w[1, 1]:F3}]], eigenvalues λ1 = {lambda[0]}, λ2 = {lambda[1]}, synapse τ = {Tau} s");
Console.WriteLine($"v1 = ({v[0][0]:F3}, {v[0][1]:F3}), v2 = ({v[1][0]:F3}, {v[1][1]:F3}), input amplitude {Amplitude}");
foreach (var (start, end, k) in windows)
{
    // Steady state: the mean over the last 0.1 s of the window, as a coordinate along v_k.
    var idx = Enumerable.Range(0, n).Where(i => t[i] >= end - 0.1 && t[i] < end).ToArray();
    double along = idx.Average(i => c[k][i]) / Amplitude;
    double across = idx.Average(i => c[1 - k][i]) / Amplitude;
    double theory = 1 / (1 - lambda[k]);
    Console.WriteLine($"input along v{k + 1}: steady-state amplification {along:F4} (theory 1/(1−λ{k + 1}) = {theory:F4}), " +
        $"leak into v{2 - k} {across:+0.0000;-0.0000}, time constant τ/(1−λ{k + 1}) = {Tau * theory * 1000:F1} ms");
}

// The ideal continuous-time response of each coordinate: r = x + u, with the filtered feedback x
// approaching λA/(1 − λ) with time constant τ/(1 − λ) while the input is on and decaying after.
double[] Ideal(int k) => t.Select(ti =>
{
    double tauK = Tau / (1 - lambda[k]), value = 0;
    foreach (var (start, end, kk) in windows)
    {
        if (kk != k || ti < start) continue;
        double xTarget = lambda[k] * Amplitude / (1 - lambda[k]);
        double x = xTarget * (1 - Math.Exp(-(Math.Min(ti, end) - start) / tauK));
        value = ti < end ? x + Amplitude : x * Math.Exp(-(ti - end) / tauK);
    }
    return value;
}).ToArray();

string path = args.Length > 0 ? args[0] : "linear_recurrent_network.png";
var top = Panel("Two recurrently connected rate neurons, input A·v1 then A·v2 (shaded)", "rate (Hz)");
Line(top, t, r1, "neuron 1", Colors.C0);
Line(top, t, r2, "neuron 2", Colors.C1);
var bottom = Panel("Coordinates in the eigenbasis, c = V⁻¹ r (dashed: ideal linear response)", "coordinate");
Line(bottom, t, c1, $"c1 (along v1, λ1 = {lambda[0]})", Colors.C2);
Line(bottom, t, c2, $"c2 (along v2, λ2 = {lambda[1]})", Colors.C3);
Line(bottom, t, Ideal(0), null, Colors.Black, dashed: true);
Line(bottom, t, Ideal(1), null, Colors.Black, dashed: true);
var inputLevel = bottom.Add.HorizontalLine(Amplitude, 1, Colors.Gray, LinePattern.Dotted);
inputLevel.LegendText = "input amplitude A";
foreach (var (start, end, k) in windows)
{
    foreach (var p in new[] { top, bottom })
    {
        var span = p.Add.HorizontalSpan(start, end, Colors.Gray.WithAlpha(0.15));
        span.LineWidth = 0;
    }
    var label = bottom.Add.Text($"A·v{k + 1}: ×{1 / (1 - lambda[k]):0.###} expected", start + 0.02, Amplitude / (1 - lambda[0]) * 1.12);
    label.LabelFontSize = 13;
}
foreach (var p in new[] { top, bottom })
{
    p.Axes.SetLimitsX(0, TEnd);
    p.ShowLegend(Alignment.UpperRight);
}
bottom.Axes.SetLimitsY(-5, Amplitude / (1 - lambda[0]) * 1.25);
var figure = new Multiplot(top);
figure.AddPlot(bottom);
figure.Layout = new ScottPlot.MultiplotLayouts.Rows();
figure.SavePng(path, 900, 750);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");

static double[] Unit(double a, double b)
{
    double norm = Math.Sqrt(a * a + b * b);
    return [a / norm, b / norm];
}

static double[,] Inverse2(double[,] m)
{
    double det = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0];
    return new double[,] { { m[1, 1] / det, -m[0, 1] / det }, { -m[1, 0] / det, m[0, 0] / det } };
}

static Plot Panel(string title, string yLabel)
{
    var plot = new Plot();
    plot.Title(title);
    plot.XLabel("time (s)");
    plot.YLabel(yLabel);
    plot.Layout.Fixed(new PixelPadding(left: 70, right: 20, bottom: 50, top: 40));
    return plot;
}

static void Line(Plot plot, double[] x, double[] y, string? label, Color color, bool dashed = false)
{
    var line = plot.Add.ScatterLine(x, y, color);
    line.LineWidth = dashed ? 1.5f : 2;
    if (dashed) line.LinePattern = LinePattern.Dashed;
    if (label is not null) line.LegendText = label;
}
