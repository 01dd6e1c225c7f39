using Nengo.Builder.Numerics;
using Nengo.Builder.Registry;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder;

/// <summary>
/// The state of one build: the operators and signals made so far, the seeds, the built parameters,
/// and the registries. Build functions add to it; <see cref="ModelBuilder"/> turns it into a
/// <see cref="Model"/> only when everything succeeded.
/// </summary>
public sealed class BuildContext
{
    private readonly List<Operator> _operators = [];
    private readonly Dictionary<object, Dictionary<string, Signal>> _sig = [];
    private readonly Dictionary<NengoObject, int> _seeds = new(ReferenceEqualityComparer.Instance);

    internal BuildContext(double dt, BuilderRegistry builders, SolverRegistry solvers, IProgress<BuildProgress>? progress, int totalObjects)
    {
        Dt = dt;
        Builders = builders;
        Solvers = solvers;
        Progress = progress;
        TotalObjects = totalObjects;
        StepSignal = Signal.Zeros("step", 1);
        TimeSignal = Signal.Zeros("time", 1);
        Add(new TimeUpdate(StepSignal, TimeSignal));
    }

    /// <summary>The time step.</summary>
    public double Dt { get; }

    /// <summary>Where solved decoders are looked up and stored (null: no cache).</summary>
    public Caching.DecoderCache? DecoderCache { get; init; }

    /// <summary>Build functions by frontend type.</summary>
    public BuilderRegistry Builders { get; }

    /// <summary>Solver implementations by solver type.</summary>
    public SolverRegistry Solvers { get; }

    /// <summary>The step counter signal.</summary>
    public Signal StepSignal { get; }

    /// <summary>The time signal.</summary>
    public Signal TimeSignal { get; }

    /// <summary>Operators added so far, in build order.</summary>
    public IReadOnlyList<Operator> Operators => _operators;

    /// <summary>Probe records added so far.</summary>
    public List<ProbeRecord> Probes { get; } = [];

    /// <summary>Built ensembles.</summary>
    public Dictionary<Ensemble, BuiltEnsemble> Ensembles { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Built connections.</summary>
    public Dictionary<Connection, BuiltConnection> Connections { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Ensembles whose scaled encoders a learning rule changes (Voja), so their <c>encoders</c> signal is
    /// built writable. <see cref="ModelBuilder"/> fills it from every connection before building.
    /// </summary>
    public HashSet<Ensemble> LearnedEncoders { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Decoders solved ahead by <see cref="Builders.DecoderSolving.Presolve"/>, taken when the connection is built.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<Connection, Builders.DecoderSolution> Presolved { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Decoder solves this build has done, for connections and probes that pose the same problem again.</summary>
    internal Builders.SharedSolves SharedSolves { get; } = new();

    internal IProgress<BuildProgress>? Progress { get; }
    internal int TotalObjects { get; }
    internal int BuiltObjects { get; private set; }

    /// <summary>Adds an operator to the step.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The operator.</returns>
    public T Add<T>(T op) where T : Operator
    {
        _operators.Add(op);
        return op;
    }

    /// <summary>Records the signal of <paramref name="obj"/> under <paramref name="key"/> ("in", "out", "encoders", …).</summary>
    /// <param name="obj">The object.</param>
    /// <param name="key">The key.</param>
    /// <param name="signal">The signal.</param>
    /// <returns>The signal.</returns>
    public Signal SetSignal(object obj, string key, Signal signal)
    {
        if (!_sig.TryGetValue(obj, out var map)) _sig[obj] = map = [];
        map[key] = signal;
        return signal;
    }

    /// <summary>The signal of <paramref name="obj"/> under <paramref name="key"/>.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="key">The key.</param>
    /// <returns>The signal.</returns>
    /// <exception cref="BuildError">When the object has not been built or has no such signal.</exception>
    public Signal GetSignal(object obj, string key) =>
        TryGetSignal(obj, key) ?? throw new BuildError($"{Describe(obj)} has no built signal '{key}' (is it part of the network being built?).");

    /// <summary>The signal of <paramref name="obj"/> under <paramref name="key"/>, or null.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="key">The key.</param>
    /// <returns>The signal or null.</returns>
    public Signal? TryGetSignal(object obj, string key) =>
        _sig.TryGetValue(obj, out var map) && map.TryGetValue(key, out var s) ? s : null;

    /// <summary>Assigns the seed an object will be built with.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="seed">The seed.</param>
    public void SetSeed(NengoObject obj, int seed) => _seeds[obj] = seed;

    /// <summary>The seed assigned to <paramref name="obj"/> (its explicit seed, else the one drawn for it).</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The seed.</returns>
    public int SeedOf(NengoObject obj) => obj.Seed ?? (_seeds.TryGetValue(obj, out int s) ? s : throw new BuildError($"{obj.Describe} has no seed: it is not part of the network being built."));

    /// <summary>Builds an object with the registered builder.</summary>
    /// <param name="obj">The object.</param>
    public void Build(object obj)
    {
        Builders.Build(this, obj);
        if (obj is Ensemble or Connection)
        {
            BuiltObjects++;
            if (Progress is not null && (BuiltObjects % 16 == 0 || BuiltObjects == TotalObjects))
                Progress.Report(new BuildProgress(BuiltObjects, TotalObjects));
        }
    }

    internal IReadOnlyDictionary<object, IReadOnlyDictionary<string, Signal>> SignalMap() =>
        _sig.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, Signal>)kv.Value);

    private static string Describe(object o) => o switch { IConnectable c => c.Describe, NengoObject n => n.Describe, _ => o.ToString() ?? "?" };
}

/// <summary>How far a build has got.</summary>
/// <param name="Built">Ensembles and connections built so far.</param>
/// <param name="Total">Ensembles and connections to build.</param>
public readonly record struct BuildProgress(int Built, int Total);
