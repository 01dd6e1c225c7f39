using Nengo.Backends.OpenCL.Interop;

namespace Nengo.Backends.OpenCL;

/// <summary>
/// A native OpenCL call failed, or no platform or device fits: carries the call and its error code
/// (ILGPU's <c>CLException</c>).
/// </summary>
/// <remarks>
/// Raised for a missing OpenCL library or platform, a device selection that matches nothing, a failed
/// allocation (out of device memory), a kernel that does not compile (the message holds the build log)
/// and any other native failure. A simulation that hits one while running releases every native handle
/// it holds; later calls on it raise <see cref="SimulationError"/>.
/// </remarks>
public class OpenCLException : NengoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="call">The native call that failed, e.g. <c>clBuildProgram</c>.</param>
    /// <param name="errorCode">The OpenCL error code it returned (e.g. -11 for CL_BUILD_PROGRAM_FAILURE).</param>
    /// <param name="detail">What was being done, naming the object and the values involved.</param>
    /// <param name="inner">The cause, if any.</param>
    public OpenCLException(string call, int errorCode, string detail, Exception? inner = null)
        : base($"OpenCL backend: {call} failed with {ErrorNames.Of(errorCode)} ({errorCode}): {detail}", inner)
    {
        Call = call;
        ErrorCode = errorCode;
    }

    /// <summary>The native call that failed.</summary>
    public string Call { get; }

    /// <summary>The OpenCL error code (negative; 0 is never raised).</summary>
    public int ErrorCode { get; }

    /// <summary>The error code's name in the OpenCL headers, e.g. <c>CL_OUT_OF_RESOURCES</c>.</summary>
    public string ErrorName => ErrorNames.Of(ErrorCode);
}
