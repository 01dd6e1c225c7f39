using System.Runtime.InteropServices;

namespace Nengo.Backends.OpenCL.Interop;

/// <summary>What kind of OpenCL object a <see cref="ClHandle"/> holds (which clRelease… frees it).</summary>
internal enum ClHandleKind
{
    /// <summary>A cl_context.</summary>
    Context,
    /// <summary>A cl_command_queue.</summary>
    Queue,
    /// <summary>A cl_mem.</summary>
    Buffer,
    /// <summary>A cl_program.</summary>
    Program,
    /// <summary>A cl_kernel.</summary>
    Kernel,
}

/// <summary>
/// One reference to a native OpenCL object, released exactly once (by Dispose, or by the finalizer if
/// the owner forgot). <see cref="Live"/> counts the handles not yet released in the process, which the
/// tests use to prove that a simulation frees everything on Dispose and after a failure.
/// </summary>
internal sealed class ClHandle : SafeHandle
{
    private static int s_live;

    /// <summary>Takes ownership of <paramref name="value"/>.</summary>
    /// <param name="value">The native object (non-zero).</param>
    /// <param name="kind">Its kind.</param>
    public ClHandle(nint value, ClHandleKind kind) : base(0, ownsHandle: true)
    {
        Kind = kind;
        SetHandle(value);
        Interlocked.Increment(ref s_live);
    }

    /// <summary>Native handles created and not yet released, in the whole process.</summary>
    public static int Live => Volatile.Read(ref s_live);

    /// <summary>The kind of object.</summary>
    public ClHandleKind Kind { get; }

    /// <summary>The native value.</summary>
    public nint Value => handle;

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        var api = ClApi.Api;
        int err = Kind switch
        {
            ClHandleKind.Context => api.ReleaseContext(handle),
            ClHandleKind.Queue => api.ReleaseCommandQueue(handle),
            ClHandleKind.Buffer => api.ReleaseMemObject(handle),
            ClHandleKind.Program => api.ReleaseProgram(handle),
            _ => api.ReleaseKernel(handle),
        };
        Interlocked.Decrement(ref s_live);
        return err == 0;
    }
}
