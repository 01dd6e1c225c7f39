using Nengo.Graph;

namespace Nengo.Backends.Cpu;

/// <summary>
/// The reference backend: runs the operator graph on the CPU, one kernel per operator in step order, over
/// one contiguous signal arena, in float64 (the default, against which every other backend is tested) or
/// float32 (<see cref="CpuPrecision.Single"/>).
/// </summary>
/// <remarks>
/// Operators of one dependency level are independent; when a level has enough work it is spread over
/// <see cref="Threads"/> worker threads. Each output is computed by one thread in a fixed order, so
/// results are bit-identical for any thread count.
/// </remarks>
public sealed class CpuBackend : IBackend
{
    /// <summary>Creates the backend.</summary>
    /// <param name="threads">Worker threads (null: one per processor; 1: single-threaded).</param>
    /// <param name="profile">Time every kernel (single-threaded, slower); see <c>Simulator.PlanReport()</c>.</param>
    /// <param name="precision">The element type of signals and arithmetic (float64 unless asked).</param>
    /// <exception cref="ValidationError">When threads is less than 1 or precision is not a <see cref="CpuPrecision"/>.</exception>
    public CpuBackend(int? threads = null, bool profile = false, CpuPrecision precision = CpuPrecision.Double)
    {
        Profile = profile;
        if (!Enum.IsDefined(precision))
            throw new ValidationError($"{nameof(CpuBackend)}: {nameof(precision)} = {(int)precision} is not a {nameof(CpuPrecision)} (allowed: Double, Single).");
        Precision = precision;
        if (threads is { } t) Check.Positive(t, nameof(CpuBackend), nameof(threads));
        Threads = threads ?? Environment.ProcessorCount;
    }

    /// <summary>The most worker threads a simulation may use.</summary>
    public int Threads { get; }

    /// <summary>The element type of signals and arithmetic.</summary>
    public CpuPrecision Precision { get; }

    /// <summary>Whether simulations time every kernel.</summary>
    public bool Profile { get; }

    /// <summary>The least estimated work (elements touched) for which a level is spread over the threads (tests lower it to run small models in parallel).</summary>
    internal long ParallelThreshold { get; init; } = Scheduling.ExecutionPlan.DefaultParallelThreshold;

    /// <inheritdoc />
    public string Name => "cpu";

    /// <inheritdoc />
    public ISimulation Prepare(Model model, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Precision == CpuPrecision.Single
            ? new CpuSimulation<float>(model, seed, Threads, Profile, ParallelThreshold)
            : new CpuSimulation<double>(model, seed, Threads, Profile, ParallelThreshold);
    }
}
