using Nengo.Backends.Cpu;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>
/// The step loop allocates nothing (STYLE.md recommendation 9): after a warm-up, running more steps
/// allocates only what the probes need to store their samples, reserved once per run.
/// </summary>
[TestFixture]
[NonParallelizable]
public class AllocationTests
{
    /// <summary>Slack for anything a run may allocate once, independent of its length (well under one step of probe data for a long run).</summary>
    private const long Constant = 1024;

    private static Network Model(bool probes, double? sampleEvery = null)
    {
        var net = new Network("alloc", seed: 3);
        var stim = net.Node(t => Math.Sin(2 * Math.PI * t), label: "stim");
        var a = net.Ensemble(50, 1, label: "a");
        var b = net.Ensemble(50, 1, label: "b");
        var c = net.Ensemble(30, 2, neuronType: new LIFRate(), label: "c");
        var pass = net.Node(sizeIn: 2, label: "pass");
        net.Connect(stim, a);
        net.Connect(a, b, (double v) => v * v, synapse: 0.01);
        net.Connect(a, c[0], synapse: new Alpha(0.005));
        net.Connect(b, c[1]);
        net.Connect(c, pass, synapse: null, transform: new double[,] { { 1, 0.5 }, { -0.5, 1 } });
        net.Connect(pass[new[] { 1, 0 }], c.Neurons[..2], transform: 0.1);
        net.Connect(stim[new[] { 0, 0 }], pass[new[] { 1, 1 }], synapse: null);
        net.Connect(stim, pass[0], (double v) => 0.5 * v, synapse: null);
        if (probes)
        {
            net.Probe(b, synapse: 0.03, sampleEvery: sampleEvery);
            net.Probe(a.Neurons, sampleEvery: sampleEvery);
            net.Probe(pass, sampleEvery: sampleEvery);
        }
        return net;
    }

    private static long Allocated(Action run)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        run();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>The thread count the CPU plan chose, read by reflection (null if the internals have moved).</summary>
    private static int? ThreadsUsed(Simulator sim)
    {
        const System.Reflection.BindingFlags any = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var simulation = typeof(Simulator).GetProperty("Simulation", any)?.GetValue(sim);
        return simulation?.GetType().GetProperty("Threads", any)?.GetValue(simulation) as int?;
    }

    private static Simulator WarmedUp(Network net, CpuPrecision precision = CpuPrecision.Double)
    {
        var sim = new Simulator(net, backend: new CpuBackend(precision: precision));
        sim.RunSteps(10);
        sim.Step();
        return sim;
    }

    [Test]
    public void RunSteps_WithoutProbes_AllocatesNothing([Values] CpuPrecision precision)
    {
        using var sim = WarmedUp(Model(probes: false), precision);
        long bytes = Allocated(() => sim.RunSteps(1000));
        TestContext.Out.WriteLine($"RunSteps(1000) allocated {bytes} bytes");
        Assert.That(bytes, Is.LessThan(Constant), $"RunSteps(1000) allocated {bytes} bytes");
    }

    /// <remarks>
    /// Until the JIT tiers Simulator.RunSteps up, each call allocates 24 bytes: Check.That(steps >= 0, …, steps)
    /// boxes the int even when the check passes. Tier-1 code no longer does, so this test waits (up to a few
    /// seconds) for the steady state, where a loop of Step() must allocate nothing.
    /// </remarks>
    [Test]
    public void Step_WithoutProbes_AllocatesNothing_OnceWarm()
    {
        using var sim = WarmedUp(Model(probes: false));
        long bytes = long.MaxValue;
        for (int attempt = 0; attempt < 20 && bytes >= Constant; attempt++)
        {
            bytes = Allocated(() => { for (int i = 0; i < 1000; i++) sim.Step(); });
            if (bytes >= Constant) Thread.Sleep(200);
        }
        Assert.That(bytes, Is.LessThan(Constant), $"1000 Step() calls allocated {bytes} bytes");
    }

