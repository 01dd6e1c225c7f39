using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nengo.DependencyInjection;

namespace Nengo.Backends.OpenCL.DependencyInjection;

/// <summary>Registers the OpenCL backend with a DI container.</summary>
public static class OpenCLBackendServiceExtensions
{
    /// <summary>Registers the OpenCL backend under the name "opencl" (on the preferred device; the device is chosen when a simulator is created).</summary>
    /// <param name="builder">The builder returned by <c>services.AddNengo()</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static NengoServicesBuilder AddOpenCLBackend(this NengoServicesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendFactory, OpenCLBackendFactory>());
        return builder;
    }

    private sealed class OpenCLBackendFactory : IBackendFactory
    {
        public string Name => "opencl";
        public IBackend Create() => new OpenCLBackend();
    }
}
