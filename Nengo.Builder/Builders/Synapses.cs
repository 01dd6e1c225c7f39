using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Adds a synapse in update mode (one step of delay) to a signal.</summary>
internal static class Synapses
{
    /// <summary>The filtered signal, or <paramref name="input"/> itself when <paramref name="synapse"/> is null (no delay).</summary>
    public static Signal Filter(BuildContext ctx, Synapse? synapse, Signal input, string tag)
    {
        if (synapse is null) return input;
        var output = Signal.Zeros($"{tag}.filtered", input.Size);
        ctx.Add(new SimProcess(synapse, input, output, State(ctx, synapse, input.Size, tag), ProcessMode.Update, tag: tag));
        return output;
    }

    /// <summary>
    /// The state signal of a process on <paramref name="size"/> dimensions: linear filters keep their
    /// state in a signal (dimensions × order) so every backend can step them; other processes keep it in
    /// their host step function (null).
    /// </summary>
    public static Signal? State(BuildContext ctx, Process process, int size, string tag)
    {
        int order = process is LinearFilter lf ? lf.Discretize(ctx.Dt).Order : 0;
        return order == 0 ? null : Signal.Zeros($"{tag}.synapse_state", size * order);
    }
}
