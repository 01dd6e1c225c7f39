namespace Nengo.Builder.Registry;

/// <summary>
/// Maps frontend types to their build functions. Lookup walks base types, so a subclass of
/// <see cref="Network"/> (e.g. a prebuilt network) is built by the network builder unless it registers
/// its own. Each simulator build uses its own registry: there is no global mutable state.
/// </summary>
/// <remarks>Nengo equivalent: <c>Builder.register</c> and its MRO walk.</remarks>
public sealed class BuilderRegistry
{
    private readonly Dictionary<Type, Action<BuildContext, object>> _builders = [];

    /// <summary>Registers the build function of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The frontend type.</typeparam>
    /// <param name="build">The build function.</param>
    /// <exception cref="InvalidOperationException">When <typeparamref name="T"/> already has one (use <see cref="Replace{T}"/>).</exception>
    public void Register<T>(Action<BuildContext, T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (_builders.ContainsKey(typeof(T)))
            throw new InvalidOperationException($"A builder for {typeof(T).Name} is already registered; use Replace<{typeof(T).Name}> to override it.");
        _builders[typeof(T)] = (ctx, o) => build(ctx, (T)o);
    }

    /// <summary>Registers or overrides the build function of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The frontend type.</typeparam>
    /// <param name="build">The build function.</param>
    public void Replace<T>(Action<BuildContext, T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        _builders[typeof(T)] = (ctx, o) => build(ctx, (T)o);
    }

    /// <summary>Builds <paramref name="obj"/> with the function registered for its type or nearest base type.</summary>
    /// <param name="context">The build in progress.</param>
    /// <param name="obj">The object.</param>
    /// <exception cref="BuildError">When no builder is registered for its type or any base type.</exception>
    public void Build(BuildContext context, object obj)
    {
        for (Type? t = obj.GetType(); t is not null; t = t.BaseType)
        {
            if (_builders.TryGetValue(t, out var build)) { build(context, obj); return; }
        }
        throw new BuildError($"Cannot build '{obj.GetType().Name}' (no builder for it or its base types).");
    }

    /// <summary>A registry with the builders of every frontend type (<see cref="DefaultBuilders.RegisterAll"/>).</summary>
    /// <returns>A new registry.</returns>
    public static BuilderRegistry CreateDefault()
    {
        var r = new BuilderRegistry();
        DefaultBuilders.RegisterAll(r);
        return r;
    }
}
