using MathNet.Numerics.LinearAlgebra;
using Nengo;
using ScottPlot;

// Learning a communication channel with PES (Nengo's learn_communication_channel example). A 2-D
// band-limited white signal drives `pre`; the pre → post connection starts out computing 0 and the
// PES rule adjusts its decoders to reduce error = post − pre, fed back into conn.LearningRule, until
// post follows pre. At t = InhibitAt an inhibitory node silences the error ensemble's neurons: the
// error signal goes to 0, learning stops, and the learned decoders are kept.
const double TEnd = 12.0, InhibitAt = 10.0;
const int N = 60;
var net = new Network("learn a communication channel", seed: 1);
var input = net.Node(new WhiteSignal(period: 60, high: 5), sizeOut: 2, label: "input");
var pre = net.Ensemble(N, dimensions: 2, label: "pre");
var post = net.Ensemble(N, dimensions: 2, label: "post");
var error = net.Ensemble(N, dimensions: 2, label: "error");
net.Connect(input, pre);
var pes = new PES();
var conn = net.Connect(pre, post, function: (double[] x) => new[] { 0.0, 0.0 }, learningRule: pes);
net.Connect(post, error);
net.Connect(pre, error, transform: -1);
net.Connect(error, conn.LearningRule!);
var inhibit = net.Node(t => t >= InhibitAt ? 1.0 : 0.0, label: "inhibit");
var allNeurons = new double[N, 1];
for (int i = 0; i < N; i++) allNeurons[i, 0] = -10;
net.Connect(inhibit, error.Neurons, transform: allNeurons);

var pIn = net.Probe(input);
var pPre = net.Probe(pre, synapse: 0.01);
var pPost = net.Probe(post, synapse: 0.01);
var pErr = net.Probe(error, synapse: 0.03);

using var sim = new Simulator(net);
sim.Run(TEnd);
double[] t = sim.Trange();
Matrix<double> xIn = sim.Data[pIn], xPre = sim.Data[pPre], xPost = sim.Data[pPost], xErr = sim.Data[pErr];

// RMSE of post against pre (both filtered the same way), over both dimensions.
double Rmse(double from, double to)
{
    var idx = Enumerable.Range(0, t.Length).Where(i => t[i] >= from && t[i] < to).ToArray();
    return Math.Sqrt(idx.Average(i => (Math.Pow(xPost[i, 0] - xPre[i, 0], 2) + Math.Pow(xPost[i, 1] - xPre[i, 1], 2)) / 2));
}
double rmsPre = Math.Sqrt(Enumerable.Range(0, t.Length).Average(i => (xPre[i, 0] * xPre[i, 0] + xPre[i, 1] * xPre[i, 1]) / 2));
Console.WriteLine($"PES(learningRate = {pes.LearningRate}), {N} neurons per ensemble, 2-D white signal (5 Hz), rms of pre {rmsPre:F3}");
Console.WriteLine($"rmse post − pre, first second (0-1 s):                   {Rmse(0, 1):F4}");
Console.WriteLine($"rmse post − pre, last second of learning ({InhibitAt - 1:F0}-{InhibitAt:F0} s):    {Rmse(InhibitAt - 1, InhibitAt):F4}");
Console.WriteLine($"rmse post − pre, last second ({TEnd - 1:F0}-{TEnd:F0} s, learning off): {Rmse(TEnd - 1, TEnd):F4}");
double errOn = Enumerable.Range(0, t.Length).Where(i => t[i] >= InhibitAt - 1 && t[i] < InhibitAt).Average(i => Math.Abs(xErr[i, 0]) + Math.Abs(xErr[i, 1]));
double errOff = Enumerable.Range(0, t.Length).Where(i => t[i] >= TEnd - 1).Average(i => Math.Abs(xErr[i, 0]) + Math.Abs(xErr[i, 1]));
Console.WriteLine($"mean |error| decoded from the error ensemble: {errOn:F4} before inhibition, {errOff:F4} after (silenced)");

string path = args.Length > 0 ? args[0] : "learning_communication_channel.png";
Plot Panel(string title, string yLabel)
{
    var plot = new Plot();
    plot.Title(title);
    plot.XLabel("time (s)");
    plot.YLabel(yLabel);
    plot.Layout.Fixed(new PixelPadding(left: 70, right: 170, bottom: 50, top: 40));
    var span = plot.Add.HorizontalSpan(InhibitAt, TEnd, Colors.Gray.WithAlpha(0.15));
    span.LineWidth = 0;
    span.LegendText = "learning off";
    plot.Axes.SetLimitsX(0, TEnd);
    plot.ShowLegend(Edge.Right);
    return plot;
}
void Line(Plot plot, double[] y, string label, Color color, float width = 1.5f)
{
    var line = plot.Add.ScatterLine(t, y, color);
    line.LineWidth = width;
    line.LegendText = label;
}
var panels = new List<Plot>();
for (int d = 0; d < 2; d++)
{
    var p = Panel($"Dimension {d}: input, pre and post (synapse 0.01 s)", $"x{d}");
    Line(p, xIn.Column(d).ToArray(), "input", Colors.Gray, 1);
    Line(p, xPre.Column(d).ToArray(), "pre", Colors.C0);
    Line(p, xPost.Column(d).ToArray(), "post", Colors.C1);
    panels.Add(p);
}
var pe = Panel("Error = post − pre, decoded from the error ensemble (synapse 0.03 s)", "error");
Line(pe, xErr.Column(0).ToArray(), "error x0", Colors.C2);
Line(pe, xErr.Column(1).ToArray(), "error x1", Colors.C3);
panels.Add(pe);
var figure = new Multiplot(panels[0]);
foreach (var p in panels.Skip(1)) figure.AddPlot(p);
figure.Layout = new ScottPlot.MultiplotLayouts.Rows();
figure.SavePng(path, 1400, 950);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");
