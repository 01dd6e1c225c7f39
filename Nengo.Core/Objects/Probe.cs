namespace Nengo;

/// <summary>
/// Records a signal of the model during a run: an ensemble's decoded output (with its own decoders),
/// neuron spikes or voltages, a node's output, a connection's output… Data is read back with
/// <c>sim.Data[probe]</c>, rows = samples.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Probe</c> (NEF.md §1.5).</remarks>
public sealed class Probe : NengoObject
{
    internal Probe(IProbeable target, string? attr, SynapseArg synapse, double? sampleEvery, Solver? solver, string? label)
    {
        ArgumentNullException.ThrowIfNull(target);
        Label = label;
        Target = target;
        var allowed = target.ProbeableAttributes;
        if (allowed.Count == 0)
            throw new ValidationError($"{Describe}: {target.Describe} cannot be probed.");
        Attr = attr ?? allowed[0];
        if (!allowed.Contains(Attr))
            throw new ValidationError($"{Describe}: attr must be one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))} for {target.Describe}, got '{Attr}'.");
        if (target is Neurons { SizeOut: 0 } || target is ObjView { Target: Neurons { SizeOut: 0 } })
            throw new ValidationError($"{Describe}: {target.Describe} has no neurons to probe (Direct mode).");
        if (sampleEvery is { } se)
            Check.Positive(se, Describe, nameof(sampleEvery));
        Synapse = synapse;
        SampleEvery = sampleEvery;
        Solver = solver;
    }

    /// <summary>What is probed.</summary>
    public IProbeable Target { get; }

    /// <summary>The probed attribute, e.g. "decoded_output", "output", "voltage".</summary>
    public string Attr { get; }

    /// <summary>The filter applied before recording; not set means none (Nengo's default for probes).</summary>
    public SynapseArg Synapse { get; }

    /// <summary>Seconds between samples; null records every step.</summary>
    public double? SampleEvery { get; }

    /// <summary>The solver of a decoded-output probe's own decoders (null: the connection default).</summary>
    public Solver? Solver { get; }

    /// <inheritdoc />
    public override string Describe => Label is null ? $"Probe of {Target.Describe}" : $"Probe '{Label}'";
}
