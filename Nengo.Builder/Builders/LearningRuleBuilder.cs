using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Builds the learning rule of a connection (called by <see cref="ConnectionBuilder"/>).</summary>
/// <remarks>
/// Steps (NEF.md §7, §9.4 step 5): the rule's input signal, reset each step (to 0 for an error, to 1 for
/// Voja's learning signal); a delta signal with the shape of the target and a Copy(delta → target, inc),
/// so a delta computed in step k is applied at the start of step k + 1; then the rule's own operators.
/// Every activity the rules see is filtered in set mode (no delay).
/// <list type="bullet">
/// <item>PES, RLS: target = the connection's weights; a = the pre neuron outputs (the sliced neurons for a
/// Neurons pre); into neurons the error is projected through the post scaled encoders. RLS adds P (its
/// <c>inv_gamma</c>), a state signal starting at I·(η·dt/n).</item>
/// <item>BCM, Oja: target = the n_post × n_pre weights; a = the pre neuron outputs, p = the post neuron
/// outputs (sliced as the connection slices them); BCM's θ filters the unfiltered post outputs.</item>
/// <item>Voja: target = the post ensemble's scaled encoders (writable because <see cref="ModelBuilder"/>
/// lists the ensemble in <see cref="BuildContext.LearnedEncoders"/>); x = the ensemble's decoded input.</item>
/// </list>
/// </remarks>
public static class LearningRuleBuilder
{
    /// <summary>Builds <paramref name="rule"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="weights">The connection's (writable) weight matrix signal, or null when it has none (rules on encoders need none).</param>
    /// <exception cref="BuildError">When the rule type has no builder or its target does not exist or does not fit.</exception>
    public static void Build(BuildContext ctx, LearningRule rule, Signal? weights)
    {
        var conn = rule.Connection;
        string me = rule.Describe;
        var target = rule.RuleType.Modifies == LearningTarget.Encoders
            ? LearnedEncoders(ctx, conn, me)
            : weights ?? throw new BuildError($"{me}: the rule needs weights to learn, but {conn.Describe} has none.");
        if (!target.IsMatrix || target.ReadOnly)
            throw new BuildError($"{me}: the learned signal {target} must be a writable matrix.");
        var delta = ctx.SetSignal(rule, "delta", new Signal($"{me}.delta", new double[target.Rows, target.Cols]));
        ctx.Add(new Copy(delta, target, inc: true, tag: me));

        switch (rule.RuleType)
        {
            case PES pes:
            {
                var error = Input(ctx, rule, 0.0, "error", me);
                var activities = PreActivities(ctx, conn, pes.PreSynapse, "activities", me);
                ctx.SetSignal(rule, "activities", activities);
                ctx.Add(new SimPES(activities, error, delta, pes.LearningRate, PostEncoders(ctx, conn, me), me));
                break;
            }
            case RLS rls:
            {
                var error = Input(ctx, rule, 0.0, "error", me);
                var r = PreActivities(ctx, conn, rls.PreSynapse, "pre_filtered", me);
                ctx.SetSignal(rule, "pre_filtered", r);
                int n = r.Size;
                var p0 = new double[n, n];
                for (int i = 0; i < n; i++) p0[i, i] = rls.LearningRate * ctx.Dt / n;
                var p = ctx.SetSignal(rule, "inv_gamma", new Signal($"{me}.inv_gamma", p0));
                ctx.Add(new SimRLS(r, error, delta, p, PostEncoders(ctx, conn, me), me));
                break;
            }
            case BCM bcm:
            {
                var a = PreActivities(ctx, conn, bcm.PreSynapse, "pre_filtered", me);
                var post = PostActivities(ctx, conn, me);
                var p = Filter(ctx, post, bcm.PostSynapse, "post_filtered", me);
                var theta = Filter(ctx, post, bcm.ThetaSynapse, "theta", me);
                ctx.SetSignal(rule, "pre_filtered", a);
                ctx.SetSignal(rule, "post_filtered", p);
                ctx.SetSignal(rule, "theta", theta);
                CheckWeights(target, p, a, me);
                ctx.Add(new SimBCM(a, p, theta, delta, bcm.LearningRate, me));
                break;
            }
            case Oja oja:
            {
                var a = PreActivities(ctx, conn, oja.PreSynapse, "pre_filtered", me);
                var p = Filter(ctx, PostActivities(ctx, conn, me), oja.PostSynapse, "post_filtered", me);
                ctx.SetSignal(rule, "pre_filtered", a);
                ctx.SetSignal(rule, "post_filtered", p);
                CheckWeights(target, p, a, me);
                ctx.Add(new SimOja(a, p, target, delta, oja.LearningRate, oja.Beta, me));
                break;
            }
            case Voja voja:
            {
                var ens = (Ensemble)conn.PostObject;
                var built = ctx.Ensembles[ens];
                var learning = Input(ctx, rule, 1.0, null, me);
                var p = Filter(ctx, ctx.GetSignal(ens.Neurons, "out"), voja.PostSynapse, "post_filtered", me);
                ctx.SetSignal(rule, "post_filtered", p);
                ctx.SetSignal(rule, "scaled_encoders", target);
                var scale = built.Gain.Select(g => g / built.Radius).ToArray();
                ctx.Add(new SimVoja(ctx.GetSignal(ens, "in"), p, target, delta, scale, learning, voja.LearningRate, me));
                break;
            }
            default:
                throw new BuildError($"{me}: no builder for learning rule {rule.RuleType.GetType().Name}.");
        }
    }

