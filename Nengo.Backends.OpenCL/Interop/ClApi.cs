using Silk.NET.OpenCL;

namespace Nengo.Backends.OpenCL.Interop;

/// <summary>
/// The one Silk.NET OpenCL API object of the process, loaded on first use. A missing OpenCL library
/// (no ICD loader installed) is remembered as a reason instead of an exception, so that
/// <see cref="OpenCLBackend.IsAvailable"/> can say false without throwing.
/// </summary>
internal static class ClApi
{
    private static readonly Lazy<(CL? Api, string? Error)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The API, or an <see cref="OpenCLException"/> saying why it cannot be loaded.</summary>
    /// <exception cref="OpenCLException">When the OpenCL library cannot be loaded.</exception>
    public static CL Api => Loaded.Value.Api ?? throw new OpenCLException("dlopen(libOpenCL)", ErrorNames.PlatformNotFound,
        $"no OpenCL platform found: the OpenCL library could not be loaded ({Loaded.Value.Error}); install an OpenCL ICD loader and driver " +
        "(e.g. the Debian packages ocl-icd-libopencl1 and pocl-opencl-icd).");

    /// <summary>Why the library could not be loaded, or null when it was.</summary>
    public static string? LoadError => Loaded.Value.Error;

    /// <summary>Throws an <see cref="OpenCLException"/> when <paramref name="code"/> is not CL_SUCCESS.</summary>
    /// <param name="code">The returned error code.</param>
    /// <param name="call">The native call, e.g. <c>clEnqueueNDRangeKernel</c>.</param>
    /// <param name="detail">What was being done.</param>
    /// <exception cref="OpenCLException">When the call failed.</exception>
    public static void Check(int code, string call, string detail)
    {
        if (code != 0) throw new OpenCLException(call, code, detail);
    }

    private static unsafe (CL?, string?) Load()
    {
        try
        {
            var api = CL.GetApi();
            uint count = 0;
            // The first call resolves the native library; a missing one surfaces here.
            int err = api.GetPlatformIDs(0, null, &count);
            _ = err;
            return (api, null);
        }
        catch (Exception e)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