    [Test]
    public void RunSteps_WithProbes_AllocatesOnlyTheProbeBuffers()
    {
        var net = Model(probes: true);
        using var sim = WarmedUp(net);
        int width = sim.Model.Probes.Sum(p => p.Signal.Size);
        long bytes = Allocated(() => sim.RunSteps(1000));
        TestContext.Out.WriteLine($"RunSteps(1000) allocated {bytes} bytes");
        // The buffers hold every sample so far (11 + 1000 rows); allow them to be regrown once, by doubling.
        long probeData = 2L * (sim.Steps * width * sizeof(double));
        Assert.That(bytes, Is.LessThanOrEqualTo(probeData + Constant), $"RunSteps(1000) allocated {bytes} bytes for {width} probed values per step");
        Assert.That(sim.Data[net.Probes[0]].RowCount, Is.EqualTo(1011));
    }

    [Test]
    public void RunSteps_WithProbes_CostsOnlyProbeDataPerExtraStep()
    {
        long Measure(int steps)
        {
            using var sim = WarmedUp(Model(probes: true));
            return Allocated(() => sim.RunSteps(steps));
        }
        int width;
        using (var probe = new Simulator(Model(probes: true))) width = probe.Model.Probes.Sum(p => p.Signal.Size);
        Measure(1000);
        long extra = Measure(2000) - Measure(1000);
        long perStep = width * sizeof(double);
        Assert.That(extra, Is.LessThanOrEqualTo(2 * 1000 * perStep + Constant),
            $"1000 extra steps cost {extra} bytes; the probes store {perStep} bytes per step");
    }

    [Test]
    public void RunSteps_WithSparseSampling_AllocatesPerSample_NotPerStep()
    {
        var net = Model(probes: true, sampleEvery: 0.01);
        using var sim = WarmedUp(net);
        int width = sim.Model.Probes.Sum(p => p.Signal.Size);
        long bytes = Allocated(() => sim.RunSteps(1000));
        TestContext.Out.WriteLine($"RunSteps(1000) allocated {bytes} bytes");
        long samples = 1011 / 10;
        Assert.That(bytes, Is.LessThanOrEqualTo(2 * samples * width * sizeof(double) + Constant));
        Assert.That(sim.Data[net.Probes[0]].RowCount, Is.EqualTo(samples));
    }

    [Test]
    public void RunSteps_AfterReset_DoesNotAllocateMoreThanTheFirstRun()
    {
        var net = Model(probes: true);
        using var sim = WarmedUp(net);
        long first = Allocated(() => sim.RunSteps(1000));
        sim.Reset();
        sim.RunSteps(11);
        long second = Allocated(() => sim.RunSteps(1000));
        Assert.That(second, Is.LessThanOrEqualTo(first + Constant));
    }

    [Test]
    public void RunSteps_OnWorkerThreads_AllocatesNothingOnAnyThread()
    {
        // Two large neuron-to-neuron matrices in one dependency level: enough work for the plan to use its workers.
        var net = new Network("parallel", seed: 4);
        var rng = new Random(1);
        double[,] Matrix(int n)
        {
            var m = new double[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i, j] = (rng.NextDouble() - 0.5) * 1e-4;
            return m;
        }
        var a = net.Ensemble(450, 1, label: "a");
        var b = net.Ensemble(450, 1, label: "b");
        var c = net.Ensemble(450, 1, label: "c");
        net.Connect(net.Node(t => Math.Sin(t)), a);
        net.Connect(a.Neurons, b.Neurons, transform: Matrix(450));
        net.Connect(a.Neurons, c.Neurons, transform: Matrix(450));
        using var sim = new Simulator(net, backend: new CpuBackend(threads: 2) { ParallelThreshold = 10_000 });
        Assume.That(ThreadsUsed(sim) ?? 2, Is.EqualTo(2), "the model should be big enough for the plan to use its worker thread");
        sim.RunSteps(200);
        long mine = long.MaxValue, total = long.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            // A per-step allocation shows in every attempt; the minimum filters out one-off runtime work on other threads.
            long before = GC.GetTotalAllocatedBytes(precise: true);
            mine = Math.Min(mine, Allocated(() => sim.RunSteps(500)));
            total = Math.Min(total, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        TestContext.Out.WriteLine($"plan threads: {ThreadsUsed(sim)}; RunSteps(500) on 2 threads allocated {mine} bytes on the calling thread, {total} in the process");
        Assert.That(mine, Is.LessThan(Constant));
        Assert.That(total, Is.LessThan(16 * Constant), "worker threads must not allocate per step either (the slack covers the test runner)");
    }
}
