using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nengo.DependencyInjection;

namespace Nengo.Backends.Cpu.DependencyInjection;

/// <summary>Registers the CPU backend with a DI container.</summary>
public static class CpuBackendServiceExtensions
{
    /// <summary>Registers the CPU backend under the name "cpu".</summary>
    /// <param name="builder">The builder returned by <c>services.AddNengo()</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static NengoServicesBuilder AddCpuBackend(this NengoServicesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendFactory, CpuBackendFactory>());
        return builder;
    }

    private sealed class CpuBackendFactory : IBackendFactory
    {
        public string Name => "cpu";
        public IBackend Create() => new CpuBackend();
    }
}
