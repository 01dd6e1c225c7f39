using System.Runtime.InteropServices;
using Nengo.Backends.OpenCL.Interop;
using Nengo.Backends.OpenCL.Memory;

namespace Nengo.Backends.OpenCL.Planning;

/// <summary>What a kernel group needs to turn its collected entries into launches: the device, the compiled program and the signal buffer.</summary>
internal sealed class EmitContext(ClContext cl, ClHandle program, ClBuffer signals, SignalArena arena, OpenCLPrecision precision, double dt)
{
    /// <summary>The device context.</summary>
    public ClContext Cl { get; } = cl;

    /// <summary>The one device buffer of every signal.</summary>
    public ClBuffer Signals { get; } = signals;

    /// <summary>The signal layout.</summary>
    public SignalArena Arena { get; } = arena;

    /// <summary>float32 or float64.</summary>
    public OpenCLPrecision Precision { get; } = precision;

    /// <summary>The time step.</summary>
    public double Dt { get; } = dt;

    /// <summary>Creates a kernel of the model's program.</summary>
    /// <param name="name">The kernel function.</param>
    /// <returns>The kernel (released with the context).</returns>
    public ClKernel Kernel(string name) => Cl.CreateKernel(program, name);

    /// <summary>Uploads an int32 index table.</summary>
    /// <param name="values">The table.</param>
    /// <param name="what">What it indexes, for messages.</param>
    /// <returns>The buffer.</returns>
    public ClBuffer Ints(IReadOnlyList<int> values, string what) =>
        Cl.CreateBuffer(MemoryMarshal.AsBytes<int>(values.ToArray()), what);

    /// <summary>Uploads a table of parameters in the device precision.</summary>
    /// <param name="values">The values.</param>
    /// <param name="what">What they are, for messages.</param>
    /// <returns>The buffer.</returns>
    public ClBuffer Reals(IReadOnlyList<double> values, string what) =>
        Cl.CreateBuffer(Memory.Reals.Bytes(values.ToArray(), Precision), what);

    /// <summary>A launch on this context.</summary>
    /// <param name="kernel">The kernel, its fixed arguments set.</param>
    /// <param name="workItems">Global size.</param>
    /// <param name="perStep">Sets per-step arguments, or null.</param>
    /// <returns>The launch.</returns>
    public Launch Launch(ClKernel kernel, int workItems, Action<ClKernel, int, long, double>? perStep = null) => new(Cl, kernel, workItems, perStep);
}
