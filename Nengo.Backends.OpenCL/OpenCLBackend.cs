using Nengo.Backends.OpenCL.Interop;
using Nengo.Graph;

namespace Nengo.Backends.OpenCL;

/// <summary>
/// Runs the operator graph on an OpenCL 1.2+ device (GPU, or a CPU through POCL): every signal in one
/// device buffer, the operators of each dependency level batched by kind into one launch each, float32
/// by default. <c>new Simulator(net, backend: new OpenCLBackend())</c>.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo_ocl.Simulator</c>. The device is chosen when the backend is created (so a
/// machine without a fitting device fails before anything is built): by default the first GPU, else the first
/// device; or by platform and device index; or by a predicate over <see cref="Devices"/>.</para>
/// <para>Supported: every operator; neuron types LIF, LIFRate, RectifiedLinear, SpikingRectifiedLinear,
/// AdaptiveLIF, AdaptiveLIFRate, Sigmoid, Tanh, Izhikevich and RegularSpiking; linear-filter synapses up to
/// order 16 on the device. Node functions and processes other than linear filters run on the host: those
/// without input are computed ahead for a block of steps and written in one transfer; those with input cost a
/// round trip (a wait for the device) every step. StochasticSpiking and PoissonSpiking are a
/// <see cref="NotSupportedByBackendError"/> (they need a device random generator).</para>
/// <para>Deviation: in float32 the results differ from the CPU's float64 by rounding (spike times can shift by a
/// step); use <see cref="OpenCLPrecision.Double"/> on a device with <c>cl_khr_fp64</c> to match it closely.</para>
/// </remarks>
public sealed class OpenCLBackend : IBackend
{
    /// <summary>Creates the backend on the preferred device: the first GPU, else the first device of any kind.</summary>
    /// <param name="precision">The element type of signals on the device.</param>
    /// <exception cref="OpenCLException">When no OpenCL platform or device is found.</exception>
    /// <exception cref="NotSupportedByBackendError">When <paramref name="precision"/> is Double and the device has no cl_khr_fp64.</exception>
    public OpenCLBackend(OpenCLPrecision precision = OpenCLPrecision.Single)
        : this(precision, Select(d => d.Type == OpenCLDeviceType.Gpu) ?? Select(_ => true)!) { }

    /// <summary>Creates the backend on the first device that <paramref name="device"/> accepts.</summary>
    /// <param name="device">Chooses a device, e.g. <c>d =&gt; d.Name.Contains("NVIDIA")</c>.</param>
    /// <param name="precision">The element type of signals on the device.</param>
    /// <exception cref="OpenCLException">When no device matches; the message lists every device found.</exception>
    /// <exception cref="NotSupportedByBackendError">When <paramref name="precision"/> is Double and the device has no cl_khr_fp64.</exception>
    public OpenCLBackend(Func<OpenCLDevice, bool> device, OpenCLPrecision precision = OpenCLPrecision.Single)
        : this(precision, Select(device ?? throw new ArgumentNullException(nameof(device)))
            ?? throw NotFound("no OpenCL device matches the device predicate")) { }

    /// <summary>Creates the backend on device <paramref name="deviceIndex"/> of platform <paramref name="platformIndex"/>.</summary>
    /// <param name="platformIndex">Index in clGetPlatformIDs order (see <see cref="OpenCLDevice.PlatformIndex"/>).</param>
    /// <param name="deviceIndex">Index of the device within the platform.</param>
    /// <param name="precision">The element type of signals on the device.</param>
    /// <exception cref="OpenCLException">When there is no such device; the message lists every device found.</exception>
    /// <exception cref="NotSupportedByBackendError">When <paramref name="precision"/> is Double and the device has no cl_khr_fp64.</exception>
    public OpenCLBackend(int platformIndex, int deviceIndex, OpenCLPrecision precision = OpenCLPrecision.Single)
        : this(precision, Select(d => d.PlatformIndex == platformIndex && d.DeviceIndex == deviceIndex)
            ?? throw NotFound($"there is no OpenCL device {platformIndex}.{deviceIndex} (platform {platformIndex}, device {deviceIndex})")) { }

