using Nengo.Backends;
using NUnit.Framework;

namespace Nengo.Testing;

/// <summary>
/// Base of every behavioural fixture: holds the backend case, skips (visibly, with the reason) tests the
/// backend lists as unsupported, creates simulators on the backend and disposes them after each test.
/// </summary>
public abstract class BackendTestBase
{
    private readonly List<Simulator> _simulators = [];

    /// <summary>Creates the fixture for one backend.</summary>
    /// <param name="backend">The backend case.</param>
    protected BackendTestBase(BackendCase backend) { Backend = backend; }

    /// <summary>The backend under test.</summary>
    protected BackendCase Backend { get; }

    /// <summary>Multiplies a float64 tolerance by the backend's precision scale.</summary>
    /// <param name="tolerance">The float64 tolerance.</param>
    /// <returns>The tolerance for this backend.</returns>
    protected double Tol(double tolerance) => tolerance * Backend.ToleranceScale;

    /// <summary>Skips tests this backend lists as unsupported.</summary>
    [SetUp]
    public void SkipUnsupported()
    {
        if (Backend.UnsupportedReason(TestContext.CurrentContext.Test.MethodName ?? "") is { } reason)
            Assert.Ignore($"{Backend.Name} does not support this: {reason}");
    }

    /// <summary>Disposes the simulators the test made.</summary>
    [TearDown]
    public void DisposeSimulators()
    {
        foreach (var s in _simulators) s.Dispose();
        _simulators.Clear();
    }

    /// <summary>Builds a simulator for <paramref name="net"/> on the backend under test.</summary>
    /// <param name="net">The network.</param>
    /// <param name="dt">The time step.</param>
    /// <param name="seed">The simulator seed.</param>
    /// <returns>The simulator (disposed after the test).</returns>
    protected Simulator Sim(Network net, double dt = 0.001, int? seed = null)
    {
        IBackend backend = Backend.Create();
        var sim = new Simulator(net, dt, backend, seed);
        _simulators.Add(sim);
        return sim;
    }
}
