using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Builds the neuron operators of an ensemble (step 5 of <see cref="EnsembleBuilder"/>): state signals and SimNeurons.</summary>
/// <remarks>
/// State signals are recorded on the ensemble's <see cref="Neurons"/> under their names (so probes find
/// them) with initial values drawn from a generator seeded with the ensemble seed + 1, in state order.
/// A rates-to-spikes wrapper (NEF.md §2) builds two operators, base(J) → <c>rate_out</c> and
/// wrapper(rate_out) → output; its own state is drawn first, then the base type's.
/// </remarks>
public static class NeuronOperators
{
    /// <summary>Adds the operators that turn <paramref name="current"/> into <paramref name="output"/> for <paramref name="ens"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="ens">The ensemble (not Direct).</param>
    /// <param name="type">Its resolved neuron type.</param>
    /// <param name="current">The input current signal J (n).</param>
    /// <param name="output">The output signal (n).</param>
    public static void Build(BuildContext ctx, Ensemble ens, NeuronType type, Signal current, Signal output)
    {
        string me = ens.Describe;
        int n = ens.NNeurons;
        var neurons = ens.Neurons;
        var stateRng = new Random(ctx.SeedOf(ens) + 1);
        List<Signal> States(NeuronType t)
        {
            if (t.InitialState is { } overrides)
                foreach (var name in overrides.Keys.Where(k => t.State.All(sv => sv.Name != k)))
                    throw new BuildError($"{me}: initialState of {t.GetType().Name} must name its state variables ({string.Join(", ", t.State.Select(sv => "'" + sv.Name + "'"))}), got '{name}'.");
            return t.State.Select(sv => ctx.SetSignal(neurons, sv.Name, new Signal($"{me}.{sv.Name}", t.InitialDistribution(sv).Sample(n, stateRng)))).ToList();
        }

        if (type is RatesToSpikesNeuronType wrapper)
        {
            var rateOut = ctx.SetSignal(neurons, "rate_out", Signal.Zeros($"{me}.rate_out", n));
            var wrapperStates = States(wrapper);
            var baseStates = States(wrapper.BaseType);
            ctx.Add(new SimNeurons(wrapper.BaseType, current, rateOut, baseStates, me));
            ctx.Add(new SimNeurons(wrapper, rateOut, output, wrapperStates, me));
        }
        else
        {
            ctx.Add(new SimNeurons(type, current, output, States(type), me));
        }
    }
}
