using System.Text;
using Silk.NET.OpenCL;

namespace Nengo.Backends.OpenCL.Interop;

/// <summary>Enumerates the OpenCL platforms and devices of the machine (once per process).</summary>
internal static class ClPlatforms
{
    private static readonly Lazy<(IReadOnlyList<OpenCLDevice> Devices, string? Error)> Found = new(Discover, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every device of every platform; empty when there is no library or platform.</summary>
    public static IReadOnlyList<OpenCLDevice> Devices => Found.Value.Devices;

    /// <summary>Why nothing was found (no library, no platform), or null.</summary>
    public static string? Error => Found.Value.Error;

    private static unsafe (IReadOnlyList<OpenCLDevice>, string?) Discover()
    {
        if (ClApi.LoadError is { } loadError) return ([], $"the OpenCL library could not be loaded ({loadError})");
        var api = ClApi.Api;
        uint count = 0;
        int err = api.GetPlatformIDs(0, null, &count);
        if (err != 0 || count == 0) return ([], $"clGetPlatformIDs found no platform ({ErrorNames.Of(err)})");
        var platforms = new nint[count];
        fixed (nint* p = platforms) ClApi.Check(api.GetPlatformIDs(count, p, null), "clGetPlatformIDs", "listing platforms");
        var devices = new List<OpenCLDevice>();
        for (int pi = 0; pi < platforms.Length; pi++)
        {
            string platformName = PlatformString(api, platforms[pi], PlatformInfo.Name);
            uint n = 0;
            if (api.GetDeviceIDs(platforms[pi], DeviceType.All, 0, null, &n) != 0 || n == 0) continue;
            var ids = new nint[n];
            fixed (nint* d = ids) if (api.GetDeviceIDs(platforms[pi], DeviceType.All, n, d, null) != 0) continue;
            for (int di = 0; di < ids.Length; di++)
            {
                var id = ids[di];
                ulong type = DeviceValue<ulong>(api, id, DeviceInfo.Type);
                string extensions = DeviceString(api, id, DeviceInfo.Extensions);
                devices.Add(new OpenCLDevice(pi, di, platformName, DeviceString(api, id, DeviceInfo.Name).Trim(),
                    DeviceString(api, id, DeviceInfo.Vendor).Trim(), DeviceString(api, id, DeviceInfo.Version).Trim(),
                    (type & (ulong)DeviceType.Gpu) != 0 ? OpenCLDeviceType.Gpu
                        : (type & (ulong)DeviceType.Cpu) != 0 ? OpenCLDeviceType.Cpu
                        : (type & (ulong)DeviceType.Accelerator) != 0 ? OpenCLDeviceType.Accelerator : OpenCLDeviceType.Other,
                    extensions.Split(' ').Contains("cl_khr_fp64"),
                    (long)DeviceValue<ulong>(api, id, DeviceInfo.GlobalMemSize),
                    (long)DeviceValue<ulong>(api, id, DeviceInfo.MaxMemAllocSize),
                    (int)DeviceValue<uint>(api, id, DeviceInfo.MaxComputeUnits))
                { PlatformId = platforms[pi], DeviceId = id });
            }
        }
        return devices.Count == 0 ? ([], $"{platforms.Length} platform(s) but no device") : (devices, null);
    }

    private static unsafe string PlatformString(CL api, nint platform, PlatformInfo what)
    {
        nuint size = 0;
        if (api.GetPlatformInfo(platform, what, 0, null, &size) != 0 || size == 0) return "";
        var bytes = new byte[size];
        fixed (byte* b = bytes) api.GetPlatformInfo(platform, what, size, b, null);
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0');
    }

    /// <summary>A string-valued device property.</summary>
    public static unsafe string DeviceString(CL api, nint device, DeviceInfo what)
    {
        nuint size = 0;
        if (api.GetDeviceInfo(device, what, 0, null, &size) != 0 || size == 0) return "";
        var bytes = new byte[size];
        fixed (byte* b = bytes) api.GetDeviceInfo(device, what, size, b, null);
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0');
    }

    private static unsafe T DeviceValue<T>(CL api, nint device, DeviceInfo what) where T : unmanaged
    {
        T value = default;
        api.GetDeviceInfo(device, what, (nuint)sizeof(T), &value, null);
        return value;
    }
}
