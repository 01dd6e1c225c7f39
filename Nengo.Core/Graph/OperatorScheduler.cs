namespace Nengo.Graph;

/// <summary>
/// Orders one step of operators from their declared sets, incs, reads and updates. Within a step each
/// memory location is set (at most once), then inc'd, then read, then updated (at most once); views
/// that overlap in the same base count as the same memory. Kahn's topological sort, ties broken by
/// build order, so the order is deterministic.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.builder.graph</c> + <c>toposort</c>. A cycle is an algebraic loop (e.g.
/// passthrough nodes in a loop with no synapse) and raises a <see cref="BuildError"/>.</remarks>
public static class OperatorScheduler
{
    private enum Access { Set = 0, Inc = 1, Read = 2, Update = 3 }

    /// <summary>Returns the operators in a valid step order.</summary>
    /// <param name="operators">The operators, in build order.</param>
    /// <returns>The step order.</returns>
    /// <exception cref="BuildError">On a cycle, or two sets / two updates of the same memory.</exception>
    public static IReadOnlyList<Operator> Order(IReadOnlyList<Operator> operators) => Schedule(operators).Order;

    /// <summary>
    /// Returns the step order and, for each operator in it, its dependency level: the length of the
    /// longest chain of operators that must run before it. Operators of one level are independent of
    /// each other, so a backend may run them in any order or in parallel.
    /// </summary>
    /// <param name="operators">The operators, in build order.</param>
    /// <returns>The order and the level of each operator in it.</returns>
    /// <exception cref="BuildError">On a cycle, or two sets / two updates of the same memory.</exception>
    public static (IReadOnlyList<Operator> Order, IReadOnlyList<int> Levels) Schedule(IReadOnlyList<Operator> operators)
    {
        int n = operators.Count;
        var byRoot = new Dictionary<Signal, List<(int Op, Access Kind, Signal Sig)>>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++)
        {
            var op = operators[i];
            void Note(IReadOnlyList<Signal> list, Access kind)
            {
                foreach (var s in list)
                {
                    if (!byRoot.TryGetValue(s.Root, out var l)) byRoot[s.Root] = l = [];
                    l.Add((i, kind, s));
                }
            }
            Note(op.Sets, Access.Set); Note(op.Incs, Access.Inc); Note(op.Reads, Access.Read); Note(op.Updates, Access.Update);
        }

        var successors = new List<int>[n];
        for (int i = 0; i < n; i++) successors[i] = [];
        var edges = new HashSet<(int, int)>();
        var indegree = new int[n];
        foreach (var accesses in byRoot.Values)
        {
            for (int p = 0; p < accesses.Count; p++)
            {
                for (int q = p + 1; q < accesses.Count; q++)
                {
                    var a = accesses[p];
                    var b = accesses[q];
                    if (a.Op == b.Op || !a.Sig.Overlaps(b.Sig)) continue;
                    if (a.Kind == b.Kind)
                    {
                        if (a.Kind is Access.Set or Access.Update)
                            throw new BuildError($"Two operators {a.Kind.ToString().ToLowerInvariant()} the same memory ({a.Sig.Name} and {b.Sig.Name}): {operators[a.Op]} and {operators[b.Op]}.");
                        continue;
                    }
                    var (from, to) = a.Kind < b.Kind ? (a.Op, b.Op) : (b.Op, a.Op);
                    if (edges.Add((from, to))) { successors[from].Add(to); indegree[to]++; }
                }
            }
        }

        var ready = new SortedSet<int>();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.Add(i);
        var order = new List<Operator>(n);
        var levelOf = new int[n];
        var levels = new List<int>(n);
        while (ready.Count > 0)
        {
            int i = ready.Min;
            ready.Remove(i);
            order.Add(operators[i]);
            levels.Add(levelOf[i]);
            foreach (int j in successors[i])
            {
                levelOf[j] = Math.Max(levelOf[j], levelOf[i] + 1);
                if (--indegree[j] == 0) ready.Add(j);
            }
        }
        if (order.Count != n)
        {
            var stuck = Enumerable.Range(0, n).Where(i => indegree[i] > 0).Take(6).Select(i => "  " + operators[i]);
            throw new BuildError("The model has an algebraic loop (a cycle of connections with no synapse, e.g. through passthrough nodes or Direct ensembles); " +
                "give one connection in the loop a synapse. Operators in the loop include:\n" + string.Join("\n", stuck));
        }
        return (order, levels);
    }
}
