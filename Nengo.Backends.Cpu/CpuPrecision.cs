namespace Nengo.Backends.Cpu;

/// <summary>The element type the CPU backend stores signals in and computes with.</summary>
public enum CpuPrecision
{
    /// <summary>float64: the reference; results are bit-identical for any thread count.</summary>
    Double,

    /// <summary>
    /// float32: half the memory traffic and twice the SIMD lanes, at about 6e-8 relative rounding per operation.
    /// Build-time numerics (decoders, gains, filters) stay float64 and are rounded once when the simulation is
    /// prepared; results are still bit-identical for any thread count.
    /// </summary>
    Single,
}
