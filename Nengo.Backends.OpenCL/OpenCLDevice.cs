namespace Nengo.Backends.OpenCL;

/// <summary>The kind of an OpenCL device.</summary>
public enum OpenCLDeviceType
{
    /// <summary>A CPU device (e.g. POCL's pthread device).</summary>
    Cpu,
    /// <summary>A GPU.</summary>
    Gpu,
    /// <summary>A dedicated accelerator.</summary>
    Accelerator,
    /// <summary>Anything else (custom devices).</summary>
    Other,
}

/// <summary>The element type of every signal on the device.</summary>
public enum OpenCLPrecision
{
    /// <summary>float32: every device supports it, and it halves memory traffic (the default, as in nengo_ocl).</summary>
    Single,
    /// <summary>float64: needs a device with <c>cl_khr_fp64</c>.</summary>
    Double,
}

/// <summary>One OpenCL device found on this machine, as <see cref="OpenCLBackend.Devices"/> lists it.</summary>
/// <param name="PlatformIndex">Index of its platform in clGetPlatformIDs order.</param>
/// <param name="DeviceIndex">Index of the device within its platform.</param>
/// <param name="Platform">The platform's name, e.g. "Portable Computing Language".</param>
/// <param name="Name">The device's name.</param>
/// <param name="Vendor">The device's vendor.</param>
/// <param name="Version">The device's OpenCL version string.</param>
/// <param name="Type">CPU, GPU, accelerator or other.</param>
/// <param name="SupportsDouble">Whether it has <c>cl_khr_fp64</c> (needed for <see cref="OpenCLPrecision.Double"/>).</param>
/// <param name="GlobalMemoryBytes">Its global memory.</param>
/// <param name="MaxAllocationBytes">The largest single buffer it allows (CL_DEVICE_MAX_MEM_ALLOC_SIZE).</param>
/// <param name="ComputeUnits">Its compute units.</param>
public sealed record OpenCLDevice(int PlatformIndex, int DeviceIndex, string Platform, string Name, string Vendor, string Version,
    OpenCLDeviceType Type, bool SupportsDouble, long GlobalMemoryBytes, long MaxAllocationBytes, int ComputeUnits)
{
    /// <summary>The native platform id.</summary>
    internal nint PlatformId { get; init; }

    /// <summary>The native device id.</summary>
    internal nint DeviceId { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"[{PlatformIndex}.{DeviceIndex}] {Name} ({Type}, {Platform}, {Version}{(SupportsDouble ? ", fp64" : "")}, {GlobalMemoryBytes >> 20} MiB)";
}
