using Nengo.Backends.Cpu.Kernels.Neurons;
using Nengo.Backends.Cpu.Scheduling;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.Cpu.Memory;

/// <summary>
/// The order of base signals in the arena. The graph does not fix one, so the CPU backend picks an order
/// in which operators of one level that do the same thing touch adjacent memory, and then runs them as a
/// few long operations: the currents, outputs, voltages and refractory times of each LIF group
/// (<see cref="LifMerging"/>); the targets of the resets of one level; the sources, then the targets, of
/// the block copies of one level. Every other signal follows in first-use order.
/// </summary>
internal static class ArenaLayout
{
    public static List<Signal> Order(Model model, IReadOnlyList<int[]> lifGroups)
    {
        var placed = new HashSet<Signal>(ReferenceEqualityComparer.Instance);
        var order = new List<Signal>();
        void Place(Signal s) { if (s.Base is null && placed.Add(s)) order.Add(s); }

        foreach (var g in lifGroups)
        {
            var ops = g.Select(i => (SimNeurons)model.StepOrder[i]).ToArray();
            foreach (var op in ops) Place(op.Current);
            foreach (var op in ops) Place(op.Output);
            foreach (var op in ops) Place(op.States[0]);
            foreach (var op in ops) Place(op.States[1]);
        }
        foreach (var level in Enumerable.Range(0, model.StepOrder.Count).GroupBy(i => model.StepLevels[i]).OrderBy(g => g.Key))
        {
            var ops = level.Select(i => model.StepOrder[i]).ToArray();
            foreach (var r in ops.OfType<Reset>()) Place(r.Dst);
            var copies = ops.OfType<Copy>().Where(OperatorBatching.IsBlock).ToArray();
            foreach (var c in copies) Place(c.Src);
            foreach (var c in copies) Place(c.Dst);
        }
        foreach (var s in model.BaseSignals) Place(s);
        return order;
    }
}
