namespace Nengo.Builder.Numerics;

/// <summary>
/// Maps <see cref="Solver"/> description types to the <see cref="IDecoderSolver"/> that does their
/// numerics. Lookup walks the description's base types, so an implementation registered for a base
/// record also serves records derived from it. Each builder owns its registry (there is no global one).
/// </summary>
public sealed class SolverRegistry
{
    private readonly Dictionary<Type, IDecoderSolver> _impls = new();

    /// <summary>
    /// A registry with the built-in solvers (NEF.md §5): <see cref="LstsqL2"/>, <see cref="LstsqL2nz"/>,
    /// <see cref="Lstsq"/>, <see cref="LstsqNoise"/>, <see cref="LstsqMultNoise"/>, <see cref="LstsqL1"/>,
    /// <see cref="LstsqDrop"/> (whose sub-solvers are looked up in this same registry), <see cref="Nnls"/>,
    /// <see cref="NnlsL2"/>, <see cref="NnlsL2nz"/> and <see cref="NoSolver"/>.
    /// </summary>
    /// <returns>A new registry.</returns>
    public static SolverRegistry CreateDefault()
    {
        var registry = new SolverRegistry();
        registry.Register<LstsqL2>(new LstsqL2Solver());
        registry.Register<LstsqL2nz>(new LstsqL2nzSolver());
        registry.Register<Lstsq>(new LstsqSolver());
        registry.Register<LstsqNoise>(new LstsqNoiseSolver());
        registry.Register<LstsqMultNoise>(new LstsqMultNoiseSolver());
        registry.Register<LstsqL1>(new LstsqL1Solver());
        registry.Register<LstsqDrop>(new LstsqDropSolver(registry));
        registry.Register<Nnls>(new NnlsSolver());
        registry.Register<NnlsL2>(new NnlsL2Solver());
        registry.Register<NnlsL2nz>(new NnlsL2nzSolver());
        registry.Register<NoSolver>(new NoSolverSolver());
        return registry;
    }

    /// <summary>Registers the implementation for a solver description type.</summary>
    /// <typeparam name="TSolver">The solver description type.</typeparam>
    /// <param name="impl">The implementation.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="impl"/> is null.</exception>
    /// <exception cref="InvalidOperationException">When <typeparamref name="TSolver"/> already has one (use <see cref="Replace{TSolver}"/>).</exception>
    public void Register<TSolver>(IDecoderSolver impl) where TSolver : Solver
    {
        ArgumentNullException.ThrowIfNull(impl);
        if (!_impls.TryAdd(typeof(TSolver), impl))
            throw new InvalidOperationException(
                $"A solver implementation for '{typeof(TSolver).Name}' is already registered; use Replace<{typeof(TSolver).Name}>() to override it.");
    }

    /// <summary>Registers or overrides the implementation for a solver description type.</summary>
    /// <typeparam name="TSolver">The solver description type.</typeparam>
    /// <param name="impl">The implementation.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="impl"/> is null.</exception>
    public void Replace<TSolver>(IDecoderSolver impl) where TSolver : Solver
    {
        ArgumentNullException.ThrowIfNull(impl);
        _impls[typeof(TSolver)] = impl;
    }

    /// <summary>Whether an implementation serves <paramref name="solver"/> (directly or through a base type).</summary>
    /// <param name="solver">The solver description.</param>
    /// <returns>True when <see cref="Get"/> would succeed.</returns>
    public bool Contains(Solver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        return Find(solver.GetType()) is not null;
    }

    /// <summary>The implementation for a solver description, found by its runtime type or the nearest base type.</summary>
    /// <param name="solver">The solver description.</param>
    /// <returns>The implementation.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="solver"/> is null.</exception>
    /// <exception cref="BuildError">When no implementation is registered for the type or any of its bases.</exception>
    public IDecoderSolver Get(Solver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        return Find(solver.GetType())
            ?? throw new BuildError(
                $"no solver implementation for '{solver.GetType().Name}' is registered in this builder " +
                $"(registered: {(_impls.Count == 0 ? "none" : string.Join(", ", _impls.Keys.Select(t => t.Name).Order()))}).");
    }

    private IDecoderSolver? Find(Type type)
    {
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
            if (_impls.TryGetValue(t, out var impl)) return impl;
        return null;
    }
}
