using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Builds a probe: which signal it records, filtered and sliced as asked.</summary>
/// <remarks>
/// Steps (NEF.md §1.5, §9.5): <c>decoded_output</c> → a hidden connection (probe synapse, probe solver,
/// probe seed, the ensemble's eval points) into a fresh sink reset each step; any other attribute → its
/// signal, sliced (view or gathered copy), then, if the probe has a synapse, filtered in update mode and
/// copied into the probe's signal before the update (one step of delay).
/// Samples are taken after each step where step mod (sampleEvery/dt) &lt; 1.
/// </remarks>
public static class ProbeBuilder
{
    /// <summary>Builds <paramref name="probe"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="probe">The probe.</param>
    /// <exception cref="BuildError">When the attribute has no signal in the built model.</exception>
    public static void Build(BuildContext ctx, Probe probe)
    {
        string me = probe.Describe;
        var target = probe.Target;
        object obj = target is ObjView v ? v.Target : target;
        var slice = (target as ObjView)?.Indices;
        Signal recorded;
        if (obj is Ensemble && probe.Attr == "decoded_output")
        {
            var sink = ctx.SetSignal(probe, "in", Signal.Zeros($"{me}.in", ((IConnectable)target).SizeOut));
            ctx.Add(new Reset(sink, 0, me));
            var hidden = ProbeSink.HiddenConnection(probe, Defaults.ProbeSolver(probe), Defaults.ProbeSynapse(probe));
            ctx.SetSeed(hidden, ctx.SeedOf(probe));
            ConnectionBuilder.Build(ctx, hidden);
            recorded = sink;
        }
        else
        {
            var source = SourceSignal(ctx, obj, probe.Attr, me);
            var selected = Slicing.Select(ctx, source, slice, me);
            recorded = selected;
            if (Defaults.ProbeSynapse(probe) is { } synapse)
            {
                // The filter runs as an update; copying its output before the update gives the probe the
                // one step of delay every synapse has.
                var filtered = Synapses.Filter(ctx, synapse, selected, me);
                recorded = Signal.Zeros($"{me}.in", selected.Size);
                ctx.Add(new Copy(filtered, recorded, tag: me));
            }
            ctx.SetSignal(probe, "in", recorded);
        }
        double period = probe.SampleEvery is { } se ? se / ctx.Dt : 1.0;
        ctx.Probes.Add(new ProbeRecord(probe, recorded, period));
    }

    private static Signal SourceSignal(BuildContext ctx, object obj, string attr, string me)
    {
        object key = obj;
        string sigKey = attr;
        switch (obj)
        {
            case Ensemble when attr == "input": sigKey = "in"; break;
            case Ensemble when attr == "scaled_encoders": sigKey = "encoders"; break;
            case Neurons when attr == "output": sigKey = "out"; break;
            case Neurons when attr == "input": sigKey = "in"; break;
            case Node when attr == "output": sigKey = "out"; break;
            case Connection when attr == "output": sigKey = "out"; break;
            case Connection when attr == "input": sigKey = "in"; break;
            case Connection when attr == "weights": sigKey = "weights"; break;
            case LearningRule: sigKey = attr; break;
        }
        return ctx.TryGetSignal(key, sigKey)
            ?? throw new BuildError($"{me}: '{attr}' of {Describe(obj)} does not exist in the built model" +
                (obj is Connection ? " (a connection with no transform and no decoders has no weights)." : "."));
    }

    private static string Describe(object o) => o switch { IConnectable c => c.Describe, NengoObject n => n.Describe, _ => o.ToString() ?? "?" };
}
