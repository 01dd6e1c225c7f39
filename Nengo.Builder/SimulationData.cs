using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;

namespace Nengo;

/// <summary><c>sim.Data</c>: probe recordings and the parameters the builder chose.</summary>
public sealed class SimulationData
{
    private readonly Simulator _sim;
    private readonly Dictionary<Probe, Matrix<double>> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Probe, int> _index = new(ReferenceEqualityComparer.Instance);

    internal SimulationData(Simulator sim)
    {
        _sim = sim;
        for (int i = 0; i < sim.Model.Probes.Count; i++) _index[sim.Model.Probes[i].Probe] = i;
    }

    /// <summary>What <paramref name="probe"/> recorded: rows = samples (row i is t = (i+1)·dt when sampling every step), columns = dimensions.</summary>
    /// <param name="probe">A probe of the simulated network.</param>
    /// <returns>The samples.</returns>
    /// <exception cref="ValidationError">When the probe is not part of the simulated network.</exception>
    public Matrix<double> this[Probe probe]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(probe);
            if (_cache.TryGetValue(probe, out var m)) return m;
            if (!_index.TryGetValue(probe, out int i))
                throw new ValidationError($"{probe.Describe}: probe is not part of the simulated network (was it added after the Simulator was built?).");
            if (_sim.Closed) throw new SimulationError($"{probe.Describe}: the simulator was disposed before this probe's data was read.");
            return _cache[probe] = Matrix<double>.Build.DenseOfArray(_sim.Simulation.ProbeData(i));
        }
    }

    /// <summary>The built parameters of <paramref name="ensemble"/>: encoders, eval points, gains, biases, max rates, intercepts.</summary>
    /// <param name="ensemble">An ensemble of the simulated network.</param>
    /// <returns>The built ensemble.</returns>
    /// <exception cref="ValidationError">When it is not part of the simulated network.</exception>
    public BuiltEnsemble this[Ensemble ensemble] =>
        _sim.Model.Ensembles.TryGetValue(ensemble, out var b) ? b
            : throw new ValidationError($"{ensemble.Describe}: not part of the simulated network.");

    /// <summary>The built parameters of <paramref name="connection"/>: weights and solver info.</summary>
    /// <param name="connection">A connection of the simulated network.</param>
    /// <returns>The built connection.</returns>
    /// <exception cref="ValidationError">When it is not part of the simulated network.</exception>
    public BuiltConnection this[Connection connection] =>
        _sim.Model.Connections.TryGetValue(connection, out var b) ? b
            : throw new ValidationError($"{connection.Describe}: not part of the simulated network.");

    internal void Invalidate() => _cache.Clear();

    internal void CacheAll()
    {
        foreach (var p in _index.Keys) _ = this[p];
    }
}
