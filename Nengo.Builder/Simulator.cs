using Nengo.Backends;
using Nengo.Backends.Cpu;
using Nengo.Builder;
using Nengo.Graph;

namespace Nengo;

/// <summary>
/// Builds a network into a <see cref="Graph.Model"/> and runs it on a backend (the CPU unless another is
/// given), step by step in continuous time. <c>sim.Data[probe]</c> returns what a probe recorded.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Simulator</c> (NEF.md §1.6, §10).</remarks>
public sealed partial class Simulator : IDisposable
{
    private readonly ISimulation _simulation;
    private bool _disposed;

    /// <summary>Builds <paramref name="network"/> and prepares it on <paramref name="backend"/>.</summary>
    /// <param name="network">The model to simulate.</param>
    /// <param name="dt">Time step in seconds (&gt; 0; default 0.001).</param>
    /// <param name="backend">Where to run it (null: <see cref="CpuBackend"/>).</param>
    /// <param name="seed">Simulator seed for processes (default: network seed + 1, else random).</param>
    /// <param name="buildProgress">Receives build progress for large models.</param>
    /// <param name="decoderCache">An on-disk cache of solved decoders; null: the directory named by
    /// <see cref="Builder.Caching.DecoderCache.EnvironmentVariable"/> if it is set, else none.</param>
    /// <exception cref="BuildError">When the network cannot be built or the backend cannot run it; no simulator is left behind.</exception>
    /// <exception cref="ValidationError">When dt is not positive.</exception>
    public Simulator(Network network, double dt = 0.001, IBackend? backend = null, int? seed = null,
        IProgress<BuildProgress>? buildProgress = null, Builder.Caching.DecoderCache? decoderCache = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Check.Positive(dt, "Simulator", nameof(dt));
        Backend = backend ?? new CpuBackend();
        Model = ModelBuilder.Build(network, dt, progress: buildProgress, decoderCache: decoderCache);
        Seed = seed ?? (network.Seed is { } s ? unchecked(s + 1) : Random.Shared.Next());
        _simulation = Backend.Prepare(Model, Seed);
        Network = network;
        Data = new SimulationData(this);
    }

    /// <summary>The network that was built.</summary>
    public Network Network { get; }

    /// <summary>The compiled model every backend receives.</summary>
    public Model Model { get; }

    /// <summary>The backend running the model.</summary>
    public IBackend Backend { get; }

    /// <summary>The simulator seed.</summary>
    public int Seed { get; private set; }

    /// <summary>The time step in seconds.</summary>
    public double Dt => Model.Dt;

    /// <summary>Steps run since construction or the last reset.</summary>
    public long Steps => _simulation.Steps;

    /// <summary>The current simulation time, Steps·dt.</summary>
    public double Time => Steps * Dt;

    /// <summary>Probe data and built parameters.</summary>
    public SimulationData Data { get; }

    /// <summary>True after <see cref="Dispose"/>.</summary>
    public bool Closed => _disposed;

    /// <summary>Runs for <paramref name="seconds"/> of simulated time (round(seconds/dt) steps).</summary>
    /// <param name="seconds">Simulated time, ≥ 0.</param>
    /// <param name="progress">Receives progress about every 1 % of a long run.</param>
    /// <exception cref="ValidationError">When seconds is negative or not finite.</exception>
    /// <exception cref="SimulationError">When the simulator is disposed or the run fails.</exception>
    public void Run(double seconds, IProgress<SimulationProgress>? progress = null)
    {
        Check.That(double.IsFinite(seconds) && seconds >= 0, "Simulator", nameof(seconds), "must be a finite time >= 0", seconds);
        long steps = (long)Math.Round(seconds / Dt);
        Check.That(steps <= int.MaxValue, "Simulator", nameof(seconds), $"must be at most {int.MaxValue} steps of dt", seconds);
        ThrowIfClosed(nameof(Run));
        RunSteps((int)steps, progress);
    }

    /// <summary>Runs <paramref name="steps"/> steps.</summary>
    /// <param name="steps">The number of steps, ≥ 0.</param>
    /// <param name="progress">Receives progress about every 1 % of a long run.</param>
    /// <exception cref="ValidationError">When steps is negative.</exception>
    /// <exception cref="SimulationError">When the simulator is disposed or the run fails.</exception>
    public void RunSteps(int steps, IProgress<SimulationProgress>? progress = null)
    {
        Check.That(steps >= 0, "Simulator", nameof(steps), "must be >= 0", steps);
        ThrowIfClosed(nameof(RunSteps));
        int chunk = progress is null ? steps : Math.Max(1, steps / 100);
        int done = 0;
        while (done < steps)
        {
            int n = Math.Min(chunk, steps - done);
            try { _simulation.RunSteps(n); }
            catch (NengoException) { throw; }
            catch (Exception e) { throw new SimulationError($"Simulator: step {Steps + 1} failed on backend '{Backend.Name}': {e.GetType().Name}: {e.Message}", e); }
            done += n;
            progress?.Report(new SimulationProgress(done, steps, Time));
        }
        Data.Invalidate();
    }

    /// <summary>Runs one step.</summary>
    /// <exception cref="SimulationError">When the simulator is disposed or the step fails.</exception>
    public void Step()
    {
        ThrowIfClosed(nameof(Step));
        RunSteps(1);
    }

    /// <summary>The times of the recorded samples: dt·[1..Steps], filtered by the sampling rule of <paramref name="sampleEvery"/>.</summary>
    /// <param name="sampleEvery">Seconds between samples (null: every step).</param>
    /// <returns>The times.</returns>
    public double[] Trange(double? sampleEvery = null)
    {
        double period = sampleEvery is { } se ? Check.Positive(se, "Simulator", nameof(sampleEvery)) / Dt : 1.0;
        var t = new List<double>((int)Steps);
        for (long k = 1; k <= Steps; k++) if (ProbeRecord.IsSampledStep(k, period)) t.Add(k * Dt);
        return [.. t];
    }

    /// <summary>Starts over: step 0, initial signal values, probe data cleared. A rerun is bit-identical.</summary>
    /// <param name="seed">A new simulator seed (null: keep the current one).</param>
    /// <exception cref="SimulationError">When the simulator is disposed.</exception>
    public void Reset(int? seed = null)
    {
        ThrowIfClosed(nameof(Reset));
        if (seed is { } s) Seed = s;
        _simulation.Reset(Seed);
        Data.Invalidate();
    }

    /// <summary>Releases the backend's resources. Afterwards Run, Step and Reset raise <see cref="SimulationError"/>; recorded data stays readable.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        Data.CacheAll();
        _disposed = true;
        _simulation.Dispose();
    }

    /// <summary>The backend's description of how it runs the model (and timings, when it was asked to profile).</summary>
    /// <returns>The report, or a note that the backend gives none.</returns>
    public string PlanReport() => _simulation is IProfiledSimulation p ? p.PlanReport() : $"backend '{Backend.Name}' gives no plan report";

    internal ISimulation Simulation => _simulation;

    private void ThrowIfClosed(string what)
    {
        if (_disposed) throw new SimulationError($"Simulator: cannot {what} after Dispose; create a new Simulator.");
    }
}

/// <summary>How far a run has got.</summary>
/// <param name="StepsDone">Steps run in this call.</param>
/// <param name="StepsTotal">Steps this call will run.</param>
/// <param name="Time">The simulation time now.</param>
public readonly record struct SimulationProgress(int StepsDone, int StepsTotal, double Time)
{
    /// <summary>Fraction done, 0 to 1.</summary>
    public double Fraction => StepsTotal == 0 ? 1 : (double)StepsDone / StepsTotal;
}
