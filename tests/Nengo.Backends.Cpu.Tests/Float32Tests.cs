using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>
/// The float32 CPU path against the float64 reference: signals really are float32, spike counts and decoded
/// values agree within what float32 rounding can move, and bad precisions are rejected.
/// </summary>
public sealed class Float32Tests
{
    private static (Network Net, Probe Decoded, Probe Spikes, Probe Input) Channel()
    {
        var net = new Network("channel", seed: 5);
        var input = net.Node(t => new[] { Math.Sin(2 * Math.PI * t), Math.Cos(2 * Math.PI * t) }, label: "input");
        var a = net.Ensemble(300, 2, label: "a");
        var b = net.Ensemble(300, 2, label: "b");
        net.Connect(input, a);
        net.Connect(a, b);
        return (net, net.Probe(b, synapse: 0.01), net.Probe(a.Neurons), net.Probe(input));
    }

    private static (double[,] Decoded, double[,] Spikes, double[,] Input) Run(CpuPrecision precision)
    {
        var (net, decoded, spikes, input) = Channel();
        using var sim = new Simulator(net, backend: new CpuBackend(threads: 1, precision: precision));
        sim.Run(1.0);
        return (sim.Data[decoded].ToArray(), sim.Data[spikes].ToArray(), sim.Data[input].ToArray());
    }

    private static double Rmse(double[,] decoded, double[,] input, int from)
    {
        double sum = 0;
        int count = 0;
        for (int i = from; i < decoded.GetLength(0); i++)
            for (int d = 0; d < 2; d++) { double e = decoded[i, d] - input[i, d]; sum += e * e; count++; }
        return Math.Sqrt(sum / count);
    }

    [Test]
    public void ProbedValues_AreFloat32()
    {
        var (decoded, _, input) = Run(CpuPrecision.Single);
        Assert.That(decoded.Cast<double>().All(v => (double)(float)v == v), "decoded values are float32");
        Assert.That(input.Cast<double>().All(v => (double)(float)v == v), "the node's output was rounded to float32");
        var (decoded64, _, _) = Run(CpuPrecision.Double);
        Assert.That(decoded64.Cast<double>().Any(v => (double)(float)v != v), "the reference keeps float64");
    }

    [Test]
    public void SpikeCounts_AgreeWithFloat64_WithinTwoPerNeuronPerSecond()
    {
        var (_, spikes32, _) = Run(CpuPrecision.Single);
        var (_, spikes64, _) = Run(CpuPrecision.Double);
        int neurons = spikes64.GetLength(1), steps = spikes64.GetLength(0), worst = 0, total = 0;
        for (int n = 0; n < neurons; n++)
        {
            int c32 = 0, c64 = 0;
            for (int s = 0; s < steps; s++) { if (spikes32[s, n] > 0) c32++; if (spikes64[s, n] > 0) c64++; }
            worst = Math.Max(worst, Math.Abs(c32 - c64));
            total += c64;
        }
        TestContext.Out.WriteLine($"{total} float64 spikes; largest per-neuron difference {worst}");
        Assert.That(total, Is.GreaterThan(1000), "the neurons spike");
        Assert.That(worst, Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void DecodedError_MatchesFloat64()
    {
        var (d32, _, input) = Run(CpuPrecision.Single);
        var (d64, _, _) = Run(CpuPrecision.Double);
        double e32 = Rmse(d32, input, 100), e64 = Rmse(d64, input, 100);
        TestContext.Out.WriteLine($"rmse float32 {e32:F5}, float64 {e64:F5}");
        Assert.That(e64, Is.LessThan(0.1), "the channel decodes its input");
        Assert.That(e32, Is.EqualTo(e64).Within(0.1 * e64));
    }

    [Test]
    public void UndefinedPrecision_IsRejected()
    {
        var e = Assert.Throws<ValidationError>(() => new CpuBackend(precision: (CpuPrecision)7))!;
        Assert.That(e.Message, Does.Contain("precision").And.Contain("7").And.Contain("Double, Single"));
    }
}
