using Nengo.Builder.Builders;

namespace Nengo.Builder.Registry;

/// <summary>The explicit list of NengoSharp's build functions (no reflection scanning, no static side effects).</summary>
public static class DefaultBuilders
{
    /// <summary>Registers every default builder.</summary>
    /// <param name="registry">The registry to fill.</param>
    public static void RegisterAll(BuilderRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register<Network>(NetworkBuilder.Build);
        registry.Register<Ensemble>(EnsembleBuilder.Build);
        registry.Register<Node>(NodeBuilder.Build);
        registry.Register<Connection>(ConnectionBuilder.Build);
        registry.Register<Probe>(ProbeBuilder.Build);
    }
}
