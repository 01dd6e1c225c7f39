using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Builds the learning rule of a connection (called by <see cref="ConnectionBuilder"/>).</summary>
/// <remarks>
/// Steps (NEF.md §7, §9.4 step 5): the rule's input signal (its error), reset each step; a delta signal
/// with the shape of the target and a Copy(delta → target, inc) so a delta computed in step k is applied
/// at the start of step k + 1; then the rule's own operators (PES: pre activities filtered in set mode,
/// i.e. with no delay, and SimPES updating delta).
/// </remarks>
public static class LearningRuleBuilder
{
    /// <summary>Builds <paramref name="rule"/> acting on <paramref name="weights"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="weights">The connection's (writable) weight matrix signal.</param>
    /// <exception cref="BuildError">When the rule type has no builder.</exception>
    public static void Build(BuildContext ctx, LearningRule rule, Signal weights)
    {
        var conn = rule.Connection;
        string me = rule.Describe;
        var error = Signal.Zeros($"{me}.error", Math.Max(rule.SizeIn, 0));
        if (rule.SizeIn > 0)
        {
            ctx.SetSignal(rule, "in", error);
            ctx.SetSignal(rule, "error", error);
            ctx.Add(new Reset(error, 0, me));
        }
        var delta = ctx.SetSignal(rule, "delta", new Signal($"{me}.delta", new double[weights.Rows, weights.Cols]));
        ctx.Add(new Copy(delta, weights, inc: true, tag: me));

        switch (rule.RuleType)
        {
            case PES pes:
                var activities = PreActivities(ctx, conn, pes.PreSynapse, me);
                ctx.SetSignal(rule, "activities", activities);
                ctx.Add(new SimPES(activities, error, delta, pes.LearningRate, PostEncoders(ctx, conn, me), me));
                break;
            default:
                throw new BuildError($"{me}: no builder for learning rule {rule.RuleType.GetType().Name}.");
        }
    }

    /// <summary>The pre neuron outputs the rule sees (the sliced neurons for a Neurons pre), filtered in set mode.</summary>
    private static Signal PreActivities(BuildContext ctx, Connection conn, Synapse? synapse, string tag)
    {
        var neurons = conn.PreObject is Neurons n ? n : ((Ensemble)conn.PreObject).Neurons;
        var output = ctx.GetSignal(neurons, "out");
        var sliced = conn.PreObject is Neurons ? Slicing.Select(ctx, output, conn.PreSlice, tag) : output;
        if (synapse is null) return sliced;
        var filtered = Signal.Zeros($"{tag}.pre_filtered", sliced.Size);
        ctx.Add(new SimProcess(synapse, sliced, filtered, Synapses.State(ctx, synapse, sliced.Size, tag), ProcessMode.Set, tag: tag));
        return filtered;
    }

    /// <summary>For connections into neurons: the post scaled encoders that project the error onto each neuron; else null.</summary>
    private static Signal? PostEncoders(BuildContext ctx, Connection conn, string tag)
    {
        Ensemble post;
        int[] rows, cols;
        if (conn.PostObject is Neurons pn)
        {
            post = pn.Ensemble;
            rows = conn.PostSlice?.ToArray() ?? Enumerable.Range(0, post.NNeurons).ToArray();
            cols = Enumerable.Range(0, post.Dimensions).ToArray();
        }
        else if (conn.Solver is { Weights: true } && conn.PostObject is Ensemble pe)
        {
            post = pe;
            rows = Enumerable.Range(0, post.NNeurons).ToArray();
            cols = conn.PostSlice?.ToArray() ?? Enumerable.Range(0, post.Dimensions).ToArray();
        }
        else return null;
        var enc = ctx.Ensembles[post].ScaledEncoders;
        var m = new double[rows.Length, cols.Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < cols.Length; j++) m[i, j] = enc[rows[i], cols[j]];
        return new Signal($"{tag}.post_encoders", m, readOnly: true);
    }
}
