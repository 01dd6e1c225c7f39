using System.Text;
using Silk.NET.OpenCL;

namespace Nengo.Backends.OpenCL.Interop;

/// <summary>
/// An OpenCL context and in-order command queue on one device, and every native object created through
/// it. <see cref="Dispose"/> releases them all (kernels, programs, buffers, then the queue and the
/// context); a failure while creating one releases what was made so far.
/// </summary>
internal sealed unsafe class ClContext : IDisposable
{
    private readonly List<ClHandle> _owned = [];
    private readonly ClHandle _context;
    private readonly ClHandle _queue;
    private bool _disposed;

    private ClContext(OpenCLDevice device, ClHandle context, ClHandle queue)
    {
        Device = device;
        _context = context;
        _queue = queue;
    }

    /// <summary>The device.</summary>
    public OpenCLDevice Device { get; }

    /// <summary>The API.</summary>
    public CL Api => ClApi.Api;

    /// <summary>The command queue's native value.</summary>
    public nint Queue => _queue.Value;

    /// <summary>Creates a context and an in-order queue on <paramref name="device"/>.</summary>
    /// <param name="device">The device.</param>
    /// <returns>The context.</returns>
    /// <exception cref="OpenCLException">When either cannot be created.</exception>
    public static ClContext Create(OpenCLDevice device)
    {
        var api = ClApi.Api;
        int err;
        nint id = device.DeviceId;
        nint ctx = api.CreateContext(null, 1, &id, null, null, &err);
        ClApi.Check(err, "clCreateContext", $"creating a context on {device}");
        var context = new ClHandle(ctx, ClHandleKind.Context);
        nint queue = api.CreateCommandQueue(ctx, id, CommandQueueProperties.None, &err);
        if (err != 0)
        {
            context.Dispose();
            ClApi.Check(err, "clCreateCommandQueue", $"creating a command queue on {device}");
        }
        return new ClContext(device, context, new ClHandle(queue, ClHandleKind.Queue));
    }

