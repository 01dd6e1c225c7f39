namespace Nengo.Backends.Cpu.Kernels;

/// <summary>One operator prepared for execution: offsets resolved, parameters precomputed, nothing allocated per run.</summary>
internal abstract class CpuKernel
{
    /// <summary>Executes the operator for one step.</summary>
    public abstract void Run();

    /// <summary>Called on every (re)start, in step order (kernels with hidden state or randomness re-create it here).</summary>
    /// <param name="simulatorRng">The simulator's generator, seeded with the simulator seed; kernels that need randomness draw their seed from it.</param>
    public virtual void Reset(Random simulatorRng) { }
}
