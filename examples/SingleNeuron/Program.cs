using Nengo;
using Nengo.Plotting;

// One LIF neuron driven directly by an input current. With gain 1 and bias 0 the current reaching the
// neuron is exactly the node's value, so J is in the neuron's own units (it fires once J > 1).
const double Rest = 0.1, StepEnd = 0.5, RampEnd = 1.0, JStep = 1.5, JRampTop = 4.0;
static double Current(double t) =>
    t < Rest ? 0.0
    : t < StepEnd ? JStep
    : JStep + (JRampTop - JStep) * (t - StepEnd) / (RampEnd - StepEnd);

var lif = new LIF();
var net = new Network("single neuron", seed: 1);
var input = net.Node(Current, label: "current");
var neuron = net.Ensemble(1, dimensions: 1, neuronType: lif, encoders: new double[,] { { 1 } },
    gain: new[] { 1.0 }, bias: new[] { 0.0 }, label: "neuron");
net.Connect(input, neuron.Neurons, synapse: null);
var pVoltage = net.Probe(neuron.Neurons, "voltage");
var pSpikes = net.Probe(neuron.Neurons, "output");

using var sim = new Simulator(net);
sim.Run(RampEnd);
double[] t = sim.Trange();
double[] voltage = sim.Data[pVoltage].Column(0).ToArray();
double[] spikes = sim.Data[pSpikes].Column(0).ToArray();
double[] spikeTimes = t.Where((_, i) => spikes[i] > 0).ToArray();

// The rate formula for the constant part, against the spikes counted there. The voltage has decayed
// to ~0 during the rest, so the first spike comes one refractory period early; count ISIs instead.
var predicted = new double[1];
lif.RatesFromCurrent([JStep], predicted);
var inStep = spikeTimes.Where(s => s >= Rest && s < StepEnd).ToArray();
double measured = inStep.Length > 1 ? (inStep.Length - 1) / (inStep[^1] - inStep[0]) : 0;
Console.WriteLine($"spikes: {spikeTimes.Length} in {RampEnd:F1} s; {inStep.Length} during the step J = {JStep} ({Rest}-{StepEnd} s)");
Console.WriteLine($"step J = {JStep}: measured rate {measured:F1} Hz (from inter-spike intervals), LIF rate formula {predicted[0]:F1} Hz");

string path = args.Length > 0 ? args[0] : "single_neuron.png";
Plots.VoltageTrace(path, t, t.Select(Current).ToArray(), voltage, spikes,
    $"One LIF neuron (τ_rc = {lif.TauRc} s, τ_ref = {lif.TauRef} s): rest, step to J = {JStep}, ramp to J = {JRampTop}");
Console.WriteLine($"wrote {Path.GetFullPath(path)}");
