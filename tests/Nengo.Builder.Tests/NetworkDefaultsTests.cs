using Nengo.Graph;
using Nengo.Graph.Operators;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>Network.Defaults: resolved at build time from the nearest enclosing network that sets them (API.md).</summary>
[TestFixture]
public class NetworkDefaultsTests
{
    private static Connection HiddenConnectionOf(Model model, Probe probe) =>
        model.Connections.Keys.Single(c => c.PostObject is ProbeSink s && ReferenceEquals(s.Probe, probe));

    private static IEnumerable<SimProcess> SynapsesOf(Model model, Connection conn) =>
        model.StepOrder.OfType<SimProcess>().Where(op => op.Tag == conn.Describe);

    [Test]
    public void EnsembleRadius_AppliesToEnsemblesWithoutOne_ButNotToExplicitOnes()
    {
        var net = new Network(seed: 1);
        net.Defaults.Ensemble.Radius = 2;
        var free = net.Ensemble(20, 1, label: "free");
        var pinned = net.Ensemble(20, 1, radius: 1, label: "pinned");
        var model = ModelBuilder.Build(net);
        Assert.That(model.Ensembles[free].Radius, Is.EqualTo(2));
        Assert.That(model.Ensembles[pinned].Radius, Is.EqualTo(1));
        Assert.That(model.Ensembles[free].EvalPoints.Enumerate().Max(Math.Abs), Is.GreaterThan(1.0), "eval points are scaled by the default radius");
        Assert.That(model.Ensembles[pinned].EvalPoints.Enumerate().Max(Math.Abs), Is.LessThanOrEqualTo(1.0));
    }

    [Test]
    public void Defaults_SetAfterCreatingTheObject_StillApply()
    {
        var net = new Network(seed: 1);
        var ens = net.Ensemble(20, 1);
        net.Defaults.Ensemble.Radius = 3;
        Assert.That(ModelBuilder.Build(net).Ensembles[ens].Radius, Is.EqualTo(3));
    }

    [Test]
    public void ParentDefaults_ApplyInsideASubnetwork_AndTheSubnetworksOwnWin()
    {
        var root = new Network("root", seed: 1);
        root.Defaults.Ensemble.Radius = 3;
        root.Defaults.Ensemble.NeuronType = new LIFRate();
        var inRoot = root.Ensemble(10, 1, label: "inRoot");
        var sub = root.Add(new Network("sub"));
        var inSub = sub.Ensemble(10, 1, label: "inSub");
        var deep = sub.Add(new Network("deep"));
        deep.Defaults.Ensemble.Radius = 5;
        var inDeep = deep.Ensemble(10, 1, label: "inDeep");
        sub.Defaults.Ensemble.Radius = 4;

        var model = ModelBuilder.Build(root);
        Assert.That(model.Ensembles[inRoot].Radius, Is.EqualTo(3));
        Assert.That(model.Ensembles[inSub].Radius, Is.EqualTo(4), "the subnetwork's own default wins");
        Assert.That(model.Ensembles[inDeep].Radius, Is.EqualTo(5), "the nearest network wins");
        Assert.That(model.Ensembles[inDeep].NeuronType, Is.TypeOf<LIFRate>(), "unset parameters fall through to the parent");
        Assert.That(model.StepOrder.OfType<SimNeurons>().Select(o => o.NeuronType), Has.All.TypeOf<LIFRate>());
    }

    [Test]
    public void ExplicitParameters_BeatEveryDefault()
    {
        var root = new Network(seed: 1);
        root.Defaults.Ensemble.NeuronType = new LIFRate();
        var sub = root.Add(new Network());
        sub.Defaults.Ensemble.NeuronType = new RectifiedLinear();
        var ens = sub.Ensemble(10, 1, neuronType: new LIF());
        Assert.That(ModelBuilder.Build(root).Ensembles[ens].NeuronType, Is.TypeOf<LIF>());
    }

    [Test]
    public void ConnectionSynapseNull_MakesConnectionsUnfiltered()
    {
        var root = new Network(seed: 1);
        var a = root.Ensemble(20, 1, label: "a");
        var b = root.Ensemble(20, 1, label: "b");
        var quiet = root.Add(new Network("quiet"));
        quiet.Defaults.Connection.Synapse = null;
        var c = quiet.Ensemble(20, 1, label: "c");
        var unfiltered = quiet.Connect(a, c, label: "unfiltered");
        var explicitSyn = quiet.Connect(b, c, synapse: 0.01, label: "explicit");
        var normal = root.Connect(a, b, label: "normal");

        var model = ModelBuilder.Build(root);
        Assert.That(SynapsesOf(model, unfiltered), Is.Empty, "Defaults.Connection.Synapse = null means no SimProcess");
        Assert.That(model.Sig[unfiltered]["out"].Name, Does.Not.EndWith(".filtered"));
        Assert.That(SynapsesOf(model, explicitSyn).Single().Process, Is.TypeOf<Lowpass>().With.Property("Tau").EqualTo(0.01));
        Assert.That(SynapsesOf(model, normal).Single().Process, Is.TypeOf<Lowpass>().With.Property("Tau").EqualTo(0.005), "the library default elsewhere");
    }

