namespace Nengo.Backends.OpenCL.Planning;

/// <summary>
/// The operators of one kind within one dependency level, collected into index tables and emitted as
/// one launch (or a few): nengo_ocl's plan per operator group. Entries are collected while the graph
/// is visited; <see cref="Emit"/> runs once the signal buffer and the program exist.
/// </summary>
internal abstract class KernelGroup
{
    /// <summary>Whether anything was added.</summary>
    public abstract bool IsEmpty { get; }

    /// <summary>Creates the kernels, uploads the tables and sets the arguments.</summary>
    /// <param name="ctx">The device, program and buffer.</param>
    /// <returns>The launches, in the order they must run.</returns>
    public abstract IEnumerable<Launch> Emit(EmitContext ctx);
}
