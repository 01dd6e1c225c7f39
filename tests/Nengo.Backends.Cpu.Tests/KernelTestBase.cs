using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>
/// Kernel tests drive one operator at a time through the public Simulator API on the CPU backend,
/// mostly Node → Node with synapse null so that every value is exact.
/// </summary>
public abstract class KernelTestBase
{
    private readonly List<Simulator> _sims = [];

    /// <summary>Builds <paramref name="net"/> on a fresh CPU backend (disposed after the test).</summary>
    protected Simulator Sim(Network net, CpuPrecision precision = CpuPrecision.Double)
    {
        var sim = new Simulator(net, backend: new CpuBackend(precision: precision));
        _sims.Add(sim);
        return sim;
    }

    /// <summary>Builds and runs <paramref name="steps"/> steps, then returns each probe's data.</summary>
    protected Matrix<double>[] Run(Network net, int steps, params Probe[] probes) => Run(CpuPrecision.Double, net, steps, probes);

    /// <summary>Builds at <paramref name="precision"/> and runs <paramref name="steps"/> steps, then returns each probe's data.</summary>
    protected Matrix<double>[] Run(CpuPrecision precision, Network net, int steps, params Probe[] probes)
    {
        var sim = Sim(net, precision);
        sim.RunSteps(steps);
        return probes.Select(p => sim.Data[p]).ToArray();
    }

    /// <summary>One recorded sample.</summary>
    protected static double[] Row(Matrix<double> data, int i) => data.Row(i).ToArray();

    [TearDown]
    public void DisposeSimulators()
    {
        foreach (var s in _sims) s.Dispose();
        _sims.Clear();
    }
}
