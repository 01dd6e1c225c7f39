using NUnit.Framework;

namespace Nengo.Networks.Tests;

/// <summary>Bad arguments raise a <see cref="ValidationError"/> that names the network, the parameter and the value.</summary>
public sealed class ValidationTests
{
    private static void Throws(TestDelegate code, string expectedStart, string? contains = null)
    {
        var ex = Assert.Throws<ValidationError>(code);
        Assert.That(ex!.Message, Does.StartWith(expectedStart));
        if (contains is not null) Assert.That(ex.Message, Does.Contain(contains));
    }

    [Test]
    public void BasalGanglia_NonPositiveDimensions()
    {
        var ex = Assert.Throws<ValidationError>(() => new BasalGanglia(0, label: "bg"));
        Assert.That(ex!.Message, Is.EqualTo("BasalGanglia 'bg': dimensions must be positive, got 0."));
        Throws(() => new BasalGanglia(2, nNeuronsPerEnsemble: -1), "BasalGanglia (unlabeled): nNeuronsPerEnsemble must be positive, got -1.");
        Throws(() => new BasalGanglia(2, outputWeight: double.NaN), "BasalGanglia (unlabeled): outputWeight");
    }

    [Test]
    public void EnsembleArray_BadSizesAndShapes()
    {
        Throws(() => new EnsembleArray(0, 2, label: "ea"), "EnsembleArray 'ea': nNeurons must be positive, got 0.");
        Throws(() => new EnsembleArray(10, 0), "EnsembleArray (unlabeled): nEnsembles must be positive");
        Throws(() => new EnsembleArray(10, 2, ensDimensions: -3), "EnsembleArray (unlabeled): ensDimensions must be positive, got -3.");
        Throws(() => new EnsembleArray(10, 2, radius: 0), "EnsembleArray (unlabeled): radius");
        Throws(() => new EnsembleArray(3, 2, intercepts: new[] { 0.1, 0.2 }), "EnsembleArray (unlabeled): intercepts must have shape (3, 1), got (2, 1).");
        Throws(() => new EnsembleArray(2, 2, ensDimensions: 2, encoders: new double[,] { { 1, 0, 0 }, { 0, 1, 0 } }),
            "EnsembleArray (unlabeled): encoders must have shape (2, 2), got (2, 3).");
    }

    [Test]
    public void EnsembleArray_AddOutput_Errors()
    {
        var ea = new EnsembleArray(5, 2, ensDimensions: 2, label: "ea");
        Throws(() => ea.AddOutput("output", (double[] x) => x), "EnsembleArray 'ea': name is already an output", "'output'");
        Throws(() => ea.AddOutput("sq", x => x * x), "EnsembleArray 'ea': function", "ensDimensions");
        Throws(() => ea.AddOutput("three", new Func<double[], double[]>?[] { null, null, null }), "EnsembleArray 'ea': functions must have one function per ensemble (2), got 3.");
        Throws(() => ea.AddOutput("bad", (double[] x) => throw new InvalidOperationException("boom")), "EnsembleArray 'ea': the function of output 'bad' failed", "boom");
        Assert.That(ea.Outputs.Keys, Is.EquivalentTo(new[] { "output" }), "a failed AddOutput leaves nothing behind");
        Assert.That(ea.Nodes, Has.Count.EqualTo(2));
    }

    [Test]
    public void Thalamus_Product_CircularConvolution()
    {
        Throws(() => new Thalamus(0), "Thalamus (unlabeled): dimensions must be positive, got 0.");
        Throws(() => new Thalamus(2, threshold: 1.0), "Thalamus (unlabeled): threshold must be in [-1, 1), got 1.");
        Throws(() => new Product(10, 0, label: "p"), "Product 'p': dimensions must be positive, got 0.");
        Throws(() => new Product(0, 3), "Product (unlabeled): nNeurons must be positive, got 0.");
        Throws(() => new Product(10, 3, inputMagnitude: -1), "Product (unlabeled): inputMagnitude must be a positive finite number, got -1.");
        Throws(() => new CircularConvolution(10, -2, label: "cc"), "CircularConvolution 'cc': dimensions must be positive, got -2.");
        Throws(() => CircularConvolution.TransformOut(0), "CircularConvolution: dimensions must be positive, got 0.");
    }

    [Test]
    public void Memories_Integrator_Oscillator()
    {
        Throws(() => new InputGatedMemory(10, 0, label: "wm"), "InputGatedMemory 'wm': dimensions must be positive, got 0.");
        Throws(() => new InputGatedMemory(10, 2, recurrentSynapse: -0.1), "InputGatedMemory (unlabeled): recurrentSynapse");
        Throws(() => new Integrator(0, 10, 1), "Integrator (unlabeled): recurrentTau must be a positive finite number, got 0.");
        Throws(() => new Integrator(0.1, 10, 0), "Integrator (unlabeled): dimensions must be positive, got 0.");
        Throws(() => new Oscillator(0.1, double.PositiveInfinity, 10), "Oscillator (unlabeled): frequency must be finite");
        Throws(() => new Oscillator(0.1, 1, 0), "Oscillator (unlabeled): nNeurons must be positive, got 0.");
    }

    [Test]
    public void AssociativeMemory_Shapes()
    {
        var keys = new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } };
        Throws(() => new AssociativeMemory(new double[0, 2], label: "am"), "AssociativeMemory 'am': inputVectors must have at least one row and one column");
        Throws(() => new AssociativeMemory(keys, new double[,] { { 1 }, { 2 } }, label: "am"),
            "AssociativeMemory 'am': outputVectors must have one row per input vector (3 rows); its row count, got 2.");
        Throws(() => new AssociativeMemory(new double[,] { { double.NaN } }), "AssociativeMemory (unlabeled): inputVectors must contain only finite numbers");
        Throws(() => new AssociativeMemory(keys, nNeurons: 0), "AssociativeMemory (unlabeled): nNeurons must be positive, got 0.");
        var am = new AssociativeMemory(keys, label: "am");
        Throws(() => am.AddInputMapping("other", new double[,] { { 1, 0 } }), "AssociativeMemory 'am': inputVectors must have one row per item (3)");
        Throws(() => am.AddInputMapping("input", keys), "AssociativeMemory 'am': name is already an input mapping, got 'input'.");
        Throws(() => am.AddInputMapping("x", keys, new[] { 1.0, 2.0 }), "AssociativeMemory 'am': inputScales must have one scale per item (3)");
        Throws(() => am.AddOutputMapping("output", keys), "AssociativeMemory 'am': name is already an output mapping");
        Throws(() => am.AddDefaultOutputVector([1, 2, 3]), "AssociativeMemory 'am': outputVector must have the length of output 'output' (2)");
        Throws(() => am.AddDefaultOutputVector([1, 2], outputName: "nope"), "AssociativeMemory 'am': outputName must name an output (output), got 'nope'.");
        Assert.That(am.Inhibit, Is.Null);
    }
}
