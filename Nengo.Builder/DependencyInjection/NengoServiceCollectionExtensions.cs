using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nengo.Backends;

namespace Nengo.DependencyInjection;

/// <summary>Creates simulators on a backend chosen by name from those registered with <c>Add…Backend()</c>.</summary>
public interface ISimulatorFactory
{
    /// <summary>The names of the registered backends.</summary>
    IReadOnlyList<string> BackendNames { get; }

    /// <summary>Builds a simulator for <paramref name="network"/> on the backend named <paramref name="backend"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="backend">A registered backend name, e.g. "cpu".</param>
    /// <param name="dt">Time step.</param>
    /// <param name="seed">Simulator seed.</param>
    /// <returns>The simulator.</returns>
    /// <exception cref="ValidationError">When no backend of that name is registered (the message lists the registered ones).</exception>
    Simulator Create(Network network, string backend = "cpu", double dt = 0.001, int? seed = null);
}

/// <summary>Registers NengoSharp with a DI container.</summary>
public static class NengoServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISimulatorFactory"/>; chain <c>.AddCpuBackend()</c> etc. to register backends.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for backend registrations.</returns>
    public static NengoServicesBuilder AddNengo(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ISimulatorFactory, SimulatorFactory>();
        return new NengoServicesBuilder(services);
    }

    private sealed class SimulatorFactory(IEnumerable<IBackendFactory> backends) : ISimulatorFactory
    {
        private readonly IBackendFactory[] _backends = backends.ToArray();

        public IReadOnlyList<string> BackendNames => _backends.Select(b => b.Name).ToArray();

        public Simulator Create(Network network, string backend = "cpu", double dt = 0.001, int? seed = null)
        {
            var factory = _backends.FirstOrDefault(b => string.Equals(b.Name, backend, StringComparison.OrdinalIgnoreCase))
                ?? throw new ValidationError($"SimulatorFactory: backend must be one of the registered backends ({string.Join(", ", BackendNames.Select(n => "'" + n + "'"))}), got '{backend}'.");
            return new Simulator(network, dt, factory.Create(), seed);
        }
    }
}
