using Nengo.Backends.OpenCL.Memory;

namespace Nengo.Backends.OpenCL.Planning;

/// <summary>
/// The operators of one dependency level (<see cref="Graph.Model.StepLevels"/>), collected into one
/// kernel group per kind (operators of one level are independent, so a group may run them all in one
/// launch) plus the level's host round trips, which run first so that the wait they need covers only
/// earlier levels.
/// </summary>
internal sealed class LevelPlan(int level)
{
    private readonly Dictionary<object, KernelGroup> _groups = [];
    private readonly List<KernelGroup> _order = [];
    private readonly List<List<HostFunction>> _roundTrips = [];

    /// <summary>The level.</summary>
    public int Level { get; } = level;

    /// <summary>The level's group of kind <typeparamref name="T"/>, created on first use.</summary>
    /// <typeparam name="T">The group's kernel class.</typeparam>
    /// <returns>The group.</returns>
    public T Group<T>() where T : KernelGroup, new() => (T)Group(typeof(T), static () => new T());

    /// <summary>The level's group under <paramref name="key"/>, created on first use.</summary>
    /// <param name="key">What identifies the kind (e.g. the neuron type's registered type).</param>
    /// <param name="create">Creates the group.</param>
    /// <returns>The group.</returns>
    public KernelGroup Group(object key, Func<KernelGroup> create)
    {
        if (!_groups.TryGetValue(key, out var g))
        {
            _groups[key] = g = create();
            _order.Add(g);
        }
        return g;
    }

    /// <summary>Adds a host function with input; one whose output overlaps an earlier one's starts a second round trip.</summary>
    /// <param name="function">The function.</param>
    public void AddRoundTrip(HostFunction function)
    {
        var list = _roundTrips.Find(l => !l.Any(f => f.Output.Overlaps(function.Output)));
        if (list is null) _roundTrips.Add(list = []);
        list.Add(function);
    }

    /// <summary>The level's items: round trips, then one or more launches per group.</summary>
    /// <param name="ctx">The device, program and buffer.</param>
    /// <returns>The items in order.</returns>
    public IEnumerable<IStepItem> Emit(EmitContext ctx)
    {
        foreach (var list in _roundTrips)
            yield return new HostRoundTrip(ctx.Cl, ctx.Signals, ctx.Arena, ctx.Precision, list);
        foreach (var g in _order)
        {
            if (g.IsEmpty) continue;
            foreach (var launch in g.Emit(ctx)) yield return launch;
        }
    }
}
