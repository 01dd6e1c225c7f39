namespace Nengo.Backends.Cpu.Kernels;

/// <summary>One operator prepared for execution: offsets resolved, parameters precomputed, nothing allocated per run.</summary>
internal abstract class CpuKernel
{
    /// <summary>Executes the operator for one step.</summary>
    public abstract void Run();

    /// <summary>Called on simulator reset (kernels with hidden state clear it here).</summary>
    /// <param name="seed">The simulator seed.</param>
    public virtual void Reset(int seed) { }
}
