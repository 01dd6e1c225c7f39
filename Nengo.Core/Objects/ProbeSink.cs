namespace Nengo;

/// <summary>
/// The post of the hidden connection a <c>decoded_output</c> probe builds to solve its own decoders
/// (NEF.md §1.5). Only the builder creates these.
/// </summary>
public sealed class ProbeSink : IConnectable
{
    internal ProbeSink(Probe probe, int size) { Probe = probe; SizeIn = size; }

    /// <summary>The probe this sink records for.</summary>
    public Probe Probe { get; }

    /// <inheritdoc />
    public int SizeIn { get; }

    /// <inheritdoc />
    public int SizeOut => 0;

    /// <inheritdoc />
    public string Describe => Probe.Describe;

    /// <summary>Creates the hidden connection of a decoded-output probe: target → sink, with the probe's synapse, solver and seed.</summary>
    /// <param name="probe">The probe (its target must be an ensemble or a slice of one).</param>
    /// <param name="solver">The resolved solver.</param>
    /// <param name="synapse">The resolved probe synapse (null for none).</param>
    /// <returns>The connection (not added to any network's list; it resolves defaults through the probe's network).</returns>
    public static Connection HiddenConnection(Probe probe, Solver solver, Synapse? synapse)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var pre = (IConnectable)probe.Target;
        var sink = new ProbeSink(probe, pre.SizeOut);
        return new Connection(pre, sink, synapse, null, null, solver, null, true, null)
        {
            Network = probe.Network,
            Seed = probe.Seed,
            Label = $"{probe.Describe} decoders",
        };
    }
}
