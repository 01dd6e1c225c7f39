using Nengo.Graph;

namespace Nengo.Backends.Cpu;

/// <summary>
/// The reference backend: runs the operator graph on the CPU in float64, one kernel per operator in
/// step order, over one contiguous signal arena. Every other backend is tested against it.
/// </summary>
public sealed class CpuBackend : IBackend
{
    /// <inheritdoc />
    public string Name => "cpu";

    /// <inheritdoc />
    public ISimulation Prepare(Model model, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new CpuSimulation(model, seed);
    }
}