    [Test]
    public void ConnectionSynapse_Default_IsUsedByConnectionsThatLeaveItOut()
    {
        var net = new Network(seed: 1);
        net.Defaults.Connection.Synapse = new Alpha(0.02);
        var a = net.Ensemble(20, 1);
        var conn = net.Connect(a, a);
        var syn = SynapsesOf(ModelBuilder.Build(net), conn).Single().Process;
        Assert.That(syn, Is.TypeOf<Alpha>().With.Property("Tau").EqualTo(0.02));
    }

    [Test]
    public void ConnectionSolver_Default_IsUsedByConnectionsAndDecodedOutputProbes()
    {
        var net = new Network(seed: 1);
        var solver = new LstsqL2(reg: 0.5);
        net.Defaults.Connection.Solver = solver;
        var a = net.Ensemble(30, 1, label: "a");
        var b = net.Ensemble(30, 1, label: "b");
        var conn = net.Connect(a, b);
        var probe = net.Probe(a);
        var own = net.Probe(b, solver: new LstsqL2nz());

        var model = ModelBuilder.Build(net);
        Assert.That(model.Connections[conn].SolverInfo!.Solver, Is.EqualTo(solver));
        Assert.That(model.Connections[HiddenConnectionOf(model, probe)].SolverInfo!.Solver, Is.EqualTo(solver));
        Assert.That(model.Connections[HiddenConnectionOf(model, own)].SolverInfo!.Solver, Is.TypeOf<LstsqL2nz>(), "an explicit probe solver wins");
    }

    [Test]
    public void ConnectionSolver_Default_ChangesTheProbesDecoders()
    {
        Network Make(Solver? solver)
        {
            var net = new Network(seed: 1);
            net.Defaults.Connection.Solver = solver;
            net.Probe(net.Ensemble(30, 1));
            return net;
        }
        var m1 = ModelBuilder.Build(Make(null));
        var m2 = ModelBuilder.Build(Make(new LstsqL2(reg: 0.5)));
        var d1 = m1.Connections.Single().Value.Weights!.ToColumnMajorArray();
        var d2 = m2.Connections.Single().Value.Weights!.ToColumnMajorArray();
        Assert.That(d2, Is.Not.EqualTo(d1));
    }

    [Test]
    public void ProbeSolver_Default_WinsOverTheConnectionSolverForProbes()
    {
        var net = new Network(seed: 1);
        net.Defaults.Connection.Solver = new LstsqL2(reg: 0.5);
        net.Defaults.Probe.Solver = new LstsqL2(reg: 0.01);
        var probe = net.Probe(net.Ensemble(30, 1));
        var model = ModelBuilder.Build(net);
        Assert.That(model.Connections[HiddenConnectionOf(model, probe)].SolverInfo!.Solver, Is.EqualTo(new LstsqL2(reg: 0.01)));
    }

    [Test]
    public void ProbeSynapse_Default_FiltersProbes()
    {
        var net = new Network(seed: 1);
        net.Defaults.Probe.Synapse = 0.02;
        var node = net.Node(t => t, label: "n");
        var filtered = net.Probe(node, label: "filtered");
        var raw = net.Probe(node, synapse: null, label: "raw");
        var model = ModelBuilder.Build(net);
        var processes = model.StepOrder.OfType<SimProcess>().ToList();
        Assert.That(processes.Where(p => p.Tag == filtered.Describe).Single().Process, Is.TypeOf<Lowpass>().With.Property("Tau").EqualTo(0.02));
        Assert.That(processes.Where(p => p.Tag == raw.Describe), Is.Empty);
    }

    [Test]
    public void EnsembleNEvalPoints_Default_Applies()
    {
        var net = new Network(seed: 1);
        net.Defaults.Ensemble.NEvalPoints = 123;
        var ens = net.Ensemble(10, 1);
        Assert.That(ModelBuilder.Build(net).Ensembles[ens].EvalPoints.RowCount, Is.EqualTo(123));
    }
}