    /// <summary>Allocates a device buffer of <paramref name="bytes"/> bytes.</summary>
    /// <param name="bytes">Its size (&gt; 0).</param>
    /// <param name="what">What it holds, for messages.</param>
    /// <returns>The buffer.</returns>
    /// <exception cref="OpenCLException">When the device cannot hold it (CL_INVALID_BUFFER_SIZE, CL_MEM_OBJECT_ALLOCATION_FAILURE, …).</exception>
    public ClBuffer CreateBuffer(long bytes, string what)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        bytes = Math.Max(bytes, 16);
        if (bytes > Device.MaxAllocationBytes)
            throw new OpenCLException("clCreateBuffer", ErrorNames.InvalidBufferSize,
                $"{what} needs {bytes} bytes, more than the largest buffer {Device.Name} allows ({Device.MaxAllocationBytes} bytes); " +
                "use a smaller model, fewer or sparser probes, or OpenCLPrecision.Single.");
        int err;
        nint mem = Api.CreateBuffer(_context.Value, MemFlags.ReadWrite, (nuint)bytes, null, &err);
        ClApi.Check(err, "clCreateBuffer", $"allocating {bytes} bytes for {what} on {Device.Name}");
        var handle = Own(new ClHandle(mem, ClHandleKind.Buffer));
        return new ClBuffer(handle, bytes, what);
    }

    /// <summary>Allocates a buffer holding <paramref name="data"/> (written before this returns).</summary>
    /// <param name="data">The initial contents.</param>
    /// <param name="what">What it holds, for messages.</param>
    /// <returns>The buffer.</returns>
    /// <exception cref="OpenCLException">When it cannot be allocated or written.</exception>
    public ClBuffer CreateBuffer(ReadOnlySpan<byte> data, string what)
    {
        var buffer = CreateBuffer(data.Length, what);
        if (data.Length > 0)
            fixed (byte* p = data) Write(buffer, 0, p, data.Length, blocking: true);
        return buffer;
    }

    /// <summary>Compiles <paramref name="source"/> for the device.</summary>
    /// <param name="source">OpenCL C source.</param>
    /// <param name="options">Compiler options (e.g. <c>-D NENGO_DOUBLE</c>).</param>
    /// <param name="what">What it is, for messages.</param>
    /// <returns>The built program.</returns>
    /// <exception cref="OpenCLException">When it does not compile; the message holds the build log.</exception>
    public ClHandle BuildProgram(string source, string options, string what)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int err;
        nint program;
        var bytes = Encoding.UTF8.GetBytes(source);
        fixed (byte* s = bytes)
        {
            byte* strings = s;
            nuint length = (nuint)bytes.Length;
            program = Api.CreateProgramWithSource(_context.Value, 1, &strings, &length, &err);
        }
        ClApi.Check(err, "clCreateProgramWithSource", $"creating {what}");
        var handle = Own(new ClHandle(program, ClHandleKind.Program));
        nint device = Device.DeviceId;
        err = Api.BuildProgram(program, 1, &device, options, null, null);
        if (err != 0)
            throw new OpenCLException("clBuildProgram", err, $"{what} does not compile for {Device.Name} (options '{options}'). Build log:\n{BuildLog(program)}");
        return handle;
    }

    /// <summary>Creates kernel <paramref name="name"/> of a built program.</summary>
    /// <param name="program">The program.</param>
    /// <param name="name">The kernel function's name.</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="OpenCLException">When there is no such kernel.</exception>
    public ClKernel CreateKernel(ClHandle program, string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int err;
        nint kernel = Api.CreateKernel(program.Value, name, &err);
        ClApi.Check(err, "clCreateKernel", $"creating kernel '{name}'");
        return new ClKernel(Own(new ClHandle(kernel, ClHandleKind.Kernel)), name);
    }

    /// <summary>Copies host memory into a buffer.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <param name="offset">Byte offset in the buffer.</param>
    /// <param name="source">Host memory; when not blocking it must stay pinned and unchanged until the queue passes the write.</param>
    /// <param name="bytes">Bytes to copy.</param>
    /// <param name="blocking">Wait until the copy is done.</param>
    /// <exception cref="OpenCLException">When the copy fails.</exception>
    public void Write(ClBuffer buffer, long offset, void* source, long bytes, bool blocking)
    {
        if (bytes == 0) return;
        int err = Api.EnqueueWriteBuffer(_queue.Value, buffer.Handle.Value, blocking, (nuint)offset, (nuint)bytes, source, 0, null, null);
        ClApi.Check(err, "clEnqueueWriteBuffer", $"writing {bytes} bytes at {offset} of {buffer.What}");
    }

    /// <summary>Copies part of a buffer into host memory.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <param name="offset">Byte offset in the buffer.</param>
    /// <param name="target">Host memory; when not blocking it must stay pinned until <see cref="Finish"/>.</param>
    /// <param name="bytes">Bytes to copy.</param>
    /// <param name="blocking">Wait until the copy is done.</param>
    /// <exception cref="OpenCLException">When the copy fails (including an earlier kernel's failure).</exception>
    public void Read(ClBuffer buffer, long offset, void* target, long bytes, bool blocking)
    {
        if (bytes == 0) return;
        int err = Api.EnqueueReadBuffer(_queue.Value, buffer.Handle.Value, blocking, (nuint)offset, (nuint)bytes, target, 0, null, null);
        ClApi.Check(err, "clEnqueueReadBuffer", $"reading {bytes} bytes at {offset} of {buffer.What}");
    }

    /// <summary>Enqueues a 1-D launch of <paramref name="kernel"/> over <paramref name="global"/> work-items.</summary>
    /// <param name="kernel">The kernel, its arguments set.</param>
    /// <param name="global">Work-items (&gt; 0).</param>
    /// <exception cref="OpenCLException">When the launch is rejected.</exception>
    public void Launch(ClKernel kernel, nuint global)
    {
        int err = Api.EnqueueNdrangeKernel(_queue.Value, kernel.Handle.Value, 1, null, &global, null, 0, null, null);
        if (err != 0) ClApi.Check(err, "clEnqueueNDRangeKernel", $"launching '{kernel.Name}' over {global} work-items");
    }

    /// <summary>Waits until every queued command has finished.</summary>
    /// <exception cref="OpenCLException">When a queued command failed.</exception>
    public void Finish() => ClApi.Check(Api.Finish(_queue.Value), "clFinish", $"waiting for the queue of {Device.Name}");

    /// <summary>Submits queued commands to the device without waiting.</summary>
    /// <exception cref="OpenCLException">When submission fails.</exception>
    public void Flush() => ClApi.Check(Api.Flush(_queue.Value), "clFlush", $"submitting to {Device.Name}");

    /// <summary>Releases every native object made through this context, then the queue and the context.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_queue.IsClosed) Api.Finish(_queue.Value);
        for (int i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
        _queue.Dispose();
        _context.Dispose();
    }

    private ClHandle Own(ClHandle handle)
    {
        _owned.Add(handle);
        return handle;
    }

    private string BuildLog(nint program)
    {
        nuint size = 0;
        if (Api.GetProgramBuildInfo(program, Device.DeviceId, ProgramBuildInfo.BuildLog, 0, null, &size) != 0 || size == 0)
            return "(no build log)";
        var log = new byte[size];
        fixed (byte* p = log) Api.GetProgramBuildInfo(program, Device.DeviceId, ProgramBuildInfo.BuildLog, size, p, null);
        return Encoding.UTF8.GetString(log).TrimEnd('\0').Trim();
    }
}

/// <summary>A device buffer.</summary>
/// <param name="Handle">The cl_mem.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="What">What it holds, for messages.</param>
internal sealed record ClBuffer(ClHandle Handle, long Bytes, string What);

/// <summary>A kernel whose arguments are set once at plan time (and a few per step).</summary>
/// <param name="Handle">The cl_kernel.</param>
/// <param name="Name">The kernel function's name.</param>
internal sealed unsafe record ClKernel(ClHandle Handle, string Name)
{
    /// <summary>Sets a buffer argument.</summary>
    /// <param name="index">Argument index.</param>
    /// <param name="buffer">The buffer.</param>
    public void Set(uint index, ClBuffer buffer)
    {
        nint mem = buffer.Handle.Value;
        Check(ClApi.Api.SetKernelArg(Handle.Value, index, (nuint)sizeof(nint), &mem), index);
    }

    /// <summary>Sets an int argument.</summary>
    /// <param name="index">Argument index.</param>
    /// <param name="value">The value.</param>
    public void Set(uint index, int value) => Check(ClApi.Api.SetKernelArg(Handle.Value, index, sizeof(int), &value), index);

    /// <summary>Sets a <c>real</c> argument in the simulation's precision.</summary>
    /// <param name="index">Argument index.</param>
    /// <param name="value">The value.</param>
    /// <param name="precision">float or double.</param>
    public void SetReal(uint index, double value, OpenCLPrecision precision)
    {
        if (precision == OpenCLPrecision.Double)
            Check(ClApi.Api.SetKernelArg(Handle.Value, index, sizeof(double), &value), index);
        else
        {
            float f = (float)value;
            Check(ClApi.Api.SetKernelArg(Handle.Value, index, sizeof(float), &f), index);
        }
    }

    private void Check(int err, uint index)
    {
        if (err != 0) ClApi.Check(err, "clSetKernelArg", $"argument {index} of '{Name}'");
    }
}
