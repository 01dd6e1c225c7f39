using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Builds an ensemble: eval points, encoders, gains and biases, its neurons and their operators.</summary>
/// <remarks>
/// Steps (NEF.md §9.3), drawing from a generator seeded with the ensemble's seed, in this order:
/// 1. eval points (count: nEvalPoints or max(clip(500·d, 750, 2500), 2·n)), then × radius;
/// 2. the decoded input signal <c>in</c>, reset each step;
/// 3. encoders (identity for Direct, no draw), rows normalised if requested;
/// 4. max rates then intercepts (even for Direct) → gain and bias; or gain then bias when both are given;
/// 5. neurons: bias copied into the current each step, state drawn from seed + 1, SimNeurons;
///    Direct: the output is the decoded input itself; noise, if any, as a SimProcess inc'ing the current;
/// 6. scaled encoders = encoders · gain / radius (writable when a rule learns them, see
///    <see cref="BuildContext.LearnedEncoders"/>);  7. DotInc(scaled encoders, in → current).
/// </remarks>
public static class EnsembleBuilder
{
    /// <summary>Builds <paramref name="ens"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="ens">The ensemble.</param>
    /// <exception cref="BuildError">When encoders or gains are invalid.</exception>
    public static void Build(BuildContext ctx, Ensemble ens)
    {
        string me = ens.Describe;
        int n = ens.NNeurons, d = ens.Dimensions;
        double radius = ens.Radius ?? Defaults.FindValue(ens, x => x.Ensemble.Radius) ?? 1.0;
        var type = ens.NeuronType ?? Defaults.Find(ens, x => x.Ensemble.NeuronType) ?? new LIF();
        bool direct = type is Direct;
        var rng = new Random(ctx.SeedOf(ens));

        // 1. Eval points.
        var evalDist = ens.EvalPoints ?? Defaults.Find(ens, x => x.Ensemble.EvalPoints) ?? new ScatteredHypersphere(surface: false);
        int m = evalDist is Samples s ? s.Rows : ens.NEvalPoints ?? Defaults.FindValue(ens, x => x.Ensemble.NEvalPoints) ?? Defaults.NEvalPoints(n, d);
        var evalPoints = Matrix<double>.Build.DenseOfArray(evalDist.Sample(m, d, rng));
        if (radius != 1) evalPoints *= radius;   // x·1 is x: no second copy of a large matrix

        // 2. Decoded input.
        var input = ctx.SetSignal(ens, "in", Signal.Zeros($"{me}.in", d));
        ctx.Add(new Reset(input, 0, me));

        // 3. Encoders.
        Matrix<double> encoders;
        if (direct) encoders = Matrix<double>.Build.DenseIdentity(d);
        else
        {
            var encDist = ens.Encoders ?? Defaults.Find(ens, x => x.Ensemble.Encoders) ?? new ScatteredHypersphere(surface: true);
            encoders = Matrix<double>.Build.DenseOfArray(encDist.Sample(n, d, rng));
            if (ens.NormalizeEncoders ?? Defaults.FindValue(ens, x => x.Ensemble.NormalizeEncoders) ?? true)
            {
                for (int i = 0; i < n; i++)
                {
                    double norm = encoders.Row(i).L2Norm();
                    if (!(norm > 0)) throw new BuildError($"{me}: encoders must not have zero rows when normalizeEncoders is true, got a zero row for neuron {i}.");
                    for (int j = 0; j < d; j++) encoders[i, j] /= norm;
                }
            }
        }

        // 4. Gain and bias.
        double[] gain, bias, maxRates, intercepts;
        if (ens.Gain is not null && ens.Bias is not null)
        {
            gain = ens.Gain.Sample(n, rng);
            bias = ens.Bias.Sample(n, rng);
            (maxRates, intercepts) = direct ? (new double[n], new double[n]) : type.MaxRatesIntercepts(gain, bias);
        }
        else
        {
            maxRates = (ens.MaxRates ?? Defaults.Find(ens, x => x.Ensemble.MaxRates) ?? new Uniform(200, 400)).Sample(n, rng);
            intercepts = (ens.Intercepts ?? Defaults.Find(ens, x => x.Ensemble.Intercepts) ?? new Uniform(-1.0, 0.9)).Sample(n, rng);
            if (direct) { gain = []; bias = []; }
            else
            {
                try { (gain, bias) = type.GainBias(maxRates, intercepts); }
                catch (BuildError e) { throw new BuildError($"{me}: {e.Message}", e); }
            }
        }
        if (!direct)
        {
            for (int i = 0; i < n; i++)
                if (!double.IsFinite(gain[i]) || gain[i] <= 0 || !double.IsFinite(bias[i]))
                    throw new BuildError($"{me}: neuron {i} got gain {Check.Show(gain[i])} and bias {Check.Show(bias[i])} (max rate {Check.Show(maxRates[i])}, intercept {Check.Show(intercepts[i])}); gains must be positive and finite, so intercepts must be below 1 and max rates reachable by {type}.");
        }

        // 5-8. Neurons, scaled encoders and the encoding DotInc.
        Matrix<double> scaled;
        if (direct)
        {
            scaled = encoders.Clone();
            ctx.SetSignal(ens, "out", input);
        }
        else
        {
            scaled = encoders.Clone();
            for (int i = 0; i < n; i++) scaled.SetRow(i, encoders.Row(i) * (gain[i] / radius));
            var neurons = ens.Neurons;
            var current = ctx.SetSignal(neurons, "in", Signal.Zeros($"{me}.neurons.in", n));
            var output = ctx.SetSignal(neurons, "out", Signal.Zeros($"{me}.neurons.out", n));
            var biasSig = ctx.SetSignal(neurons, "bias", new Signal($"{me}.bias", bias, readOnly: true));
            ctx.Add(new Copy(biasSig, current, tag: me));
            NeuronOperators.Build(ctx, ens, type, current, output);
            if (ens.Noise is { } noise)
                ctx.Add(new SimProcess(noise, null, current, null, ProcessMode.Inc, ctx.TimeSignal, $"{me} noise"));
            var encSig = ctx.SetSignal(ens, "encoders", new Signal($"{me}.scaled_encoders", scaled.ToArray(), readOnly: !ctx.LearnedEncoders.Contains(ens)));
            ctx.Add(new DotInc(encSig, input, current, me));
            ctx.SetSignal(ens, "out", output);
        }

        var v = Vector<double>.Build;
        ctx.Ensembles[ens] = new BuiltEnsemble(encoders, scaled, evalPoints, v.DenseOfArray(gain), v.DenseOfArray(bias),
            v.DenseOfArray(maxRates), v.DenseOfArray(intercepts), radius, type);
    }
}
