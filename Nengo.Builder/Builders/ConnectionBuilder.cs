using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Builds a connection: the signal crossing it, its weights, its synapse and its delivery into the post.</summary>
/// <remarks>
/// Steps (NEF.md §9.4), drawing from a generator seeded with the connection's seed:
/// 1. The crossing signal. Node or Direct pre: the sliced output, through SimNodeFunc if there is a
///    function. Neural ensemble pre: decoders solved from the rate tuning curves at the (radius-scaled)
///    eval points, targets f(points[pre slice]). Neurons pre: the sliced neuron output.
/// 2. Weights W = T·D (or E_post·T·D for <c>weights: true</c>) as DotInc into a fresh <c>weighted</c>
///    signal reset each step; scalar/diagonal transforms without decoders as ElementwiseInc; no
///    transform and no decoders: no operator.
/// 3. The synapse, a SimProcess in update mode (one step of delay); none for a null synapse.
/// 4. Delivery: into post neurons multiplied by their gains (ElementwiseInc), else an inc Copy into the
///    post's input at the post slice (repeated indices sum; a learning rule's input is its error).
/// 5. The learning rule, if any (<see cref="LearningRuleBuilder"/>); its weights are then writable.
/// </remarks>
public static class ConnectionBuilder
{
    /// <summary>Builds <paramref name="conn"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="conn">The connection.</param>
    /// <exception cref="BuildError">When decoders cannot be solved or the ends were not built.</exception>
    public static void Build(BuildContext ctx, Connection conn)
    {
        string me = conn.Describe;
        var rng = new Random(ctx.SeedOf(conn));
        var synapse = Defaults.ConnectionSynapse(conn);
        var solver = Defaults.ConnectionSolver(conn);
        var transform = conn.Transform as Dense;
        if (conn.Transform is { AllowsDecoders: false } && conn.IsDecoded)
            throw new BuildError($"{me}: transform {conn.Transform} cannot follow decoders; connect from a Node, Neurons or a Direct-mode ensemble.");
        if (conn.PostObject is Neurons { SizeIn: 0 } || conn.PreObject is Neurons { SizeOut: 0 })
            throw new BuildError($"{me}: Direct-mode neurons have size 0 and cannot be connected.");

        Signal preOut = PreOutput(ctx, conn.PreObject);
        ctx.SetSignal(conn, "in", preOut);
        Signal weighted;
        Matrix<double>? weights = null, evalPoints = null;
        SolverInfo? info = null;
        bool toNeuronsByWeights = false;
        var learning = conn.LearningRule;
        // Rules on decoders or weights learn W; rules on encoders (Voja) leave W fixed.
        bool learnsWeights = learning is { RuleType.Modifies: not LearningTarget.Encoders };

        if (conn.IsDecoded)
        {
            var solution = DecoderSolving.Solve(ctx, conn, rng);
            var w = solution.Weights;
            evalPoints = solution.EvalPoints;
            info = solution.Info;
            toNeuronsByWeights = solution.ToNeurons;
            weights = w;
            var wSig = ctx.SetSignal(conn, "weights", new Signal($"{me}.weights", w.ToArray(), readOnly: !learnsWeights));
            weighted = Signal.Zeros($"{me}.weighted", w.RowCount);
            ctx.Add(new Reset(weighted, 0, me));
            ctx.Add(new DotInc(wSig, preOut, weighted, me));
        }
        else
        {
            var x = Slicing.Select(ctx, preOut, conn.PreSlice, me);
            if (conn.Function is { } f)
            {
                var mid = Signal.Zeros($"{me}.function", f.SizeOut);
                ctx.Add(new SimNodeFunc((t, input, output) => f.Invoke(input, output), mid, null, x, me));
                x = mid;
            }
            if (conn.Transform is { } other && transform is null) weighted = TransformBuilder.Build(ctx, conn, other, x, rng, out weights);
            else if (transform is null) weighted = x;
            else
            {
                weighted = Signal.Zeros($"{me}.weighted", conn.SizeOut);
                ctx.Add(new Reset(weighted, 0, me));
                if (transform.IsMatrix || learnsWeights)
                {
                    // Learning rules need a 2-D weight matrix, so learned scalar/diagonal transforms become matrices.
                    var m = transform.ToMatrix(conn.SizeMid, conn.SizeOut);
                    weights = Matrix<double>.Build.DenseOfArray(m);
                    ctx.Add(new DotInc(ctx.SetSignal(conn, "weights", new Signal($"{me}.weights", m, readOnly: !learnsWeights)), x, weighted, me));
                }
                else
                {
                    double[] a = transform.Diagonal ?? [transform.Scalar!.Value];
                    weights = Matrix<double>.Build.DenseOfArray(transform.ToMatrix(conn.SizeMid, conn.SizeOut));
                    ctx.Add(new ElementwiseInc(ctx.SetSignal(conn, "weights", new Signal($"{me}.weights", a, readOnly: true)), x, weighted, me));
                }
            }
        }

        var filtered = Synapses.Filter(ctx, synapse, weighted, me);
        ctx.SetSignal(conn, "out", filtered);
        Deliver(ctx, conn, filtered, toNeuronsByWeights);
        if (learning is not null)
            LearningRuleBuilder.Build(ctx, learning, learnsWeights ? ctx.TryGetSignal(conn, "weights") : null);
        ctx.Connections[conn] = new BuiltConnection(weights, evalPoints, info);
    }

