namespace Nengo;

/// <summary>
/// A dynamical system stepped once per simulator step: noise sources, signals, and synapses (which are
/// processes with an input). Processes are descriptions; <see cref="MakeStep"/> creates the stepping
/// state for one simulation, seeded from the simulator's generator so that a reset rerun is identical.
/// Users can write their own by overriding <see cref="MakeStep"/>.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Process</c> (NEF.md §6).</remarks>
public abstract class Process
{
    /// <summary>The input size when used as a node output and none is given (0 for signal sources).</summary>
    public virtual int DefaultSizeIn => 0;

    /// <summary>The output size when used as a node output and none is given.</summary>
    public virtual int DefaultSizeOut => 1;

    /// <summary>An explicit seed; when null a seed is drawn from the simulator's generator.</summary>
    public int? Seed { get; init; }

    /// <summary>Creates the step function for one simulation run.</summary>
    /// <param name="sizeIn">Input size.</param>
    /// <param name="sizeOut">Output size.</param>
    /// <param name="dt">Time step.</param>
    /// <param name="rng">The process's own generator (seeded from <see cref="Seed"/> or the simulator).</param>
    /// <returns>The step function: (t, x, y) → writes the output for time t.</returns>
    /// <exception cref="ValidationError">When the sizes or dt are not allowed for this process.</exception>
    public abstract ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng);

    /// <summary>Runs the process offline for <paramref name="steps"/> steps with no input (times (i+1)·dt).</summary>
    /// <param name="steps">The number of steps.</param>
    /// <param name="sizeOut">Output size (default <see cref="DefaultSizeOut"/>).</param>
    /// <param name="dt">Time step.</param>
    /// <param name="seed">Generator seed (default <see cref="Seed"/> or 0).</param>
    /// <returns>steps × sizeOut samples.</returns>
    public double[,] Run(int steps, int? sizeOut = null, double dt = 0.001, int? seed = null)
    {
        int d = sizeOut ?? DefaultSizeOut;
        var step = MakeStep(0, d, dt, new Random(seed ?? Seed ?? 0));
        var y = new double[d];
        var r = new double[steps, d];
        for (int i = 0; i < steps; i++)
        {
            step((i + 1) * dt, [], y);
            for (int j = 0; j < d; j++) r[i, j] = y[j];
        }
        return r;
    }
}

/// <summary>One step of a process: given time t and input x, write the output y.</summary>
/// <param name="t">Simulation time (s).</param>
/// <param name="x">Input (empty for sources).</param>
/// <param name="y">Receives the output.</param>
public delegate void ProcessStep(double t, ReadOnlySpan<double> x, Span<double> y);
