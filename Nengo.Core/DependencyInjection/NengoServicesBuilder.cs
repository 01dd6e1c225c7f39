using Microsoft.Extensions.DependencyInjection;

namespace Nengo.DependencyInjection;

/// <summary>Returned by <c>services.AddNengo()</c> so backends can chain their registrations: <c>.AddCpuBackend()</c>.</summary>
public sealed class NengoServicesBuilder
{
    /// <summary>Wraps a service collection.</summary>
    /// <param name="services">The collection.</param>
    public NengoServicesBuilder(IServiceCollection services) { Services = services ?? throw new ArgumentNullException(nameof(services)); }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }
}
