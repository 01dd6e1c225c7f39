using Nengo.Graph;
using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>The built Model: readable printing, and a step order that respects the operator contract (NEF.md §9.2).</summary>
[TestFixture]
public class ModelStructureTests
{
    private enum Access { Set = 0, Inc = 1, Read = 2, Update = 3 }

    private static IEnumerable<TestCaseData> Networks()
    {
        yield return new TestCaseData(new Func<Network>(() => TestNetworks.Squaring())).SetArgDisplayNames("squaring");
        yield return new TestCaseData(new Func<Network>(() => TestNetworks.Mixed())).SetArgDisplayNames("mixed");
        yield return new TestCaseData(new Func<Network>(() => TestNetworks.PassthroughLoop(0.0))).SetArgDisplayNames("loop");
    }

    [Test]
    public void SquaringModel_PrintsReadably()
    {
        var model = ModelBuilder.Build(TestNetworks.Squaring());
        string text = model.ToString();
        Assert.That(text, Does.StartWith("Model 'squaring'"));
        foreach (var name in new[] { "TimeUpdate", "Reset", "Copy", "DotInc", "SimNeurons", "SimProcess", "SimNodeFunc" })
            Assert.That(text, Does.Contain(name + "{"), $"the printout should show a {name} operator");
        foreach (var label in new[] { "'input'", "'x'", "'sq'", "'x->sq'", "'p_sq'" })
            Assert.That(text, Does.Contain(label), $"the printout should name {label}");
        foreach (var op in model.StepOrder)
            Assert.That(text, Does.Contain(op.ToString()));
        Assert.That(text, Does.Not.Contain("Nengo.Graph"), "operators and signals should print themselves, not their type names");
        Assert.That(text.Split('\n').Length, Is.GreaterThan(model.StepOrder.Count));
    }

    [Test]
    public void Operators_PrintTheirSignalsAndTag()
    {
        var model = ModelBuilder.Build(TestNetworks.Squaring());
        var encode = model.StepOrder.OfType<DotInc>().First(o => o.Tag == "Ensemble 'x'");
        Assert.That(encode.ToString(), Does.StartWith("DotInc{").And.Contain("Ensemble 'x'.scaled_encoders").And.EndWith("'Ensemble 'x''}"));
    }

    [TestCaseSource(nameof(Networks))]
    public void TimeUpdate_IsFirst(Func<Network> make)
    {
        var model = ModelBuilder.Build(make());
        Assert.That(model.StepOrder[0], Is.TypeOf<TimeUpdate>());
        Assert.That(model.StepOrder.OfType<TimeUpdate>().Count(), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(Networks))]
    public void StepOrder_HoldsEveryOperatorOnce(Func<Network> make)
    {
        var model = ModelBuilder.Build(make());
        Assert.That(model.StepOrder, Is.EquivalentTo(model.Operators));
        Assert.That(model.StepOrder, Is.Unique);
    }

    /// <summary>
    /// For every pair of operators touching overlapping memory, the earlier one's access must not come
    /// after the later one's in set → inc → read → update, and no memory is set or updated twice.
    /// </summary>
    [TestCaseSource(nameof(Networks))]
    public void StepOrder_RespectsSetsIncsReadsUpdates_ForEverySignal(Func<Network> make)
    {
        var model = ModelBuilder.Build(make());
        var order = model.StepOrder;
        var accesses = order.Select(Accesses).ToArray();
        int checkedPairs = 0;
        for (int i = 0; i < order.Count; i++)
        {
            for (int j = i + 1; j < order.Count; j++)
            {
                foreach (var (sa, ka) in accesses[i])
                {
                    foreach (var (sb, kb) in accesses[j])
                    {
                        if (!sa.Overlaps(sb)) continue;
                        checkedPairs++;
                        if (ka > kb)
                            Assert.Fail($"{order[i]} ({ka} {sa.Name}) runs before {order[j]} ({kb} {sb.Name}), against set → inc → read → update.");
                        if (ka == kb && ka is Access.Set or Access.Update)
                            Assert.Fail($"{order[i]} and {order[j]} both {ka.ToString().ToLowerInvariant()} {sa.Name}.");
                    }
                }
            }
        }
        Assert.That(checkedPairs, Is.GreaterThan(0));
    }

    [TestCaseSource(nameof(Networks))]
    public void ReadOnlySignals_AreNeverWritten(Func<Network> make)
    {
        var model = ModelBuilder.Build(make());
        foreach (var op in model.StepOrder)
            foreach (var s in op.Sets.Concat(op.Incs).Concat(op.Updates))
                Assert.That(s.ReadOnly, Is.False, $"{op} writes the read-only signal {s.Name}");
    }

    [Test]
    public void Synapses_RunInUpdateMode()
    {
        var model = ModelBuilder.Build(TestNetworks.Mixed());
        var processes = model.StepOrder.OfType<SimProcess>().ToList();
        Assert.That(processes, Is.Not.Empty);
        Assert.That(processes.Select(p => p.Mode), Has.All.EqualTo(ProcessMode.Update));
    }

    [Test]
    public void ConstantNode_HasNoOperator()
    {
        var net = new Network(seed: 1);
        var c = net.Node(0.5, label: "const");
        var p = net.Node(sizeIn: 1, label: "p");
        net.Connect(c, p, synapse: null);
        var model = ModelBuilder.Build(net);
        Assert.That(model.StepOrder.OfType<SimNodeFunc>(), Is.Empty);
        Assert.That(model.Sig[c]["out"].Initial.ToArray(), Is.EqualTo(new[] { 0.5 }));
    }

    [Test]
    public void Model_IsTheSameGraphTheSimulatorRuns()
    {
        var net = TestNetworks.Squaring();
        using var sim = new Simulator(net);
        var built = ModelBuilder.Build(TestNetworks.Squaring());
        Assert.That(sim.Model.ToString(), Is.EqualTo(built.ToString()));
    }

    private static List<(Signal Signal, Access Kind)> Accesses(Operator op) =>
    [
        .. op.Sets.Select(s => (s, Access.Set)),
        .. op.Incs.Select(s => (s, Access.Inc)),
        .. op.Reads.Select(s => (s, Access.Read)),
        .. op.Updates.Select(s => (s, Access.Update)),
    ];
}
