using Nengo.Testing;
using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>InputGatedMemory, Integrator and Oscillator behaviour (NEF.md §11.6, §11.8).</summary>
[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]
public sealed class MemoryTests(BackendCase backend) : BackendTestBase(backend)
{
    [Test]
    public void InputGatedMemory_TracksHoldsAndResets()
    {
        var net = new Network("gated", seed: 1);
        double[] first = [0.5, -0.3], second = [-0.4, 0.6];
        var input = net.Node(t => t < 0.6 ? first : second);
        var gate = net.Node(t => t >= 0.5 && t < 1.0 ? 1.0 : 0.0);
        var reset = net.Node(t => t >= 1.5 ? 1.0 : 0.0);
        var mem = net.Add(new InputGatedMemory(60, 2));
        net.Connect(input, mem.Input);
        net.Connect(gate, mem.Gate);
        net.Connect(reset, mem.Reset);
        var p = net.Probe(mem.Output, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(1.8);
        var tracked = Util.MeanOver(sim.Data[p], 0.45, 0.5);
        var held = Util.MeanOver(sim.Data[p], 0.9, 1.0);
        var updated = Util.MeanOver(sim.Data[p], 1.4, 1.5);
        var cleared = Util.MeanOver(sim.Data[p], 1.7, 1.8);
        string Show(double[] v) => string.Join(", ", v.Select(x => x.ToString("F3")));
        TestContext.Out.WriteLine($"tracked {Show(tracked)}; held {Show(held)}; updated {Show(updated)}; reset {Show(cleared)}");
        Assert.That(tracked, Is.EqualTo(first).Within(Tol(0.1)), "gate open: follows the input");
        Assert.That(held, Is.EqualTo(first).Within(Tol(0.1)), "gate closed: holds despite the new input");
        Assert.That(updated, Is.EqualTo(second).Within(Tol(0.1)), "gate open again: follows the new input");
        Assert.That(cleared, Is.EqualTo(new[] { 0.0, 0.0 }).Within(Tol(0.15)), "reset: back to 0");
    }

    [Test]
    public void Integrator_Integrates()
    {
        const double tau = 0.1;
        Func<double, double> f = t => t >= 0.2 && t < 0.7 ? 1 : 0;
        var net = new Network("integrator", seed: 2);
        var input = net.Node(f);
        var integ = net.Add(new Integrator(tau, 200, 1));
        net.Connect(input, integ.Input, synapse: tau);
        var p = net.Probe(integ.Output, synapse: 0.01);
        var sim = Sim(net);
        sim.Run(1.5);
        var y = sim.Data[p].ColumnArray();

        // Ideal (NEF.md §11.8): the ensemble receives τ·u_f unfiltered plus its own value through the recurrent
        // Lowpass(τ), so x = τ·u_f + h_τ∗x; with u_f = h_τ∗u this is exactly the integral of u.
        int n = y.Length;
        var uf = Signals.DelayedLowpass(Enumerable.Range(1, n).Select(k => f(k * 0.001)).ToArray(), tau);
        double a = Math.Exp(-0.001 / tau);
        var x = new double[n];
        double xr = 0;
        for (int k = 0; k < n; k++)
        {
            x[k] = tau * uf[k] + xr;
            xr = a * xr + (1 - a) * x[k];
        }
        var ideal = Signals.DelayedLowpass(x, 0.01);
        double rmse = Signals.Rmse(y, ideal);
        double at07 = y[Util.Row(0.7)];
        double late = Util.MeanOver(sim.Data[p], 1.0, 1.5)[0];
        TestContext.Out.WriteLine($"rmse vs ideal {rmse:F4}; x(0.7) = {at07:F3} (ideal {ideal[Util.Row(0.7)]:F3}); mean [1, 1.5] = {late:F3} (ideal 0.5)");
        Assert.That(rmse, Is.LessThan(Tol(0.05)));
        Assert.That(at07, Is.EqualTo(0.5).Within(Tol(0.1)), "the integral of 1 over [0.2, 0.7]");
        Assert.That(late, Is.EqualTo(0.5).Within(Tol(0.1)), "and it is held afterwards");
    }

    [Test]
    public void Oscillator_OscillatesAtItsFrequency()
    {
        const double hz = 2, omega = 2 * Math.PI * hz;
        var net = new Network("oscillator", seed: 3);
        var kick = net.Node(t => t < 0.1 ? new[] { 1.0, 0.0 } : new[] { 0.0, 0.0 });
        var osc = net.Add(new Oscillator(0.1, omega, 400));
        net.Connect(kick, osc.Input);
        var p = net.Probe(osc.Output, synapse: 0.03);
        var sim = Sim(net);
        sim.Run(2.0);
        var data = sim.Data[p];
        var x0 = data.ColumnArray(0);
        // Zero crossings of x0 over [0.5, 2.0] with a little hysteresis against spike noise.
        var crossings = new List<double>();
        int sign = 0;
        for (int i = Util.Row(0.5); i < x0.Length; i++)
        {
            int s = x0[i] > 0.05 ? 1 : x0[i] < -0.05 ? -1 : 0;
            if (s == 0) continue;
            if (sign != 0 && s != sign) crossings.Add((i + 1) * 0.001);
            sign = s;
        }
        double measured = crossings.Count > 1 ? (crossings.Count - 1) / (2 * (crossings[^1] - crossings[0])) : 0;
        double radius = Enumerable.Range(Util.Row(1.5), data.RowCount - Util.Row(1.5))
            .Select(i => Math.Sqrt(data[i, 0] * data[i, 0] + data[i, 1] * data[i, 1])).Average();
        TestContext.Out.WriteLine($"{crossings.Count} zero crossings in [0.5, 2] (expected {2 * hz * 1.5}); frequency {measured:F3} Hz (expected {hz}); radius {radius:F3}");
        Assert.That(crossings.Count, Is.InRange(5, 7));
        Assert.That(measured, Is.EqualTo(hz).Within(Tol(0.15) * hz));
        Assert.That(radius, Is.GreaterThan(0.3), "it keeps oscillating");
    }
}
