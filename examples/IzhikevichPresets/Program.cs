using Nengo;
using ScottPlot;

// Izhikevich's (2003) neuron model with Nengo's named parameter sets, side by side under the same
// current: a step from 0 to J at t = StepOn. With gain 1 and bias 0 the node's value is the model's
// input I (the "I = 10" of Izhikevich's figures). Parameters: a = tauRecovery, b = coupling,
// c = resetVoltage (mV), d = resetRecovery. The neurons start from the neuron type's initial state
// (voltage drawn from Uniform(0, 1) mV, far above rest), so each fires once in the first step and then
// relaxes towards rest before the step arrives; that first spike is not counted.
const double StepOn = 0.1, TEnd = 0.5, J = 10.0;
(string Name, Izhikevich Type)[] presets =
[
    ("regular spiking (default)", new Izhikevich()),
    ("intrinsically bursting", Izhikevich.IntrinsicallyBursting),
    ("chattering", Izhikevich.Chattering),
    ("fast spiking", Izhikevich.FastSpiking),
    ("low-threshold spiking", Izhikevich.LowThresholdSpiking),
    ("resonator", Izhikevich.Resonator),
];

var net = new Network("izhikevich presets", seed: 1);
var current = net.Node(t => t < StepOn ? 0.0 : J, label: "current");
var probes = new List<(Probe Voltage, Probe Spikes)>();
foreach (var (name, type) in presets)
{
    var ens = net.Ensemble(1, dimensions: 1, neuronType: type, encoders: new double[,] { { 1 } },
        gain: new[] { 1.0 }, bias: new[] { 0.0 }, label: name);
    net.Connect(current, ens.Neurons, synapse: null);
    probes.Add((net.Probe(ens.Neurons, "voltage"), net.Probe(ens.Neurons, "output")));
}

using var sim = new Simulator(net);
sim.Run(TEnd);
double[] t = sim.Trange();

Console.WriteLine($"input current I = {J} from t = {StepOn} s to {TEnd} s; spikes counted while it is on");
Console.WriteLine($"{"preset",-26} {"a",5} {"b",5} {"c",5} {"d",5}  spikes  first ISI (ms)  last ISI (ms)");
var panels = new List<Plot>();
for (int k = 0; k < presets.Length; k++)
{
    var (name, type) = presets[k];
    double[] voltage = sim.Data[probes[k].Voltage].Column(0).ToArray();
    double[] output = sim.Data[probes[k].Spikes].Column(0).ToArray();
    double[] spikes = t.Where((ti, i) => output[i] > 0 && ti >= StepOn).ToArray();
    double[] isi = spikes.Zip(spikes.Skip(1), (a, b) => 1000 * (b - a)).ToArray();
    Console.WriteLine($"{name,-26} {type.TauRecovery,5} {type.Coupling,5} {type.ResetVoltage,5} {type.ResetRecovery,5}  {spikes.Length,6}" +
        $"  {(isi.Length > 0 ? isi[0].ToString("F1") : "-"),13}  {(isi.Length > 0 ? isi[^1].ToString("F1") : "-"),13}");

    var plot = new Plot();
    panels.Add(plot);
    plot.Title($"{name}: {spikes.Length} spikes (a={type.TauRecovery}, b={type.Coupling}, c={type.ResetVoltage}, d={type.ResetRecovery})");
    plot.Axes.Title.Label.FontSize = 13;
    plot.XLabel("time (s)");
    plot.YLabel("voltage (mV)");
    var line = plot.Add.ScatterLine(t, voltage, Colors.C0);
    line.LineWidth = 1.2f;
    // The model resets at the 30 mV peak within a step, so the trace never shows it: mark spikes with ticks.
    var ticks = plot.Add.ScatterPoints(spikes, spikes.Select(_ => 40.0).ToArray(), Colors.Black);
    ticks.MarkerShape = MarkerShape.VerticalBar;
    ticks.MarkerSize = 10;
    var on = plot.Add.VerticalLine(StepOn, 1, Colors.Gray, LinePattern.Dashed);
    plot.Axes.SetLimits(0, TEnd, -90, 50);
}
var figure = new Multiplot(panels[0]);
foreach (var panel in panels.Skip(1)) figure.AddPlot(panel);
figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 3, columns: 2);
string path = args.Length > 0 ? args[0] : "izhikevich_presets.png";
figure.SavePng(path, 1300, 950);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");
