using Nengo.Backends.Cpu;
using Nengo.Graph;
using NUnit.Framework;

namespace Nengo.Backends.OpenCL.Tests;

/// <summary>
/// Base of the OpenCL backend tests: every test is ignored, with the reason, on a machine without an OpenCL
/// platform, and helpers build tiny models by hand and run them on the CPU and on OpenCL.
/// </summary>
public abstract class OpenCLTestBase
{
    /// <summary>Skips (visibly) when there is no OpenCL device.</summary>
    [SetUp]
    public void RequireOpenCL()
    {
        if (!OpenCLBackend.IsAvailable) Assert.Ignore(OpenCLBackend.UnavailableReason ?? "no OpenCL platform found");
    }

    /// <summary>A fresh step and time signal pair plus the TimeUpdate that drives them.</summary>
    protected static (Signal Step, Signal Time, Graph.Operators.TimeUpdate Update) Clock()
    {
        var step = Signal.Zeros("step", 1);
        var time = Signal.Zeros("time", 1);
        return (step, time, new Graph.Operators.TimeUpdate(step, time));
    }

    /// <summary>A model of <paramref name="operators"/> (plus a clock) with no probes.</summary>
    protected static Model Build(params Operator[] operators) => Build(0.001, operators);

    /// <summary>A model of <paramref name="operators"/> (plus a clock) with no probes.</summary>
    protected static Model Build(double dt, params Operator[] operators)
    {
        var (step, time, update) = Clock();
        return Model.Create(dt, "kernel test", step, time, [update, .. operators], [],
            new Dictionary<object, IReadOnlyDictionary<string, Signal>>(), new Dictionary<Ensemble, BuiltEnsemble>(), new Dictionary<Connection, BuiltConnection>());
    }

    /// <summary>Runs <paramref name="model"/> for <paramref name="steps"/> steps on the CPU and on OpenCL and compares every signal in <paramref name="compare"/>.</summary>
    protected static void AssertTwins(Model model, int steps, double atol, double rtol, OpenCLPrecision precision, params Signal[] compare)
    {
        using var cpu = new CpuBackend(threads: 1).Prepare(model, seed: 7);
        using var ocl = new OpenCLBackend(precision).Prepare(model, seed: 7);
        cpu.RunSteps(steps);
        ocl.RunSteps(steps);
        foreach (var s in compare)
            Testing.Signals.AssertAllclose(ocl.ReadSignal(s), cpu.ReadSignal(s), atol, rtol, $"{s.Name} after {steps} steps ({precision})");
    }

    /// <summary>Uniform random values in [lo, hi).</summary>
    protected static double[] Random(Random rng, int n, double lo = -1, double hi = 1) =>
        Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * rng.NextDouble()).ToArray();

    /// <summary>A random row-major matrix signal.</summary>
    protected static Signal Matrix(Random rng, string name, int rows, int cols, bool readOnly = true)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) m[i, j] = rng.NextDouble() * 2 - 1;
        return new Signal(name, m, readOnly);
    }

    /// <summary>Both precisions the device supports.</summary>
    protected static IEnumerable<OpenCLPrecision> Precisions()
    {
        yield return OpenCLPrecision.Single;
        if (OpenCLBackend.IsAvailable && OpenCLBackend.Devices.Any(d => d.SupportsDouble)) yield return OpenCLPrecision.Double;
    }
}