    private static Signal PreOutput(BuildContext ctx, IConnectable pre) => pre switch
    {
        Ensemble e when ctx.Ensembles[e].NeuronType is not Direct => ctx.GetSignal(e.Neurons, "out"),
        Ensemble e => ctx.GetSignal(e, "out"),
        Neurons nr => ctx.GetSignal(nr, "out"),
        Node n => ctx.GetSignal(n, "out"),
        _ => throw new BuildError($"Cannot build a connection from {pre.Describe}."),
    };

    private static void Deliver(BuildContext ctx, Connection conn, Signal filtered, bool toNeuronsByWeights)
    {
        string me = conn.Describe;
        if (toNeuronsByWeights)
        {
            ctx.Add(new Copy(filtered, ctx.GetSignal(((Ensemble)conn.PostObject).Neurons, "in"), inc: true, tag: me));
            return;
        }
        var slice = conn.PostSlice;
        if (conn.PostObject is Neurons neurons)
        {
            var current = ctx.GetSignal(neurons, "in");
            var gain = ctx.Ensembles[neurons.Ensemble].Gain;
            var idx = slice?.ToArray() ?? Enumerable.Range(0, neurons.SizeIn).ToArray();
            var gainSig = new Signal($"{neurons.Describe}.gain[…]", idx.Select(i => gain[i]).ToArray(), readOnly: true);
            if (slice is null || (Slicing.IsRun(slice)))
            {
                var target = slice is null ? current : current.View(slice[0], slice.Count);
                ctx.Add(new ElementwiseInc(gainSig, filtered, target, me));
            }
            else
            {
                var scaled = Signal.Zeros($"{me}.gained", idx.Length);
                ctx.Add(new Reset(scaled, 0, me));
                ctx.Add(new ElementwiseInc(gainSig, filtered, scaled, me));
                ctx.Add(new Copy(scaled, current, dstIndices: idx, inc: true, tag: me));
            }
            return;
        }
        var postIn = conn.PostObject switch
        {
            Ensemble e => ctx.GetSignal(e, "in"),
            Node n => ctx.GetSignal(n, "in"),
            ProbeSink p => ctx.GetSignal(p.Probe, "in"),
            LearningRule r => ctx.GetSignal(r, "in"),
            _ => throw new BuildError($"{me}: cannot deliver into {conn.Post.Describe}."),
        };
        ctx.Add(new Copy(filtered, postIn, dstIndices: slice?.ToArray(), inc: true, tag: me));
    }
}
