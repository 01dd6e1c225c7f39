using Nengo.Graph;

namespace Nengo.Backends;

/// <summary>
/// Something that can execute a <see cref="Model"/>: the CPU reference, an OpenCL device, a SpiNNaker
/// board. A backend receives the same operator graph as every other backend.
/// </summary>
public interface IBackend
{
    /// <summary>A short name, e.g. "cpu", "opencl".</summary>
    string Name { get; }

    /// <summary>Prepares the model for execution (allocates signals, compiles kernels).</summary>
    /// <param name="model">The compiled model; treated as immutable.</param>
    /// <param name="seed">The simulator seed (seeds processes).</param>
    /// <returns>A running simulation at step 0.</returns>
    /// <exception cref="BuildError">When the model uses something this backend does not support.</exception>
    ISimulation Prepare(Model model, int seed);
}

/// <summary>A model being executed by a backend.</summary>
public interface ISimulation : IDisposable
{
    /// <summary>Steps run since the start or the last reset.</summary>
    long Steps { get; }

    /// <summary>Runs <paramref name="steps"/> steps, recording probes after each.</summary>
    /// <param name="steps">The number of steps (≥ 0).</param>
    /// <exception cref="SimulationError">When something fails during the run.</exception>
    void RunSteps(int steps);

    /// <summary>Returns to step 0 with every non-read-only signal at its initial value and probe data cleared.</summary>
    /// <param name="seed">The simulator seed to reseed processes with.</param>
    void Reset(int seed);

    /// <summary>The samples recorded so far for probe <paramref name="probeIndex"/> (index into <see cref="Model.Probes"/>), rows = samples.</summary>
    /// <param name="probeIndex">The probe's index.</param>
    /// <returns>A new samples × size array.</returns>
    double[,] ProbeData(int probeIndex);

    /// <summary>The current value of a signal (for inspection and tests).</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>A copy of its value.</returns>
    double[] ReadSignal(Signal signal);
}
