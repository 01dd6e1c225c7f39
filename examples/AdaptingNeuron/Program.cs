using Nengo;
using ScottPlot;

// Spike-rate adaptation: an AdaptiveLIF neuron and a plain LIF neuron get the same constant current.
// The AdaptiveLIF neuron has an adaptation current n, subtracted from its input (J − n), that follows
// tauN dn/dt = incN · a(t) − n with a(t) the spike train (1/dt per spike): each spike kicks n up by
// incN / tauN and n decays with time constant tauN. The neuron starts at the LIF rate and slows down
// until n ≈ incN · rate, i.e. until rate = LIF rate of (J − incN · rate). Gain 1 and bias 0 make the node's value the neuron's current J.
const double Rest = 0.1, TEnd = 1.5, J = 2.0;
var alif = new AdaptiveLIF(tauN: 0.5, incN: 0.05);
var lif = new LIF();

var net = new Network("adapting neuron", seed: 3);
var current = net.Node(t => t < Rest ? 0.0 : J, label: "current");
Ensemble Neuron(NeuronType type, string label)
{
    var ens = net.Ensemble(1, dimensions: 1, neuronType: type, encoders: new double[,] { { 1 } },
        gain: new[] { 1.0 }, bias: new[] { 0.0 }, label: label);
    net.Connect(current, ens.Neurons, synapse: null);
    return ens;
}
var adapting = Neuron(alif, "AdaptiveLIF");
var plain = Neuron(lif, "LIF");
var pVa = net.Probe(adapting.Neurons, "voltage");
var pSa = net.Probe(adapting.Neurons, "output");
var pNa = net.Probe(adapting.Neurons, "adaptation");
var pVl = net.Probe(plain.Neurons, "voltage");
var pSl = net.Probe(plain.Neurons, "output");

using var sim = new Simulator(net);
sim.Run(TEnd);
double[] t = sim.Trange();
double[] SpikeTimes(Probe p) => t.Where((_, i) => sim.Data[p][i, 0] > 0).ToArray();
double[] sa = SpikeTimes(pSa), sl = SpikeTimes(pSl);

// Instantaneous rate: 1 / inter-spike interval, placed at the later spike.
static (double[] T, double[] Rate) Instantaneous(double[] spikes) =>
    (spikes.Skip(1).ToArray(), spikes.Zip(spikes.Skip(1), (a, b) => 1 / (b - a)).ToArray());
var (ta, ra) = Instantaneous(sa);
var (tl, rl) = Instantaneous(sl);
static double MeanRate(double[] spikes, double from, double to)
{
    var s = spikes.Where(x => x >= from && x <= to).ToArray();
    return s.Length > 1 ? (s.Length - 1) / (s[^1] - s[0]) : 0;
}
var formula = new double[1];
lif.RatesFromCurrent([J], formula);
double adapted = MeanRate(sa, TEnd - 0.5, TEnd);
double nEnd = sim.Data[pNa][t.Length - 1, 0];
Console.WriteLine($"constant current J = {J} from t = {Rest} s; AdaptiveLIF(tauN = {alif.TauN} s, incN = {alif.IncN})");
Console.WriteLine($"AdaptiveLIF: initial rate {ra[0]:F1} Hz (first inter-spike interval), adapted rate {adapted:F1} Hz (last 0.5 s), " +
    $"{sa.Length} spikes; ratio adapted/initial {adapted / ra[0]:F2}");
Console.WriteLine($"LIF:         rate {MeanRate(sl, TEnd - 0.5, TEnd):F1} Hz (last 0.5 s), LIF rate formula {formula[0]:F1} Hz, {sl.Length} spikes");
Console.WriteLine($"adaptation current at the end n = {nEnd:F3} (balance incN·rate = {alif.IncN * adapted:F3})");

string path = args.Length > 0 ? args[0] : "adapting_neuron.png";
var pA = Panel($"AdaptiveLIF (tauN = {alif.TauN} s, incN = {alif.IncN}) under constant J = {J} from t = {Rest} s", "voltage");
VoltageWithSpikes(pA, t, sim.Data[pVa].Column(0).ToArray(), sa, Colors.C0);
var nLine = pA.Add.ScatterLine(t, sim.Data[pNa].Column(0).ToArray(), Colors.C3);
nLine.LineWidth = 2;
nLine.LegendText = "adaptation current n";
var pL = Panel($"LIF (τ_rc = {lif.TauRc} s, τ_ref = {lif.TauRef} s), same current", "voltage");
VoltageWithSpikes(pL, t, sim.Data[pVl].Column(0).ToArray(), sl, Colors.C1);
var pR = Panel("Instantaneous rate (1 / inter-spike interval)", "rate (Hz)");
var la = pR.Add.Scatter(ta, ra, Colors.C0);
la.LegendText = "AdaptiveLIF";
var ll = pR.Add.Scatter(tl, rl, Colors.C1);
ll.LegendText = "LIF";
var formulaLine = pR.Add.HorizontalLine(formula[0], 1, Colors.Gray, LinePattern.Dashed);
formulaLine.LegendText = "LIF rate formula";
pR.Axes.SetLimitsY(0, formula[0] * 1.25);
pR.ShowLegend(Alignment.MiddleRight);
foreach (var p in new[] { pA, pL, pR }) p.Axes.SetLimitsX(0, TEnd);
var figure = new Multiplot(pA);
figure.AddPlot(pL);
figure.AddPlot(pR);
figure.Layout = new ScottPlot.MultiplotLayouts.Rows();
figure.SavePng(path, 1000, 900);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");

static Plot Panel(string title, string yLabel)
{
    var plot = new Plot();
    plot.Title(title);
    plot.XLabel("time (s)");
    plot.YLabel(yLabel);
    plot.Layout.Fixed(new PixelPadding(left: 70, right: 20, bottom: 50, top: 40));
    return plot;
}

// The membrane voltage with a tick above the threshold (1) at every spike.
static void VoltageWithSpikes(Plot plot, double[] t, double[] voltage, double[] spikes, Color color)
{
    var v = plot.Add.ScatterLine(t, voltage, color);
    v.LineWidth = 1.2f;
    v.LegendText = "membrane voltage";
    var ticks = plot.Add.ScatterPoints(spikes, spikes.Select(_ => 1.15).ToArray(), Colors.Black);
    ticks.MarkerShape = MarkerShape.VerticalBar;
    ticks.MarkerSize = 12;
    ticks.LegendText = "spikes";
    plot.Add.HorizontalLine(1.0, 1, Colors.Gray, LinePattern.Dashed);
    // Room above the spike ticks for the legend.
    plot.Axes.SetLimitsY(-0.05, 1.75);
    plot.ShowLegend(Alignment.UpperRight);
}
