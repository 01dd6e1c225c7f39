using Microsoft.Extensions.DependencyInjection;
using Nengo.Backends.Cpu;
using Nengo.Backends.OpenCL.DependencyInjection;
using Nengo.DependencyInjection;
using NUnit.Framework;

namespace Nengo.Backends.OpenCL.Tests;

/// <summary>
/// Whole models through the Simulator: float64 on the device agrees with the CPU to rounding, runs split into
/// blocks (host functions computed ahead, probes drained per block) equal one run, reset reruns are identical.
/// </summary>
[TestFixture]
public sealed class SimulationTests : OpenCLTestBase
{
    private static (Network Net, Probe[] Probes) Model()
    {
        var net = new Network("channel", seed: 21);
        var u = net.Node(t => new[] { Math.Sin(6 * t), Math.Cos(4 * t) }, label: "stimulus");
        var a = net.Ensemble(60, 2, label: "a");
        var b = net.Ensemble(40, 2, neuronType: new LIFRate(), label: "b");
        var f = net.Node((t, x) => x[0] * x[1], sizeIn: 2, label: "product");
        net.Connect(u, a);
        net.Connect(a, b, synapse: new Alpha(0.005));
        net.Connect(b, f, synapse: 0.01);
        net.Connect(a, a, transform: new[,] { { 0.1, 0.0 }, { 0.0, 0.1 } });
        var noise = net.Node(new WhiteNoise(), sizeOut: 2, label: "noise");
        net.Connect(noise, b.Neurons, transform: new double[40, 2]);
        return (net, [net.Probe(a, synapse: 0.01), net.Probe(b.Neurons), net.Probe(f), net.Probe(a, sampleEvery: 0.0025), net.Probe(noise)]);
    }

    [Test]
    public void Float64_MatchesTheCpu()
    {
        if (!Precisions().Contains(OpenCLPrecision.Double)) Assert.Ignore("the OpenCL device has no cl_khr_fp64");
        var (n1, p1) = Model();
        var (n2, p2) = Model();
        using var cpu = new Simulator(n1, backend: new CpuBackend(threads: 1));
        using var ocl = new Simulator(n2, backend: new OpenCLBackend(OpenCLPrecision.Double));
        cpu.Run(0.3);
        ocl.Run(0.3);
        for (int i = 0; i < p1.Length; i++)
        {
            var expected = cpu.Data[p1[i]];
            var actual = ocl.Data[p2[i]];
            Assert.That(actual.RowCount, Is.EqualTo(expected.RowCount));
            Testing.Signals.AssertAllclose(actual.ToRowMajorArray(), expected.ToRowMajorArray(), 1e-7, 1e-9, $"probe {i}");
        }
    }

    [Test]
    public void Float32_TracksTheCpu()
    {
        var (n1, p1) = Model();
        var (n2, p2) = Model();
        using var cpu = new Simulator(n1, backend: new CpuBackend(threads: 1));
        using var ocl = new Simulator(n2, backend: new OpenCLBackend());
        cpu.Run(0.3);
        ocl.Run(0.3);
        var expected = cpu.Data[p1[0]].ToRowMajorArray();
        var actual = ocl.Data[p2[0]].ToRowMajorArray();
        Testing.Signals.AssertAllclose(actual, expected, 0.05, 0, "decoded value (float32 spike timing may shift)");
        Testing.Signals.AssertAllclose(ocl.Data[p2[4]].ToRowMajorArray(), cpu.Data[p1[4]].ToRowMajorArray(), 1e-5, 1e-6, "host white noise, same seed");
    }

    [Test]
    public void RunsInPiecesAcrossBlocks_EqualOneRun_AndResetRerunsIdentically()
    {
        var (n1, p1) = Model();
        var (n2, p2) = Model();
        using var whole = new Simulator(n1, backend: new OpenCLBackend());
        using var pieces = new Simulator(n2, backend: new OpenCLBackend());
        whole.RunSteps(2100);
        foreach (int k in new[] { 1, 7, 1024, 1, 1000, 67 }) pieces.RunSteps(k);
        Assert.That(pieces.Steps, Is.EqualTo(2100));
        for (int i = 0; i < p1.Length; i++)
            Assert.That(pieces.Data[p2[i]].ToRowMajorArray(), Is.EqualTo(whole.Data[p1[i]].ToRowMajorArray()), $"probe {i}");
        Assert.That(whole.Data[p1[3]].RowCount, Is.EqualTo(whole.Trange(0.0025).Length), "sampleEvery rows");

        var first = whole.Data[p1[1]].ToRowMajorArray();
        whole.Reset();
        Assert.That(whole.Steps, Is.EqualTo(0));
        whole.RunSteps(2100);
        Assert.That(whole.Data[p1[1]].ToRowMajorArray(), Is.EqualTo(first), "reset rerun is bit-identical");
    }

    [Test]
    public void DependencyInjection_RegistersOpenCL()
    {
        using var provider = new ServiceCollection().AddNengo().AddOpenCLBackend().AddOpenCLBackend().Services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ISimulatorFactory>();
        Assert.That(factory.BackendNames.Count(n => n == "opencl"), Is.EqualTo(1));
        var net = new Network("di", seed: 22);
        var p = net.Probe(net.Node(t => t));
        using var sim = factory.Create(net, "opencl");
        sim.Step();
        Assert.That(sim.Backend.Name, Is.EqualTo("opencl"));
        Assert.That(sim.Data[p][0, 0], Is.EqualTo(0.001).Within(1e-9));
    }
}
