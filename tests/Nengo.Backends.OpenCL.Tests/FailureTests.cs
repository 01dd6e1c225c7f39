using Nengo.Backends.OpenCL.Interop;
using Nengo.Graph;
using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Backends.OpenCL.Tests;

/// <summary>
/// Faults become typed exceptions and leave no native handle behind: compile failures carry the build log,
/// allocations beyond the device are OpenCLExceptions, a node that throws is a SimulationError naming the node,
/// and every handle is released on Dispose and after a failed Prepare.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FailureTests : OpenCLTestBase
{
    [Test]
    public void CompileFailure_IsOpenCLException_WithTheBuildLog()
    {
        int before = ClHandle.Live;
        var backend = new OpenCLBackend();
        var e = Assert.Throws<OpenCLException>(() => backend.CompileSource("__kernel void broken(__global real* buf) { buf[0] = undefined_name_xyz; }"))!;
        Assert.That(e.Call, Is.EqualTo("clBuildProgram"));
        Assert.That(e.ErrorCode, Is.EqualTo(-11));
        Assert.That(e.Message, Does.Contain("Build log").And.Contain("undefined_name_xyz"));
        Assert.That(ClHandle.Live, Is.EqualTo(before), "the context and program are released after the failure");
    }

    [Test]
    public void ValidSource_Compiles()
    {
        Assert.That(() => new OpenCLBackend().CompileSource("__kernel void fine(__global real* buf) { buf[get_global_id(0)] = R(1.0); }"), Throws.Nothing);
    }

    [Test]
    public void Dispose_ReleasesEveryNativeHandle()
    {
        int before = ClHandle.Live;
        var net = new Network("handles", seed: 3);
        var u = net.Node(t => Math.Sin(t));
        var a = net.Ensemble(20, 1);
        net.Connect(u, a);
        var p = net.Probe(a, synapse: 0.01);
        var sim = new Simulator(net, backend: new OpenCLBackend());
        Assert.That(ClHandle.Live, Is.GreaterThan(before + 3), "context, queue, program, buffers and kernels are live while it runs");
        sim.Run(0.05);
        sim.Dispose();
        Assert.That(ClHandle.Live, Is.EqualTo(before));
        Assert.That(sim.Data[p].RowCount, Is.EqualTo(50), "probe data stays readable after Dispose");
        Assert.That(() => sim.Dispose(), Throws.Nothing);
    }

    [Test]
    public void AllocationBeyondTheDevice_IsOpenCLException_AndReleasesWhatWasMade()
    {
        int before = ClHandle.Live;
        var small = OpenCLBackend.Devices[0] with { MaxAllocationBytes = 4096 };
        var big = Signal.Zeros("big", 10_000);
        var model = Build(new Reset(big, 1.0));
        var e = Assert.Throws<OpenCLException>(() => new OpenCLBackend(OpenCLPrecision.Single, small).Prepare(model, 0))!;
        Assert.That(e.Call, Is.EqualTo("clCreateBuffer"));
        Assert.That(e.ErrorName, Is.EqualTo("CL_INVALID_BUFFER_SIZE"));
        Assert.That(e.Message, Does.Contain("4096"));
        Assert.That(ClHandle.Live, Is.EqualTo(before));
    }

    [Test]
    public void UnsupportedNeuronType_IsNotSupportedByBackend_NamingTheType_BeforeAnyHandle()
    {
        int before = ClHandle.Live;
        var net = new Network("poisson", seed: 4);
        net.Ensemble(5, 1, neuronType: new PoissonSpiking(new LIFRate()));
        var e = Assert.Throws<NotSupportedByBackendError>(() => new Simulator(net, backend: new OpenCLBackend()))!;
        Assert.That(e.Message, Does.Contain("PoissonSpiking").And.Contain("OpenCL"));
        Assert.That(ClHandle.Live, Is.EqualTo(before));
    }

    private static (Network Net, Probe P) Throwing(bool withInput)
    {
        var net = new Network("throws", seed: 5);
        Node bad;
        if (withInput)
        {
            var u = net.Node(1.0);
            bad = net.Node((t, x) => t > 0.0055 ? throw new InvalidOperationException("boom") : x[0], sizeIn: 1, label: "bad node");
            net.Connect(u, bad, synapse: null);
        }
        else
            bad = net.Node(t => t > 0.0055 ? throw new InvalidOperationException("boom") : t, label: "bad node");
        return (net, net.Probe(bad));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void NodeThatThrows_IsSimulationErrorNamingTheNode_AfterTheStepsBeforeIt(bool withInput)
    {
        int before = ClHandle.Live;
        var (net, p) = Throwing(withInput);
        using (var sim = new Simulator(net, backend: new OpenCLBackend()))
        {
            var e = Assert.Throws<SimulationError>(() => sim.Run(0.02))!;
            Assert.That(e.Message, Does.Contain("bad node").And.Contain("boom"));
            Assert.That(sim.Steps, Is.EqualTo(5), "the five steps before the failing one ran, as on the CPU");
            Assert.That(sim.Data[p].RowCount, Is.EqualTo(5));
            Assert.That(sim.Data[p][4, 0], Is.EqualTo(withInput ? 1.0 : 0.005).Within(1e-6));
        }
        Assert.That(ClHandle.Live, Is.EqualTo(before));

        var (cpuNet, cp) = Throwing(withInput);
        using var cpu = new Simulator(cpuNet);
        Assert.That(() => cpu.Run(0.02), Throws.InstanceOf<SimulationError>());
        Assert.That(cpu.Steps, Is.EqualTo(5), "the CPU twin stops at the same step");
        Assert.That(cpu.Data[cp].RowCount, Is.EqualTo(5));
    }

    private sealed class ThrowingProcess : Process
    {
        public override int DefaultSizeIn => 1;

        public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng) =>
            (t, x, y) => y[0] = t > 0.0025 ? throw new ArithmeticException("process failed") : x[0];
    }

    [Test]
    public void HostProcessThatThrows_IsSimulationErrorNamingTheOperator()
    {
        var net = new Network("process throws", seed: 6);
        var u = net.Node(0.5);
        var n = net.Node(new ThrowingProcess(), sizeIn: 1, label: "bad process");
        net.Connect(u, n, synapse: null);
        using var sim = new Simulator(net, backend: new OpenCLBackend());
        var e = Assert.Throws<SimulationError>(() => sim.Run(0.01))!;
        Assert.That(e.Message, Does.Contain("bad process").And.Contain("process failed"));
        Assert.That(sim.Steps, Is.EqualTo(2));
    }
}
