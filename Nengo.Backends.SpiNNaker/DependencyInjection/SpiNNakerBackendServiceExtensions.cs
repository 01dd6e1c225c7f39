using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nengo.DependencyInjection;

namespace Nengo.Backends.SpiNNaker.DependencyInjection;

/// <summary>Registers the SpiNNaker backend with a DI container.</summary>
public static class SpiNNakerBackendServiceExtensions
{
    /// <summary>
    /// Registers the emulated SpiNNaker backend under the name "spinnaker-emulated" (a fresh loopback board per
    /// simulation). A real board ("spinnaker") needs a host address and APLX programs, so it is not registered by
    /// default: construct <see cref="SpiNNakerBackend(string, SpiNNakerOptions?)"/> and pass it to the simulator.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddNengo()</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static NengoServicesBuilder AddSpiNNakerBackend(this NengoServicesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendFactory, EmulatedFactory>());
        return builder;
    }

    private sealed class EmulatedFactory : IBackendFactory
    {
        public string Name => "spinnaker-emulated";
        public IBackend Create() => SpiNNakerBackend.Emulated();
    }
}
