using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>Exact structure of the networks (NEF.md §11): sizes, neuron counts, transforms, synapses, defaults. No simulation.</summary>
public sealed class StructureTests
{
    [Test]
    public void EnsembleArray_Structure()
    {
        var ea = new EnsembleArray(20, 3, ensDimensions: 2, label: "ea", radius: 2.0, intercepts: new Uniform(0.1, 0.5));
        Assert.That(ea.Dimensions, Is.EqualTo(6));
        Assert.That(ea.Ensembles, Has.Count.EqualTo(3));
        Assert.That(ea.Ensembles.All(e => e.NNeurons == 20 && e.Dimensions == 2), Is.True);
        Assert.That(ea.Input.SizeIn, Is.EqualTo(6));
        Assert.That(ea.Output.SizeIn, Is.EqualTo(6));
        Assert.That(ea.Outputs.Keys, Is.EquivalentTo(new[] { "output" }));
        Assert.That(ea.NNeurons, Is.EqualTo(60));
        // Every internal connection is unfiltered: the array adds no delay.
        Assert.That(ea.Connections, Has.Count.EqualTo(6));
        Assert.That(ea.Connections.All(c => c.Synapse.IsSet && c.Synapse.Value is null), Is.True);
        // Ensemble parameters live in the array's own defaults, not on the ensembles.
        Assert.That(ea.Defaults.Ensemble.Radius, Is.EqualTo(2.0));
        Assert.That(ea.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(0.1, 0.5)));
        Assert.That(ea.Ensembles[0].Radius, Is.Null);
        // Input slice i feeds ensemble i.
        var inConn = ea.Connections.Single(c => c.Post == ea.Ensembles[2]);
        Assert.That(inConn.PreSlice, Is.EqualTo(new[] { 4, 5 }));
    }

    [Test]
    public void EnsembleArray_AddOutput_SizesAndSynapse()
    {
        var ea = new EnsembleArray(10, 4);
        var sq = ea.AddOutput("square", x => x * x);
        var two = ea.AddOutput("two", (double[] x) => new[] { x[0], -x[0] });
        var mixed = ea.AddOutput("mixed", new Func<double[], double[]>?[] { null, x => new[] { 1.0, 2, 3 }, null, x => x });
        var filtered = ea.AddOutput("filtered", x => x, synapse: 0.01);
        var identity = ea.AddOutput("identity", null);
        Assert.That(identity.SizeIn, Is.EqualTo(4));
        Assert.That(sq.SizeIn, Is.EqualTo(4));
        Assert.That(two.SizeIn, Is.EqualTo(8));
        Assert.That(mixed.SizeIn, Is.EqualTo(6));
        Assert.That(ea.Outputs["square"], Is.SameAs(sq));
        var sqConns = ea.Connections.Where(c => c.Post is ObjView v && v.Target == sq).ToList();
        Assert.That(sqConns, Has.Count.EqualTo(4));
        Assert.That(sqConns.All(c => c.Synapse.IsSet && c.Synapse.Value is null), "AddOutput's synapse is None by default");
        var fConn = ea.Connections.First(c => c.Post is ObjView v && v.Target == filtered);
        Assert.That(fConn.Synapse.ToString(), Is.EqualTo("Lowpass(0.01)"));
        Assert.That(ea.Connections.Where(c => c.Post is ObjView v && v.Target == mixed).Select(c => c.PostSlice!.Count),
            Is.EqualTo(new[] { 1, 3, 1, 1 }));
    }

    [Test]
    public void EnsembleArray_NeuronInputOutput()
    {
        var ea = new EnsembleArray(7, 3);
        var ni = ea.AddNeuronInput();
        var no = ea.AddNeuronOutput();
        Assert.That(ni.SizeIn, Is.EqualTo(21));
        Assert.That(no.SizeIn, Is.EqualTo(21));
        Assert.That(ea.AddNeuronInput(), Is.SameAs(ni));
        Assert.That(ea.NeuronInput, Is.SameAs(ni));
        var toNeurons = ea.Connections.Where(c => c.PostObject is Neurons).ToList();
        Assert.That(toNeurons, Has.Count.EqualTo(3));
        Assert.That(toNeurons[1].PreSlice, Is.EqualTo(Enumerable.Range(7, 7)));
        Assert.That(toNeurons.All(c => c.Synapse.IsSet && c.Synapse.Value is null), Is.True);
    }

    [Test]
    public void EnsembleArray_Direct_RejectsNeuronInput()
    {
        var ea = new EnsembleArray(7, 3, label: "d", neuronType: new Direct());
        var ex = Assert.Throws<ValidationError>(() => ea.AddNeuronInput());
        Assert.That(ex!.Message, Does.StartWith("EnsembleArray 'd':").And.Contain("Direct"));
        Assert.Throws<ValidationError>(() => ea.AddNeuronOutput());
    }

    [Test]
    public void BasalGanglia10_Has5000Neurons()
    {
        var bg = new BasalGanglia(10);
        Assert.That(bg.NNeurons, Is.EqualTo(5000));
        Assert.That(bg.Networks, Has.Count.EqualTo(5));
        Assert.That(bg.BiasInput, Is.Null);
        Assert.That(bg.Nodes.Select(n => n.Label), Is.EquivalentTo(new[] { "input", "output" }));
    }

    [Test]
    public void BasalGanglia_LocalDefaultsAndIntercepts()
    {
        var bg = new BasalGanglia(3, nNeuronsPerEnsemble: 20);
        Assert.That(bg.Defaults.Ensemble.Radius, Is.EqualTo(1.5));
        Assert.That(bg.Defaults.Ensemble.Encoders, Is.EqualTo(new Choice(new double[,] { { 1.0 } })));
        Assert.That(bg.Defaults.Connection.Solver, Is.EqualTo(new NnlsL2nz()));
        Assert.That(bg.StrD1.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(0.2, 1)));
        Assert.That(bg.StrD2.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(0.2, 1)));
        Assert.That(bg.Stn.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(-0.25, 1)));
        Assert.That(bg.Gpi.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(-0.2, 1)));
        Assert.That(bg.Gpe.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(-0.2, 1)));
        Assert.That(bg.StrD1.Outputs.Keys, Is.EquivalentTo(new[] { "output", "func_str" }));
        Assert.That(bg.Stn.Outputs.Keys, Is.EquivalentTo(new[] { "output", "func_stn" }));
        Assert.That(bg.Gpi.Outputs.Keys, Is.EquivalentTo(new[] { "output", "func_gpi" }));
        Assert.That(bg.Gpe.Outputs.Keys, Is.EquivalentTo(new[] { "output", "func_gpe" }));
    }

    [Test]
    public void BasalGanglia_ConnectionsWeightsAndSynapses()
    {
        var bg = new BasalGanglia(3, nNeuronsPerEnsemble: 20, outputWeight: -2.5);
        Connection Between(Node pre, Node post) => bg.Connections.Single(c => c.Pre == pre && c.Post == post);
        double Scalar(Connection c) => ((Dense)c.Transform!).Scalar!.Value;

        Assert.That(Scalar(Between(bg.Input, bg.StrD1.Input)), Is.EqualTo(1.2).Within(1e-15));
        Assert.That(Scalar(Between(bg.Input, bg.StrD2.Input)), Is.EqualTo(0.8).Within(1e-15));
        Assert.That(Scalar(Between(bg.Input, bg.Stn.Input)), Is.EqualTo(1.0));
        foreach (var post in new[] { bg.StrD1.Input, bg.StrD2.Input, bg.Stn.Input })
            Assert.That(Between(bg.Input, post).Synapse.ToString(), Is.EqualTo("None"));

        const string gaba = "Lowpass(0.008)", ampa = "Lowpass(0.002)";
        var c1 = Between(bg.StrD1.Outputs["func_str"], bg.Gpi.Input);
        Assert.That((Scalar(c1), c1.Synapse.ToString()), Is.EqualTo((-1.0, gaba)));
        var c2 = Between(bg.StrD2.Outputs["func_str"], bg.Gpe.Input);
        Assert.That((Scalar(c2), c2.Synapse.ToString()), Is.EqualTo((-1.0, gaba)));
        var c3 = Between(bg.Gpe.Outputs["func_gpe"], bg.Gpi.Input);
        Assert.That((Scalar(c3), c3.Synapse.ToString()), Is.EqualTo((-0.3, gaba)));
        var c4 = Between(bg.Gpe.Outputs["func_gpe"], bg.Stn.Input);
        Assert.That((Scalar(c4), c4.Synapse.ToString()), Is.EqualTo((-1.0, gaba)));
        foreach (var post in new[] { bg.Gpi.Input, bg.Gpe.Input })
        {
            var c = Between(bg.Stn.Outputs["func_stn"], post);
            Assert.That(c.Synapse.ToString(), Is.EqualTo(ampa));
            var m = ((Dense)c.Transform!).Matrix!;
            Assert.That(m.Cast<double>(), Has.All.EqualTo(0.9));
            Assert.That((m.GetLength(0), m.GetLength(1)), Is.EqualTo((3, 3)));
        }
        var outConn = Between(bg.Gpi.Outputs["func_gpi"], bg.Output);
        Assert.That(Scalar(outConn), Is.EqualTo(-2.5));
        Assert.That(outConn.Synapse.IsSet && outConn.Synapse.Value is null, Is.True);
        Assert.That(bg.Connections, Has.Count.EqualTo(10));
    }

    [Test]
    public void BasalGanglia_RectifiedFunctions()
    {
        var bg = new BasalGanglia(1, nNeuronsPerEnsemble: 10);
        double Eval(EnsembleArray ea, string name, double x) =>
            ea.Connections.Single(c => c.Post is ObjView v && v.Target == ea.Outputs[name]).Function!.Evaluate([x])[0];
        Assert.That(Eval(bg.StrD1, "func_str", 0.1), Is.EqualTo(0));
        Assert.That(Eval(bg.StrD1, "func_str", 0.7), Is.EqualTo(0.5).Within(1e-15));
        Assert.That(Eval(bg.Stn, "func_stn", -0.3), Is.EqualTo(0));
        Assert.That(Eval(bg.Stn, "func_stn", -0.25), Is.EqualTo(0));
        Assert.That(Eval(bg.Stn, "func_stn", 0.5), Is.EqualTo(0.75));
        Assert.That(Eval(bg.Gpi, "func_gpi", -0.21), Is.EqualTo(0));
        Assert.That(Eval(bg.Gpi, "func_gpi", 0.3), Is.EqualTo(0.5).Within(1e-15));
        Assert.That(Eval(bg.Gpe, "func_gpe", 1.0), Is.EqualTo(1.2).Within(1e-15));
    }

    [Test]
    public void BasalGanglia_InputBias_AddsBiasNode()
    {
        var bg = new BasalGanglia(4, nNeuronsPerEnsemble: 10, inputBias: 0.1, ampaSynapse: 0.003, gabaSynapse: null);
        Assert.That(bg.BiasInput, Is.Not.Null);
        Assert.That(bg.BiasInput!.Constant, Is.EqualTo(new[] { 0.1, 0.1, 0.1, 0.1 }));
        var c = bg.Connections.Single(x => x.Pre == bg.BiasInput);
        Assert.That(c.Post, Is.SameAs(bg.Input));
        Assert.That(c.Synapse.IsSet, Is.False, "the bias uses the default synapse");
        Assert.That(bg.AmpaSynapse.ToString(), Is.EqualTo("Lowpass(0.003)"));
        Assert.That(bg.GabaSynapse.IsSet && bg.GabaSynapse.Value is null, Is.True);
    }

    [Test]
    public void Thalamus_Structure()
    {
        var th = new Thalamus(3, mutualInhib: 2.0, threshold: 0.1);
        Assert.That(th.NNeurons, Is.EqualTo(150));
        Assert.That(th.Input, Is.SameAs(th.Actions.Input));
        Assert.That(th.Output, Is.SameAs(th.Actions.Output));
        Assert.That(th.Actions.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(0.1, 1)));
        Assert.That(th.Actions.Defaults.Ensemble.Encoders, Is.EqualTo(new Choice(new double[,] { { 1.0 } })));
        var rec = th.Connections.Single(c => c.Pre == th.Output);
        Assert.That(rec.Synapse.IsSet, Is.False);
        var m = ((Dense)rec.Transform!).Matrix!;
        Assert.That(m, Is.EqualTo(new double[,] { { 0, -2, -2 }, { -2, 0, -2 }, { -2, -2, 0 } }));
        var bias = th.Connections.Single(c => c.Pre == th.Bias);
        Assert.That(((Dense)bias.Transform!).Matrix, Is.EqualTo(new double[,] { { 1 }, { 1 }, { 1 } }));
        Assert.That(th.Bias.Constant, Is.EqualTo(new[] { 1.0 }));
    }

    [Test]
    public void Product_Structure()
    {
        var p = new Product(31, 3, inputMagnitude: 2);
        Assert.That(p.SQ1.NNeuronsPerEnsemble, Is.EqualTo(15));
        Assert.That(p.NNeurons, Is.EqualTo(2 * 3 * 15));
        Assert.That(p.SQ1.Defaults.Ensemble.Radius, Is.EqualTo(2 * Math.Sqrt(2)));
        Assert.That(p.SQ2.Defaults.Ensemble.Radius, Is.EqualTo(2 * Math.Sqrt(2)));
        Assert.That(new Product(1, 2).SQ1.NNeuronsPerEnsemble, Is.EqualTo(1));
        Assert.That(p.Connections, Has.Count.EqualTo(6));
        Assert.That(p.Connections.All(c => c.Synapse.IsSet && c.Synapse.Value is null), Is.True);
        double tr = 1 / Math.Sqrt(2);
        var scalars = p.Connections.Select(c => (c.Pre, c.Post, ((Dense)c.Transform!).Scalar!.Value)).ToList();
        Assert.That(scalars, Does.Contain(((IConnectable)p.InputA, (IConnectable)p.SQ1.Input, tr)));
        Assert.That(scalars, Does.Contain(((IConnectable)p.InputB, (IConnectable)p.SQ2.Input, -tr)));
        Assert.That(scalars, Does.Contain(((IConnectable)p.SQ1.Outputs["square"], (IConnectable)p.Output, 0.5)));
        Assert.That(scalars, Does.Contain(((IConnectable)p.SQ2.Outputs["square"], (IConnectable)p.Output, -0.5)));
    }

    [Test]
    public void DotProductTransform_IsScaledOnesRow()
    {
        Assert.That(Product.DotProductTransform(3), Is.EqualTo(new double[,] { { 1, 1, 1 } }));
        Assert.That(Product.DotProductTransform(2, scale: -0.5), Is.EqualTo(new double[,] { { -0.5, -0.5 } }));
        Assert.Throws<ValidationError>(() => Product.DotProductTransform(0));
    }

    [TestCase(1, 4)]
    [TestCase(2, 8)]
    [TestCase(3, 8)]
    [TestCase(16, 36)]
    [TestCase(32, 68)]
    public void CircularConvolution_ProductDimensions_KeepZeroRows(int d, int expected)
    {
        Assert.That(CircularConvolution.ProductDimensions(d), Is.EqualTo(expected));
        var cc = new CircularConvolution(10, d);
        Assert.That(cc.Product.Dimensions, Is.EqualTo(expected));
        Assert.That(cc.Product.InputMagnitude, Is.EqualTo(2.0));
        Assert.That(cc.NNeurons, Is.EqualTo(expected * 10));
        Assert.That(CircularConvolution.TransformInA(d).GetLength(0), Is.EqualTo(expected));
        Assert.That(CircularConvolution.TransformOut(d).GetLength(1), Is.EqualTo(expected));
    }

    [Test]
    public void CircularConvolution_200x64_Has26400Neurons()
    {
        var cc = new CircularConvolution(200, 64);
        Assert.That(cc.Product.Dimensions, Is.EqualTo(132));
        Assert.That(cc.NNeurons, Is.EqualTo(26_400));
        Assert.That(cc.AllEnsembles.Count(), Is.EqualTo(264));
        Assert.That(cc.Connections.All(c => c.Synapse.IsSet && c.Synapse.Value is null), Is.True);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(16)]
    public void CircularConvolution_TransformsComputeExactCircularConvolution(int d)
    {
        var rng = new Random(d);
        foreach (var (invA, invB) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var a = Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray();
            var pa = Util.Mul(CircularConvolution.TransformInA(d, invA), a);
            var pb = Util.Mul(CircularConvolution.TransformInB(d, invB), b);
            var z = Util.Mul(CircularConvolution.TransformOut(d), pa.Zip(pb, (x, y) => x * y).ToArray());
            var expected = Util.CircConv(invA ? Util.Involution(a) : a, invB ? Util.Involution(b) : b);
            Assert.That(z, Is.EqualTo(expected).Within(1e-12), $"d = {d}, invertA = {invA}, invertB = {invB}");
        }
    }

    [Test]
    public void CircularConvolution_TransformsMatchDirectDft()
    {
        const int d = 6;
        var ta = CircularConvolution.TransformInA(d);
        var tb = CircularConvolution.TransformInB(d);
        var tai = CircularConvolution.TransformInA(d, invert: true);
        var to = CircularConvolution.TransformOut(d);
        for (int k = 0; k <= d / 2; k++)
        {
            double w = k == 0 || 2 * k == d ? 1 : 2;
            for (int x = 0; x < d; x++)
            {
                double re = Math.Cos(-2 * Math.PI * k * x / d), im = Math.Sin(-2 * Math.PI * k * x / d);
                Assert.That(new[] { ta[4 * k, x], ta[4 * k + 1, x], ta[4 * k + 2, x], ta[4 * k + 3, x] },
                    Is.EqualTo(new[] { re, im, re, im }).Within(1e-12));
                Assert.That(new[] { tb[4 * k, x], tb[4 * k + 1, x], tb[4 * k + 2, x], tb[4 * k + 3, x] },
                    Is.EqualTo(new[] { re, im, im, re }).Within(1e-12));
                Assert.That(new[] { tai[4 * k, x], tai[4 * k + 1, x] }, Is.EqualTo(new[] { re, -im }).Within(1e-12));
                // c = conj(F[k]) doubled except at k = 0 and d/2; rows Re c, −Re c, −Im c, −Im c; / d.
                Assert.That(new[] { to[x, 4 * k], to[x, 4 * k + 1], to[x, 4 * k + 2], to[x, 4 * k + 3] },
                    Is.EqualTo(new[] { w * re / d, -w * re / d, w * im / d, w * im / d }).Within(1e-12));
            }
        }
        // The imaginary rows at k = 0 and k = d/2 are all zero but present.
        for (int x = 0; x < d; x++)
            Assert.That(new[] { ta[1, x], ta[3, x], ta[4 * 3 + 1, x], ta[4 * 3 + 3, x] }, Has.All.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void InputGatedMemory_Structure()
    {
        var m = new InputGatedMemory(12, 2, feedback: 0.9, differenceGain: 1.5, recurrentSynapse: 0.05);
        Assert.That(m.NNeurons, Is.EqualTo(48));
        Assert.That(m.Input, Is.SameAs(m.Diff.Input));
        Assert.That(m.Output, Is.SameAs(m.Mem.Output));
        Assert.That(m.Gate.SizeIn, Is.EqualTo(1));
        Assert.That(m.Reset.SizeIn, Is.EqualTo(1));
        var rec = m.Connections.Single(c => c.Pre == m.Mem.Output && c.Post == m.Mem.Input);
        Assert.That((((Dense)rec.Transform!).Scalar, rec.Synapse.ToString()), Is.EqualTo(((double?)0.9, "Lowpass(0.05)")));
        var toDiff = m.Connections.Single(c => c.Pre == m.Mem.Output && c.Post == m.Diff.Input);
        Assert.That(toDiff.Synapse.IsSet, Is.False);
        var fromDiff = m.Connections.Single(c => c.Pre == m.Diff.Output);
        Assert.That((((Dense)fromDiff.Transform!).Scalar, fromDiff.Synapse.ToString()), Is.EqualTo(((double?)1.5, "Lowpass(0.05)")));
        var gate = m.Connections.Single(c => c.Pre == m.Gate);
        Assert.That(gate.Post, Is.SameAs(m.Diff.NeuronInput));
        Assert.That(((Dense)gate.Transform!).Matrix!.Cast<double>(), Has.All.EqualTo(-10.0));
        Assert.That(((Dense)gate.Transform!).Matrix!.GetLength(0), Is.EqualTo(24));
        var reset = m.Connections.Single(c => c.Pre == m.Reset);
        Assert.That(reset.Post, Is.SameAs(m.Mem.NeuronInput));
        Assert.That(((Dense)reset.Transform!).Matrix!.Cast<double>(), Has.All.EqualTo(-3.0));
        Assert.That(gate.Synapse.IsSet && gate.Synapse.Value is null && reset.Synapse.IsSet && reset.Synapse.Value is null, Is.True);
        var ds = new InputGatedMemory(5, 1, differenceSynapse: 0.02);
        Assert.That(ds.Connections.Single(c => c.Pre == ds.Diff.Output).Synapse.ToString(), Is.EqualTo("Lowpass(0.02)"));
    }

    [Test]
    public void AssociativeMemory_Structure()
    {
        var inputs = new double[,] { { 1, 0, 0 }, { 0, 1, 0 } };
        var outputs = new double[,] { { 1, 2, 3, 4 }, { 5, 6, 7, 8 } };
        var am = new AssociativeMemory(inputs, outputs, nNeurons: 10, threshold: 0.4, inputScales: 2, inhibitable: true);
        Assert.That(am.NItems, Is.EqualTo(2));
        Assert.That(am.ItemEnsembles, Has.Count.EqualTo(2));
        Assert.That(am.NNeurons, Is.EqualTo(20));
        Assert.That(am.Input.SizeIn, Is.EqualTo(3));
        Assert.That(am.Output.SizeIn, Is.EqualTo(4));
        Assert.That(am.Utilities, Is.SameAs(am.ElemOutput));
        Assert.That(am.Inhibit, Is.Not.Null);
        Assert.That(am.Defaults.Ensemble.Intercepts, Is.EqualTo(new Exponential(0.15, 0, 1)));
        Assert.That(am.Defaults.Ensemble.EvalPoints, Is.EqualTo(new Uniform(0, 1)));
        Assert.That(am.Defaults.Ensemble.NEvalPoints, Is.EqualTo(5000));
        Assert.That(am.Connections.All(c => c.Synapse.IsSet && c.Synapse.Value is null), "internal connections are unfiltered");
        var inConn = am.Connections.Single(c => c.Pre == am.Input);
        Assert.That(((Dense)inConn.Transform!).Matrix, Is.EqualTo(new double[,] { { 2, 0, 0 }, { 0, 2, 0 } }));
        var outConn = am.Connections.Single(c => c.Post == am.Output);
        Assert.That(((Dense)outConn.Transform!).Matrix, Is.EqualTo(new double[,] { { 1, 5 }, { 2, 6 }, { 3, 7 }, { 4, 8 } }));
        var biasConns = am.Connections.Where(c => c.Pre == am.BiasNode).ToList();
        Assert.That(biasConns.Select(c => ((Dense)c.Transform!).Scalar), Has.All.EqualTo(-0.4));
        var inhibit = am.Connections.Single(c => c.Pre == am.Inhibit);
        Assert.That(((Dense)inhibit.Transform!).Matrix, Is.EqualTo(new double[,] { { -1.5 }, { -1.5 } }));
        var step = am.Connections.First(c => c.Pre == am.ItemEnsembles[0]).Function!;
        Assert.That(step.Evaluate([-0.2])[0], Is.EqualTo(0));
        Assert.That(step.Evaluate([0.1])[0], Is.EqualTo(1 - Math.Exp(-1.5)).Within(1e-15));

        var wta = am.AddWtaNetwork();
        Assert.That(wta.Synapse.ToString(), Is.EqualTo("Lowpass(0.005)"));
        Assert.That(((Dense)wta.Transform!).Matrix, Is.EqualTo(new double[,] { { 0, -1.5 }, { -1.5, 0 } }));

        am.AddThresholdToOutputs(nNeurons: 8);
        Assert.That(am.ThreshBias!.NEnsembles, Is.EqualTo(2));
        Assert.That(am.ThresholdedUtilities, Is.SameAs(am.ThreshEns!.Output));
        Assert.That(am.ThreshEns.Defaults.Ensemble.Intercepts, Is.EqualTo(new Uniform(0.5, 1)));
        Assert.That(am.ThreshEns.Defaults.Ensemble.EvalPoints, Is.EqualTo(new Uniform(0.75, 1.1)));
        Assert.That(am.NNeurons, Is.EqualTo(20 + 2 * 16));
        var toThresh = am.Connections.Single(c => c.Pre == am.ElemOutput && c.Post == am.ThreshBias.Input);
        Assert.That((((Dense)toThresh.Transform!).Scalar, toThresh.Synapse.IsSet), Is.EqualTo(((double?)-10.0, false)));
        Assert.Throws<ValidationError>(() => am.AddThresholdToOutputs());

        var def = am.AddDefaultOutputVector([1, 0, 0, 1]);
        var util = am.Connections.Single(c => c.Post == def && c.Pre == am.SelectedUtilities);
        Assert.That(((Dense)util.Transform!).Matrix, Is.EqualTo(new double[,] { { -2, -2 } }));
        Assert.That(util.Synapse.IsSet, Is.False);
        Assert.That(am.Connections.Any(c => c.Pre == am.Inhibit && c.Post == def), Is.True);
    }

    [Test]
    public void Integrator_And_Oscillator_Structure()
    {
        var integ = new Integrator(0.1, 30, 2);
        Assert.That(integ.Output, Is.SameAs(integ.Population));
        Assert.That(integ.Input.SizeIn, Is.EqualTo(2));
        var rec = integ.Connections.Single(c => c.Pre == integ.Population);
        Assert.That((rec.Transform, rec.Synapse.ToString()), Is.EqualTo(((Transform?)null, "Lowpass(0.1)")));
        var inp = integ.Connections.Single(c => c.Pre == integ.Input);
        Assert.That((((Dense)inp.Transform!).Scalar, inp.Synapse.ToString()), Is.EqualTo(((double?)0.1, "None")));

        var osc = new Oscillator(0.1, 5, 30);
        var orec = osc.Connections.Single(c => c.Pre == osc.Population);
        Assert.That(((Dense)orec.Transform!).Matrix, Is.EqualTo(new double[,] { { 1, -0.5 }, { 0.5, 1 } }).Within(1e-15));
        Assert.That(orec.Synapse.ToString(), Is.EqualTo("Lowpass(0.1)"));
        Assert.That(osc.Output.Dimensions, Is.EqualTo(2));
    }

    [Test]
    public void Networks_CanBeAddedAndLabelled()
    {
        var net = new Network("model");
        var bg = net.Add(new BasalGanglia(dimensions: 4, nNeuronsPerEnsemble: 10, label: "bg"));
        var th = net.Add(new Thalamus(4, label: "thal"));
        net.Connect(bg.Output, th.Input);
        Assert.That(net.Networks, Is.EqualTo(new Network[] { bg, th }));
        Assert.That(bg.Describe, Is.EqualTo("BasalGanglia 'bg'"));
        Assert.That(net.NNeurons, Is.EqualTo(200 + 200));
    }
}
