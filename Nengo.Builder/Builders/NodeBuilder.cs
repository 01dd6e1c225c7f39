using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Builder.Builders;

/// <summary>Builds a node.</summary>
/// <remarks>
/// Steps (NEF.md §9.5): an input signal (reset each step) when the node takes input; then
/// a constant → an initialised read-only output, no operator; a function → SimNodeFunc(t[, in]) → out;
/// a process → SimProcess (set mode); a passthrough → out is in (no operator, no delay).
/// </remarks>
public static class NodeBuilder
{
    /// <summary>Builds <paramref name="node"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="node">The node.</param>
    public static void Build(BuildContext ctx, Node node)
    {
        string me = node.Describe;
        Signal? input = null;
        if (node.SizeIn > 0)
        {
            input = ctx.SetSignal(node, "in", Signal.Zeros($"{me}.in", node.SizeIn));
            ctx.Add(new Reset(input, 0, me));
        }
        if (node.Constant is { } c)
        {
            ctx.SetSignal(node, "out", new Signal($"{me}.out", c.ToArray(), readOnly: true));
        }
        else if (node.Function is { } f)
        {
            var output = ctx.SetSignal(node, "out", Signal.Zeros($"{me}.out", node.SizeOut));
            ctx.Add(new SimNodeFunc(f.Invoke, output, ctx.TimeSignal, input, me));
        }
        else if (node.Process is { } process)
        {
            var output = ctx.SetSignal(node, "out", Signal.Zeros($"{me}.out", node.SizeOut));
            ctx.Add(new SimProcess(process, input, output, Synapses.State(ctx, process, node.SizeOut, me), ProcessMode.Set, ctx.TimeSignal, me));
        }
        else
        {
            ctx.SetSignal(node, "out", input!);
        }
    }
}
