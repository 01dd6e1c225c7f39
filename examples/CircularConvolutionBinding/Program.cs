using Nengo;
using Nengo.Networks;
using ScottPlot;

// Binding with circular convolution, the operation of semantic pointers / holographic reduced
// representations: c = a ⊛ b, c_i = Σ_j a_j b_(i−j mod d). The network computes it in the Fourier
// domain with a Product network (one 2-neuron-ensemble pair per real or imaginary part). Here a is
// fixed and b switches halfway, so the output should move from a ⊛ b1 to a ⊛ b2; it is compared by
// cosine similarity with both and with unrelated random vectors, which in d dimensions sit near 0
// (±1/√d).
const int D = 32, NeuronsPerProduct = 200;
const double Switch = 0.5, TEnd = 1.0;
var rng = new Random(4);
double[] a = RandomUnit(D, rng), b1 = RandomUnit(D, rng), b2 = RandomUnit(D, rng);
double[] ab1 = CircConv(a, b1), ab2 = CircConv(a, b2);
double[][] unrelated = [RandomUnit(D, rng), RandomUnit(D, rng), RandomUnit(D, rng)];

var net = new Network("circular convolution", seed: 1);
var inA = net.Node(a, label: "a");
var inB = net.Node(t => t < Switch ? b1 : b2, label: "b");
var cconv = net.Add(new CircularConvolution(nNeurons: NeuronsPerProduct, dimensions: D));
net.Connect(inA, cconv.InputA);
net.Connect(inB, cconv.InputB);
var pOut = net.Probe(cconv.Output, synapse: 0.03);

using var sim = new Simulator(net);
sim.Run(TEnd);
double[] t = sim.Trange();
var output = sim.Data[pOut];
double[] Similarity(double[] v) =>
    Enumerable.Range(0, t.Length).Select(i => Cosine(output.Row(i).ToArray(), v)).ToArray();
double[] s1 = Similarity(ab1), s2 = Similarity(ab2), sA = Similarity(a), sB1 = Similarity(b1);
double[][] sU = unrelated.Select(Similarity).ToArray();

double MeanOver(double[] s, double from, double to) =>
    Enumerable.Range(0, t.Length).Where(i => t[i] >= from && t[i] < to).Average(i => s[i]);
double NormRatio(double[] ideal, double from, double to) =>
    Enumerable.Range(0, t.Length).Where(i => t[i] >= from && t[i] < to)
        .Average(i => output.Row(i).L2Norm()) / Math.Sqrt(ideal.Sum(x => x * x));
int neurons = cconv.AllEnsembles.Sum(e => e.NNeurons);
Console.WriteLine($"d = {D}, {CircularConvolution.ProductDimensions(D)} products, {neurons} neurons; unrelated vectors: 1/√d = {1 / Math.Sqrt(D):F3}");
Console.WriteLine($"a ⊛ b1 (t = {Switch - 0.2:F1}-{Switch:F1} s): similarity {MeanOver(s1, Switch - 0.2, Switch):F3}, " +
    $"to a ⊛ b2 {MeanOver(s2, Switch - 0.2, Switch):+0.000;-0.000} (ideal {Cosine(ab1, ab2):+0.000;-0.000}), norm |out|/|a⊛b1| = {NormRatio(ab1, Switch - 0.2, Switch):F3}");
Console.WriteLine($"a ⊛ b2 (t = {TEnd - 0.2:F1}-{TEnd:F1} s): final similarity {MeanOver(s2, TEnd - 0.2, TEnd):F3}, " +
    $"to a ⊛ b1 {MeanOver(s1, TEnd - 0.2, TEnd):+0.000;-0.000} (ideal {Cosine(ab1, ab2):+0.000;-0.000}), norm |out|/|a⊛b2| = {NormRatio(ab2, TEnd - 0.2, TEnd):F3}");
// An unrelated vector's similarity to the decoded output should be what it is to the ideal a ⊛ b2.
(string Name, double[] V, double[] S)[] others = [("a", a, sA), ("b1", b1, sB1), .. unrelated.Select((u, k) => ($"random {k + 1}", u, sU[k]))];
Console.WriteLine("unrelated vectors over the last 0.2 s: " + string.Join(", ",
    others.Select(o => $"{o.Name} {MeanOver(o.S, TEnd - 0.2, TEnd):+0.000;-0.000} (ideal {Cosine(ab2, o.V):+0.000;-0.000})")));
double worst = others.Max(o => Math.Abs(MeanOver(o.S, TEnd - 0.2, TEnd) - Cosine(ab2, o.V)));
Console.WriteLine($"largest difference from the ideal's similarity: {worst:F3}");

string path = args.Length > 0 ? args[0] : "circular_convolution.png";
var plot = new Plot();
plot.Title($"Circular convolution in {D} dimensions ({neurons} LIF neurons): b switches from b1 to b2 at t = {Switch} s");
plot.XLabel("time (s)");
plot.YLabel("cosine similarity of the decoded output");
void Line(double[] s, string? label, Color color, float width = 2.5f, LinePattern? pattern = null)
{
    var line = plot.Add.ScatterLine(t, s, color);
    line.LineWidth = width;
    if (pattern is { } p) line.LinePattern = p;
    if (label is not null) line.LegendText = label;
}
Line(s1, "ideal a ⊛ b1", Colors.C0);
Line(s2, "ideal a ⊛ b2", Colors.C1);
Line(sA, "a (an input)", Colors.C2, 1.5f, LinePattern.Dashed);
Line(sB1, "b1 (an input)", Colors.C4, 1.5f, LinePattern.Dashed);
for (int k = 0; k < sU.Length; k++) Line(sU[k], k == 0 ? "random vectors" : null, Colors.Gray, 1.2f, LinePattern.Dotted);
plot.Add.VerticalLine(Switch, 1, Colors.Black, LinePattern.Dashed);
plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.4));
plot.Axes.SetLimits(0, TEnd, -0.5, 1.05);
plot.ShowLegend(Alignment.MiddleRight);
plot.SavePng(path, 1000, 550);
Console.WriteLine($"wrote {Path.GetFullPath(path)}");

static double[] RandomUnit(int d, Random rng)
{
    var v = new double[d];
    for (int i = 0; i < d; i++)
    {
        // Box–Muller: a standard normal sample, so the direction is uniform on the sphere.
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        v[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
    double norm = Math.Sqrt(v.Sum(x => x * x));
    return v.Select(x => x / norm).ToArray();
}

static double[] CircConv(double[] x, double[] y)
{
    int d = x.Length;
    var c = new double[d];
    for (int i = 0; i < d; i++)
        for (int j = 0; j < d; j++) c[i] += x[j] * y[((i - j) % d + d) % d];
    return c;
}

static double Cosine(double[] x, double[] y)
{
    double dot = 0, nx = 0, ny = 0;
    for (int i = 0; i < x.Length; i++) { dot += x[i] * y[i]; nx += x[i] * x[i]; ny += y[i] * y[i]; }
    return nx == 0 || ny == 0 ? 0 : dot / Math.Sqrt(nx * ny);
}