    /// <summary>The rule's input (its error or learning signal), reset to <paramref name="value"/> each step and recorded as "in" (and as <paramref name="probeKey"/>).</summary>
    private static Signal Input(BuildContext ctx, LearningRule rule, double value, string? probeKey, string tag)
    {
        var input = Signal.Zeros($"{tag}.{probeKey ?? "in"}", rule.SizeIn);
        ctx.SetSignal(rule, "in", input);
        if (probeKey is not null) ctx.SetSignal(rule, probeKey, input);
        ctx.Add(new Reset(input, value, tag));
        return input;
    }

    /// <summary><paramref name="signal"/> filtered in set mode (no delay), or itself when <paramref name="synapse"/> is null.</summary>
    private static Signal Filter(BuildContext ctx, Signal signal, Synapse? synapse, string name, string tag)
    {
        if (synapse is null) return signal;
        var filtered = Signal.Zeros($"{tag}.{name}", signal.Size);
        ctx.Add(new SimProcess(synapse, signal, filtered, Synapses.State(ctx, synapse, signal.Size, tag), ProcessMode.Set, tag: tag));
        return filtered;
    }

    /// <summary>The pre neuron outputs the rule sees (the sliced neurons for a Neurons pre), filtered in set mode.</summary>
    private static Signal PreActivities(BuildContext ctx, Connection conn, Synapse? synapse, string name, string tag)
    {
        var neurons = conn.PreObject is Neurons n ? n : ((Ensemble)conn.PreObject).Neurons;
        var output = ctx.GetSignal(neurons, "out");
        var sliced = conn.PreObject is Neurons ? Slicing.Select(ctx, output, conn.PreSlice, tag) : output;
        return Filter(ctx, sliced, synapse, name, tag);
    }

    /// <summary>The post neuron outputs the weights feed (the sliced neurons for a Neurons post, every neuron for weights: true), unfiltered.</summary>
    private static Signal PostActivities(BuildContext ctx, Connection conn, string tag) => conn.PostObject switch
    {
        Neurons pn => Slicing.Select(ctx, ctx.GetSignal(pn, "out"), conn.PostSlice, tag),
        Ensemble pe => ctx.GetSignal(pe.Neurons, "out"),
        _ => throw new BuildError($"{tag}: the rule needs post neurons, got {conn.Post.Describe}."),
    };

    private static void CheckWeights(Signal weights, Signal post, Signal pre, string tag)
    {
        if (weights.Rows != post.Size || weights.Cols != pre.Size)
            throw new BuildError($"{tag}: the weights {weights} must be post neurons ({post.Size}) × pre neurons ({pre.Size}).");
    }

    /// <summary>The post ensemble's scaled encoders, which the rule changes.</summary>
    private static Signal LearnedEncoders(BuildContext ctx, Connection conn, string tag)
    {
        if (conn.PostObject is not Ensemble ens)
            throw new BuildError($"{tag}: the rule modifies encoders and needs an Ensemble post, got {conn.Post.Describe}.");
        var encoders = ctx.TryGetSignal(ens, "encoders")
            ?? throw new BuildError($"{tag}: {ens.Describe} has no encoders to learn (Direct-mode ensembles have none); give it spiking or rate neurons.");
        if (encoders.ReadOnly)
            throw new BuildError($"{tag}: the encoders of {ens.Describe} were built read-only; build through ModelBuilder, which makes the encoders of ensembles learned by a rule writable (BuildContext.LearnedEncoders).");
        return encoders;
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
