using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>Copy: plain, contiguous views, index lists on either end, and repeated inc indices that accumulate.</summary>
[TestFixture]
public class CopyKernelTests : KernelTestBase
{
    private Network _net = null!;
    private Node _c = null!;

    [SetUp]
    public void MakeSource()
    {
        _net = new Network("copy", seed: 1);
        _c = _net.Node(new[] { 1.0, 2.0, 3.0 }, label: "c");
    }

    private (Node Post, Probe Probe) Passthrough(int size, string label)
    {
        var p = _net.Node(sizeIn: size, label: label);
        return (p, _net.Probe(p));
    }

    [Test]
    public void WholeSignal_IsCopiedExactly_EveryStep()
    {
        var (p, probe) = Passthrough(3, "p");
        _net.Connect(_c, p, synapse: null);
        var data = Run(_net, 3, probe)[0];
        for (int i = 0; i < 3; i++) Assert.That(Row(data, i), Is.EqualTo(new[] { 1.0, 2.0, 3.0 }));
    }

    [Test]
    public void ContiguousPreSlice_IsAView()
    {
        var (p, probe) = Passthrough(2, "p");
        _net.Connect(_c[1..3], p, synapse: null);
        Assert.That(Row(Run(_net, 1, probe)[0], 0), Is.EqualTo(new[] { 2.0, 3.0 }));
    }

    [Test]
    public void PreIndexList_GathersInOrder()
    {
        var (p, probe) = Passthrough(3, "p");
        _net.Connect(_c[new[] { 2, 0, 1 }], p, synapse: null);
        var sim = Sim(_net);
        Assert.That(sim.Model.StepOrder.OfType<Copy>().Any(o => o.SrcIndices is not null), Is.True, "an index list needs a gathering Copy");
        sim.RunSteps(2);
        Assert.That(Row(sim.Data[probe], 1), Is.EqualTo(new[] { 3.0, 1.0, 2.0 }));
    }

    [Test]
    public void PostIndexList_Scatters()
    {
        var (p, probe) = Passthrough(3, "p");
        _net.Connect(_c, p[new[] { 2, 0, 1 }], synapse: null);
        Assert.That(Row(Run(_net, 1, probe)[0], 0), Is.EqualTo(new[] { 2.0, 3.0, 1.0 }));
    }

    [Test]
    public void RepeatedPostIndices_Accumulate()
    {
        var (p, probe) = Passthrough(3, "p");
        _net.Connect(_c, p[new[] { 1, 1, 1 }], synapse: null);
        _net.Connect(_c[new[] { 2, 2 }], p[new[] { 0, 0 }], synapse: null);
        Assert.That(Row(Run(_net, 2, probe)[0], 1), Is.EqualTo(new[] { 6.0, 6.0, 0.0 }));
    }

    [Test]
    public void NegativeAndReversedIndices_Work()
    {
        var (p, probe) = Passthrough(2, "p");
        _net.Connect(_c[new[] { -1, -3 }], p[new[] { 1, 0 }], synapse: null);
        Assert.That(Row(Run(_net, 1, probe)[0], 0), Is.EqualTo(new[] { 1.0, 3.0 }));
    }

    [Test]
    public void ConsecutiveIndexLists_RunAsOneBatchKernel()
    {
        // Connections into single dimensions and consecutive ranges of a post (index lists of consecutive indices,
        // as EnsembleArrays and CircularConvolution make) run as runs of one batch kernel, with their values.
        var (p, probe) = Passthrough(5, "p");
        _net.Connect(_c[0], p[4], synapse: null);
        _net.Connect(_c[1], p[3], transform: 1.0, synapse: null);
        _net.Connect(_c[new[] { 0, 1 }], p[new[] { 1, 2 }], synapse: null);
        _net.Connect(_c[2], p[0], synapse: null);
        var sim = Sim(_net);
        var indexed = sim.Model.StepOrder.OfType<Copy>().Where(c => c.DstIndices is not null || c.SrcIndices is not null).ToList();
        Assert.That(indexed.Count, Is.GreaterThanOrEqualTo(3), "single-dimension posts are index lists");
        int kernels = int.Parse(System.Text.RegularExpressions.Regex.Match(sim.PlanReport(), @"(\d+) kernels").Groups[1].Value);
        Assert.That(kernels, Is.LessThanOrEqualTo(sim.Model.StepOrder.Count - indexed.Count + 1), "the indexed copies of a level are one kernel");
        sim.RunSteps(2);
        Assert.That(Row(sim.Data[probe], 1), Is.EqualTo(new[] { 3.0, 1.0, 2.0, 2.0, 1.0 }));
    }

    [Test]
    public void SeveralConnections_IntoOnePost_Sum()
    {
        var (p, probe) = Passthrough(3, "p");
        _net.Connect(_c, p, synapse: null);
        _net.Connect(_c, p, synapse: null);
        _net.Connect(_c[0], p[2], synapse: null);
        Assert.That(Row(Run(_net, 1, probe)[0], 0), Is.EqualTo(new[] { 2.0, 4.0, 7.0 }));
    }

    [Test]
    public void SlicedProbe_RecordsTheSelection()
    {
        var (p, _) = Passthrough(3, "p");
        _net.Connect(_c, p, synapse: null);
        var sliced = _net.Probe(p[new[] { 2, 0 }]);
        var view = _net.Probe(p[1..]);
        var data = Run(_net, 1, sliced, view);
        Assert.That(Row(data[0], 0), Is.EqualTo(new[] { 3.0, 1.0 }));
        Assert.That(Row(data[1], 0), Is.EqualTo(new[] { 2.0, 3.0 }));
    }

    [Test]
    public void Reset_ClearsAccumulatorsEveryStep()
    {
        var (p, probe) = Passthrough(3, "p");
        _net.Connect(_c, p, synapse: null);
        var data = Run(_net, 5, probe)[0];
        Assert.That(Row(data, 4), Is.EqualTo(new[] { 1.0, 2.0, 3.0 }), "a passthrough node must not accumulate across steps");
    }
}
