using System.Numerics;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Scheduling;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// Runs many LIF populations as one: SimNeurons(LIF) operators of one dependency level with equal
/// parameters are grouped, their current, output, voltage and refractory signals are laid out back to
/// back in the arena (<see cref="Memory.ArenaLayout"/>), and the group runs as fixed-size slices of one long range —
/// a few long SIMD loops instead of one short loop per ensemble. Slices do not depend on the thread
/// count, and <see cref="LifKernel{T}"/> computes each neuron the same wherever it sits.
/// </summary>
internal static class LifMerging
{
    /// <summary>Neurons per slice (a multiple of the vector width): enough work per call, enough slices to share over threads.</summary>
    public const int SliceNeurons = 1024;

    /// <summary>Groups of step-order indices of LIF operators that can run as one range (groups of two or more).</summary>
    public static List<int[]> Groups(Model model)
    {
        var order = model.StepOrder;
        var claimed = new HashSet<Signal>(ReferenceEqualityComparer.Instance);
        var groups = new Dictionary<(int, double, double, double, double), List<int>>();
        for (int i = 0; i < order.Count; i++)
        {
            if (order[i] is not SimNeurons { NeuronType: LIF lif } op || lif.GetType() != typeof(LIF)) continue;
            Signal[] sigs = [op.Current, op.Output, op.States[0], op.States[1]];
            if (sigs.Any(s => s.Base is not null || s.Size != op.Count || claimed.Contains(s)) || sigs.Distinct(ReferenceEqualityComparer.Instance).Count() != 4) continue;
            foreach (var s in sigs) claimed.Add(s);
            var key = (model.StepLevels[i], lif.TauRc, lif.TauRef, lif.MinVoltage, lif.Amplitude);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(i);
        }
        return groups.Values.Where(g => g.Count > 1).Select(g => g.ToArray()).ToList();
    }

    /// <summary>The slices that run one group (its signals contiguous in <paramref name="store"/>, as <see cref="Memory.ArenaLayout"/> made them).</summary>
    public static IEnumerable<PlannedKernel> Slices<T>(Model model, int[] group, SignalStore<T> store) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ops = group.Select(i => (SimNeurons)model.StepOrder[i]).ToArray();
        var first = ops[0];
        int n = ops.Sum(o => o.Count);
        int j = store.OffsetOf(first.Current), output = store.OffsetOf(first.Output), v = store.OffsetOf(first.States[0]), r = store.OffsetOf(first.States[1]);
        int at = 0;
        foreach (var op in ops)
        {
            if (store.OffsetOf(op.Current) != j + at || store.OffsetOf(op.Output) != output + at || store.OffsetOf(op.States[0]) != v + at || store.OffsetOf(op.States[1]) != r + at)
                throw new InvalidOperationException($"LIF group layout is not contiguous at {op}");
            at += op.Count;
        }
        var lif = (LIF)first.NeuronType;
        for (int start = 0; start < n; start += SliceNeurons)
        {
            int count = Math.Min(SliceNeurons, n - start);
            var kernel = new LifKernel<T>(lif, model.Dt, store.Arena, j + start, output + start, v + start, r + start, count);
            (int, int)[] writes = [(output + start, count), (v + start, count), (r + start, count)];
            yield return new PlannedKernel(kernel, model.StepLevels[group[0]], group[0], writes, 12L * count, "SimNeurons(LIF)");
        }
    }
}
