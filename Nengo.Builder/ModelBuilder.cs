using Nengo.Builder.Caching;
using Nengo.Builder.Numerics;
using Nengo.Builder.Registry;
using Nengo.Graph;

namespace Nengo.Builder;

/// <summary>Compiles a <see cref="Network"/> into a <see cref="Model"/>: decoders, gains, biases, the operator graph and its step order.</summary>
public static class ModelBuilder
{
    /// <summary>Builds the model. Nothing is kept if any step fails.</summary>
    /// <param name="network">The top-level network.</param>
    /// <param name="dt">Time step in seconds.</param>
    /// <param name="builders">Build functions (null: the defaults).</param>
    /// <param name="solvers">Solver implementations (null: the defaults).</param>
    /// <param name="progress">Receives build progress (ensembles and connections done).</param>
    /// <param name="decoderCache">Where solved decoders are looked up and stored; null: the directory named by
    /// <see cref="DecoderCache.EnvironmentVariable"/> if it is set, else no cache.</param>
    /// <returns>The model.</returns>
    /// <exception cref="BuildError">When the network cannot be built.</exception>
    /// <exception cref="ValidationError">When dt is not positive.</exception>
    public static Model Build(Network network, double dt = 0.001, BuilderRegistry? builders = null,
        SolverRegistry? solvers = null, IProgress<BuildProgress>? progress = null, DecoderCache? decoderCache = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Check.Positive(dt, "Simulator", nameof(dt));
        int total = network.AllEnsembles.Count() + network.AllConnections.Count() + network.AllProbes.Count();
        var ctx = new BuildContext(dt, builders ?? BuilderRegistry.CreateDefault(), solvers ?? SolverRegistry.CreateDefault(), progress, total)
        {
            DecoderCache = decoderCache ?? DecoderCache.FromEnvironment(),
        };
        ctx.SetSeed(network, network.Seed ?? Random.Shared.Next());
        foreach (var conn in network.AllConnections)
            if (conn.LearningRule?.RuleType.Modifies == LearningTarget.Encoders && conn.PostObject is Ensemble learned)
                ctx.LearnedEncoders.Add(learned);
        using (ScratchArrays.Scope()) ctx.Build(network);
        return Model.Create(dt, network.Label, ctx.StepSignal, ctx.TimeSignal, ctx.Operators, ctx.Probes, ctx.SignalMap(),
            ctx.Ensembles.ToDictionary(kv => kv.Key, kv => kv.Value, ReferenceEqualityComparer.Instance as IEqualityComparer<Ensemble>),
            ctx.Connections.ToDictionary(kv => kv.Key, kv => kv.Value, ReferenceEqualityComparer.Instance as IEqualityComparer<Connection>));
    }
}
