namespace Nengo.Graph.Operators;

/// <summary>How a <see cref="SimProcess"/> writes its output.</summary>
public enum ProcessMode
{
    /// <summary>Output is set before readers (no delay).</summary>
    Set,
    /// <summary>Output is accumulated into.</summary>
    Inc,
    /// <summary>Output is written after every reader (one step of delay): connection and probe synapses.</summary>
    Update,
}

/// <summary>
/// Steps a process. For a synapse, output = filter(input) per dimension with the filter's state kept in
/// <see cref="State"/> (dimensions × order, one contiguous block of <c>order</c> values per dimension).
/// Other processes (noise, signals) keep their state in the step function the backend creates from
/// <see cref="Process.MakeStep"/>, seeded from the simulator seed. Reads input (and time); writes output
/// as <see cref="Mode"/> says; updates the state.
/// </summary>
/// <remarks>
/// Nengo equivalent: <c>SimProcess</c>. Synapses on connections and probes run in
/// <see cref="ProcessMode.Update"/> mode, which is what gives them exactly one step of delay.
/// Each backend has one kernel per process type.
/// </remarks>
public sealed class SimProcess : Operator
{
    /// <summary>Creates the operator.</summary>
    /// <param name="process">The process.</param>
    /// <param name="input">Input (or null).</param>
    /// <param name="output">Output.</param>
    /// <param name="state">State (or null for stateless processes).</param>
    /// <param name="mode">How the output is written.</param>
    /// <param name="time">Time signal, for processes that read it (or null).</param>
    /// <param name="tag">What built it.</param>
    public SimProcess(Process process, Signal? input, Signal output, Signal? state, ProcessMode mode, Signal? time = null, string? tag = null) : base(tag)
    {
        Process = process; Input = input; Output = output; State = state; Mode = mode; Time = time;
    }

    /// <summary>The process.</summary>
    public Process Process { get; }
    /// <summary>Input or null.</summary>
    public Signal? Input { get; }
    /// <summary>Output.</summary>
    public Signal Output { get; }
    /// <summary>Filter state, or null.</summary>
    public Signal? State { get; }
    /// <summary>Write mode of the output.</summary>
    public ProcessMode Mode { get; }
    /// <summary>Time, or null.</summary>
    public Signal? Time { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Signal> Sets => Mode == ProcessMode.Set ? [Output] : None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Incs => Mode == ProcessMode.Inc ? [Output] : None;
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Reads => [.. (Time is null ? [] : new[] { Time }), .. (Input is null ? [] : new[] { Input })];
    /// <inheritdoc />
    public override IReadOnlyList<Signal> Updates => [.. (Mode == ProcessMode.Update ? new[] { Output } : []), .. (State is null ? [] : new[] { State })];
    /// <inheritdoc />
    public override T Accept<T>(IOperatorVisitor<T> visitor) => visitor.Visit(this);
    /// <inheritdoc />
    protected override string Arguments => $"{Process}, {Input?.Name ?? "-"} -> {Output.Name}, {Mode.ToString().ToLowerInvariant()}";
}
