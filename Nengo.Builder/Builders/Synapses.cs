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
        // Linear filters keep their state in a signal (so every backend can step them); other synapses
        // keep it in their host step function.
        int order = synapse is LinearFilter lf ? lf.Discretize(ctx.Dt).Order : 0;
        var output = Signal.Zeros($"{tag}.filtered", input.Size);
        var state = order == 0 ? null : Signal.Zeros($"{tag}.synapse_state", input.Size * order);
        ctx.Add(new SimProcess(synapse, input, output, state, ProcessMode.Update, tag: tag));
        return output;
    }
}
