using Nengo.Graph;

namespace Nengo.Backends.OpenCL.Planning;

/// <summary>
/// An operator whose work is user code on the host (a node's function, a non-filter process). Without
/// input it is a function of time alone and is computed ahead for a block of steps into the host table;
/// with input it needs a round trip every step (<see cref="HostRoundTrip"/>).
/// </summary>
internal abstract class HostFunction
{
    /// <summary>Creates the function.</summary>
    /// <param name="op">The operator, for messages.</param>
    /// <param name="output">The signal it writes.</param>
    /// <param name="input">The signal it reads, or null.</param>
    /// <param name="usesTime">Whether it reads the time (else it is called with t = 0, as on the CPU).</param>
    /// <param name="inc">Whether it accumulates into the output instead of writing it.</param>
    protected HostFunction(Operator op, Signal output, Signal? input, bool usesTime, bool inc)
    {
        Op = op; Output = output; Input = input; UsesTime = usesTime; Inc = inc;
    }

    /// <summary>The operator.</summary>
    public Operator Op { get; }

    /// <summary>The output signal.</summary>
    public Signal Output { get; }

    /// <summary>The input signal, or null.</summary>
    public Signal? Input { get; }

    /// <summary>Whether it reads the time.</summary>
    public bool UsesTime { get; }

    /// <summary>Whether it accumulates into the output.</summary>
    public bool Inc { get; }

    /// <summary>Called on every (re)start, in step order, with the simulator's generator (processes draw their seed from it, as on the CPU).</summary>
    /// <param name="simulatorRng">The generator seeded with the simulator seed.</param>
    public virtual void Reset(Random simulatorRng) { }

    /// <summary>Computes the output for time <paramref name="t"/>.</summary>
    /// <param name="t">The step's time (step·dt).</param>
    /// <param name="x">The input (empty when there is none).</param>
    /// <param name="y">Receives the output (the value written, or the amount added when <see cref="Inc"/>).</param>
    /// <exception cref="SimulationError">When the user code fails; the message names the operator's object.</exception>
    public void Call(double t, ReadOnlySpan<double> x, Span<double> y)
    {
        double time = UsesTime ? t : 0.0;
        try
        {
            Evaluate(time, x, y);
        }
        catch (NengoException) { throw; }
        catch (Exception e)
        {
            throw new SimulationError($"OpenCL backend: {Op.Tag ?? Op.ToString()} failed at t = {Check.Show(time)}: {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>Runs the user code.</summary>
    /// <param name="t">Time (0 when unused).</param>
    /// <param name="x">Input.</param>
    /// <param name="y">Output.</param>
    protected abstract void Evaluate(double t, ReadOnlySpan<double> x, Span<double> y);
}
