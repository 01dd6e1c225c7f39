using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Networks.Tests;

public sealed class ScratchSeeds
{
    [Test]
    public void Sweep([Range(10, 17)] int seed)
    {
        {
            var net = new Network("bg", seed: seed);
            var u = net.Node(new[] { 0.8, 0.4, 0.3, 0.2 });
            var bg = net.Add(new BasalGanglia(dimensions: 4));
            var thal = net.Add(new Thalamus(4));
            net.Connect(u, bg.Input, synapse: null);
            net.Connect(bg.Output, thal.Input);
            var p = net.Probe(bg.Output, synapse: 0.01);
            var pt = net.Probe(thal.Output, synapse: 0.01);
            using var sim = new Simulator(net);
            sim.Run(0.5);
            var mean = Util.MeanOver(sim.Data[p], 0.3, 0.5);
            var th = Util.MeanOver(sim.Data[pt], 0.3, 0.5);
            TestContext.Out.WriteLine($"seed {seed} BG {string.Join(", ", mean.Select(v => v.ToString("F3")))} margin {mean[0] - mean.Skip(1).Max():F3} thal {string.Join(", ", th.Select(v => v.ToString("F3")))}");
        }
        {
            var net = new Network("gated", seed: seed);
            double[] first = [0.5, -0.3], second = [-0.4, 0.6];
            var input = net.Node(t => t < 0.6 ? first : second);
            var gate = net.Node(t => t >= 0.5 && t < 1.0 ? 1.0 : 0.0);
            var reset = net.Node(t => t >= 1.5 ? 1.0 : 0.0);
            var mem = net.Add(new InputGatedMemory(60, 2));
            net.Connect(input, mem.Input);
            net.Connect(gate, mem.Gate);
            net.Connect(reset, mem.Reset);
            var p = net.Probe(mem.Output, synapse: 0.01);
            using var sim = new Simulator(net);
            sim.Run(1.8);
            string S(double[] v) => string.Join(", ", v.Select(x => x.ToString("F3")));
            TestContext.Out.WriteLine($"seed {seed} IGM tracked {S(Util.MeanOver(sim.Data[p], 0.45, 0.5))} held {S(Util.MeanOver(sim.Data[p], 0.9, 1.0))} upd {S(Util.MeanOver(sim.Data[p], 1.4, 1.5))} reset {S(Util.MeanOver(sim.Data[p], 1.7, 1.8))}");
        }
        {
            var net = new Network("product", seed: seed);
            double[] a = [0.5, -0.3, 0.9], b = [-0.7, 0.8, 0.6];
            var na = net.Node(a); var nb = net.Node(b);
            var prod = net.Add(new Product(100, 3));
            net.Connect(na, prod.InputA); net.Connect(nb, prod.InputB);
            var p = net.Probe(prod.Output, synapse: 0.03);
            using var sim = new Simulator(net);
            sim.Run(0.4);
            var mean = Util.MeanOver(sim.Data[p], 0.25, 0.4);
            TestContext.Out.WriteLine($"seed {seed} product {string.Join(", ", mean.Select(v => v.ToString("F3")))} err {mean.Zip(a.Zip(b, (x, y) => x * y), (m, e) => Math.Abs(m - e)).Max():F3}");
        }
        {
            var net = new Network("oscillator", seed: seed);
            var kick = net.Node(t => t < 0.1 ? new[] { 1.0, 0.0 } : new[] { 0.0, 0.0 });
            var osc = net.Add(new Oscillator(0.1, 4 * Math.PI, 400));
            net.Connect(kick, osc.Input);
            var p = net.Probe(osc.Output, synapse: 0.03);
            using var sim = new Simulator(net);
            sim.Run(2.0);
            var x0 = sim.Data[p].ColumnArray(0);
            var crossings = new List<double>(); int sign = 0;
            for (int i = Util.Row(0.5); i < x0.Length; i++)
            {
                int s = x0[i] > 0.05 ? 1 : x0[i] < -0.05 ? -1 : 0;
                if (s == 0) continue;
                if (sign != 0 && s != sign) crossings.Add((i + 1) * 0.001);
                sign = s;
            }
            TestContext.Out.WriteLine($"seed {seed} osc crossings {crossings.Count} f {(crossings.Count - 1) / (2 * (crossings[^1] - crossings[0])):F3}");
        }
    }
}