    /// <summary>Creates the backend on <paramref name="device"/> (tests use it with a modified device record, e.g. a small allocation limit).</summary>
    /// <param name="precision">The element type of signals on the device.</param>
    /// <param name="device">The device.</param>
    internal OpenCLBackend(OpenCLPrecision precision, OpenCLDevice device)
    {
        if (!Enum.IsDefined(precision))
            throw new ValidationError(Check.Message(nameof(OpenCLBackend), nameof(precision), "must be Single or Double", precision));
        if (precision == OpenCLPrecision.Double && !device.SupportsDouble)
            throw new NotSupportedByBackendError($"OpenCL backend: device {device} has no cl_khr_fp64, so OpenCLPrecision.Double is not supported; use OpenCLPrecision.Single.");
        Device = device;
        Precision = precision;
    }

    /// <summary>Whether this machine has at least one OpenCL device (false, never an exception, when the library or platform is missing).</summary>
    public static bool IsAvailable => ClPlatforms.Devices.Count > 0;

    /// <summary>Why <see cref="IsAvailable"/> is false ("no OpenCL platform found: …"), or null when it is true.</summary>
    public static string? UnavailableReason => ClPlatforms.Error is { } e ? $"no OpenCL platform found: {e}" : null;

    /// <summary>Every OpenCL device of every platform on this machine (empty when none).</summary>
    public static IReadOnlyList<OpenCLDevice> Devices => ClPlatforms.Devices;

    /// <summary>Creates the backend on the preferred device, or says why it cannot.</summary>
    /// <param name="backend">The backend, or null.</param>
    /// <param name="reason">Why not, or null.</param>
    /// <param name="precision">The element type of signals on the device.</param>
    /// <returns>Whether a backend was created.</returns>
    public static bool TryCreate(out OpenCLBackend? backend, out string? reason, OpenCLPrecision precision = OpenCLPrecision.Single)
    {
        try
        {
            backend = new OpenCLBackend(precision);
            reason = null;
            return true;
        }
        catch (NengoException e)
        {
            backend = null;
            reason = e.Message;
            return false;
        }
    }

    /// <summary>The device this backend runs on.</summary>
    public OpenCLDevice Device { get; }

    /// <summary>The element type of signals on the device.</summary>
    public OpenCLPrecision Precision { get; }

    /// <inheritdoc />
    public string Name => "opencl";

    /// <inheritdoc />
    /// <exception cref="NotSupportedByBackendError">When the model uses a neuron type without a kernel or a filter of order above 16.</exception>
    /// <exception cref="OpenCLException">When the device cannot hold the model or a native call fails; every handle made is released.</exception>
    public ISimulation Prepare(Model model, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new OpenCLSimulation(model, seed, Device, Precision);
    }

    /// <summary>
    /// Test hook: compiles <paramref name="source"/> (prefixed with the kernels' common header) with the options a
    /// model's program uses, on a context of its own that is released before returning.
    /// </summary>
    /// <param name="source">OpenCL C source.</param>
    /// <exception cref="OpenCLException">When it does not compile; the message holds the build log.</exception>
    internal void CompileSource(string source)
    {
        using var cl = ClContext.Create(Device);
        cl.BuildProgram(Kernels.KernelSources.Common + "\n" + source, Kernels.KernelSources.Options(Precision), "the test source");
    }

    /// <inheritdoc />
    public override string ToString() => $"OpenCLBackend({Device}, {Precision})";

    private static OpenCLDevice? Select(Func<OpenCLDevice, bool> predicate)
    {
        var devices = ClPlatforms.Devices;
        if (devices.Count == 0)
            throw new OpenCLException("clGetPlatformIDs", ErrorNames.PlatformNotFound,
                $"no OpenCL platform found ({ClPlatforms.Error ?? "no platform"}); install an OpenCL driver (e.g. the Debian packages pocl-opencl-icd and ocl-icd-libopencl1).");
        return devices.FirstOrDefault(predicate);
    }

    private static OpenCLException NotFound(string what) =>
        new("clGetDeviceIDs", ErrorNames.DeviceNotFound,
            $"{what}; devices found:\n{string.Join("\n", ClPlatforms.Devices.Select(d => "  " + d))}");
}
