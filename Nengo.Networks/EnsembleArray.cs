using System.Runtime.CompilerServices;

namespace Nengo.Networks;

/// <summary>
/// An array of independent ensembles that together represent one long vector: a cheap way to represent
/// many dimensions when they need not interact (a product of one-dimensional ensembles instead of one
/// big ensemble).
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.EnsembleArray</c> (NEF.md §11.1).</para>
/// <para>Structure: <see cref="Input"/> is a passthrough <see cref="Node"/> of size
/// <see cref="Dimensions"/> = nEnsembles·ensDimensions; the network's <see cref="Network.Ensembles"/> are
/// nEnsembles ensembles of (nNeurons, ensDimensions), ensemble i fed from input slice
/// [i·ensDimensions, (i+1)·ensDimensions) with no synapse; <see cref="Output"/> is the passthrough node
/// made by <c>AddOutput("output", null)</c>, which decodes each ensemble's value into its slice with no
/// synapse. The array therefore adds no synaptic delay of its own.</para>
/// <para>The ensemble parameters given to the constructor (radius, intercepts, …) become this network's
/// <see cref="Network.Defaults"/> (Nengo puts them in the array's config), so every ensemble of the array
/// uses them; gain, bias and noise are given to each ensemble directly.</para>
/// </remarks>
public class EnsembleArray : Network
{
    private readonly Dictionary<string, Node> _outputs = [];

    /// <summary>Creates an array of <paramref name="nEnsembles"/> ensembles of <paramref name="nNeurons"/> neurons each.</summary>
    /// <param name="nNeurons">Neurons per ensemble (&gt; 0).</param>
    /// <param name="nEnsembles">Number of ensembles (&gt; 0).</param>
    /// <param name="ensDimensions">Dimensions each ensemble represents (&gt; 0; default 1).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <param name="radius">Radius of every ensemble (default: the enclosing networks' default, else 1).</param>
    /// <param name="neuronType">Neuron model of every ensemble.</param>
    /// <param name="maxRates">Max rates of every ensemble: a distribution or one value per neuron.</param>
    /// <param name="intercepts">Intercepts of every ensemble: a distribution or one value per neuron.</param>
    /// <param name="encoders">Encoders of every ensemble: a distribution or an nNeurons×ensDimensions array.</param>
    /// <param name="evalPoints">Eval points of every ensemble: a distribution or an m×ensDimensions array.</param>
    /// <param name="nEvalPoints">Number of eval points of every ensemble.</param>
    /// <param name="normalizeEncoders">Whether encoders are normalised.</param>
    /// <param name="gain">Gains of every ensemble (with <paramref name="bias"/>).</param>
    /// <param name="bias">Biases of every ensemble (with <paramref name="gain"/>).</param>
    /// <param name="noise">A noise process added to every ensemble's input current.</param>
    /// <exception cref="ValidationError">When a size is not positive or a parameter has the wrong shape.</exception>
    public EnsembleArray(int nNeurons, int nEnsembles, int ensDimensions = 1, string? label = null, int? seed = null,
        double? radius = null, NeuronType? neuronType = null, DistributionArg maxRates = default,
        DistributionArg intercepts = default, DistributionArg encoders = default, DistributionArg evalPoints = default,
        int? nEvalPoints = null, bool? normalizeEncoders = null, DistributionArg gain = default,
        DistributionArg bias = default, Process? noise = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.Positive(nEnsembles, me, nameof(nEnsembles));
        Check.Positive(ensDimensions, me, nameof(ensDimensions));
        if (radius is { } r) Check.Positive(r, me, nameof(radius));
        if (nEvalPoints is { } m) Check.Positive(m, me, nameof(nEvalPoints));
        CheckSamples(me, nameof(maxRates), maxRates.Value, nNeurons, 1);
        CheckSamples(me, nameof(intercepts), intercepts.Value, nNeurons, 1);
        CheckSamples(me, nameof(encoders), encoders.Value, nNeurons, ensDimensions);
        CheckSamples(me, nameof(evalPoints), evalPoints.Value, null, ensDimensions);

        NNeuronsPerEnsemble = nNeurons;
        NEnsembles = nEnsembles;
        DimensionsPerEnsemble = ensDimensions;

        Defaults.Ensemble.Radius = radius;
        Defaults.Ensemble.NeuronType = neuronType;
        Defaults.Ensemble.MaxRates = maxRates.Value;
        Defaults.Ensemble.Intercepts = intercepts.Value;
        Defaults.Ensemble.Encoders = encoders.Value;
        Defaults.Ensemble.EvalPoints = evalPoints.Value;
        Defaults.Ensemble.NEvalPoints = nEvalPoints;
        Defaults.Ensemble.NormalizeEncoders = normalizeEncoders;

        Input = Node(label: "input", sizeIn: Dimensions);
        for (int i = 0; i < nEnsembles; i++)
        {
            var ens = Ensemble(nNeurons, ensDimensions, gain: gain, bias: bias, noise: noise,
                label: label is null ? $"ensemble[{i}]" : $"{label}[{i}]");
            Connect(Input[Slice(i)], ens, synapse: SynapseArg.None);
        }
        Output = AddOutput("output", (Func<double[], double[]>?)null);
    }

    /// <summary>Neurons per ensemble.</summary>
    public int NNeuronsPerEnsemble { get; }

    /// <summary>The number of ensembles.</summary>
    public int NEnsembles { get; }

    /// <summary>Dimensions represented by each ensemble.</summary>
    public int DimensionsPerEnsemble { get; }

    /// <summary>The total represented dimensions, nEnsembles·ensDimensions.</summary>
    public int Dimensions => NEnsembles * DimensionsPerEnsemble;

    /// <summary>The input: a passthrough node of size <see cref="Dimensions"/>.</summary>
    public Node Input { get; }

    /// <summary>The decoded value of every ensemble, concatenated: a passthrough node of size <see cref="Dimensions"/>.</summary>
    public Node Output { get; }

    /// <summary>Every output added with <c>AddOutput</c>, by name (including "output").</summary>
    public IReadOnlyDictionary<string, Node> Outputs => _outputs;

    /// <summary>The node made by <see cref="AddNeuronInput"/>, or null before it is called.</summary>
    public Node? NeuronInput { get; private set; }

    /// <summary>The node made by <see cref="AddNeuronOutput"/>, or null before it is called.</summary>
    public Node? NeuronOutput { get; private set; }

    /// <summary>
    /// Adds an output computing <paramref name="function"/> of every ensemble's value: a passthrough node whose
    /// slices are each ensemble's decoded function (sized by the function's output).
    /// </summary>
    /// <param name="name">A name not used yet (it keys <see cref="Outputs"/> and labels the node).</param>
    /// <param name="function">The function of one ensemble's value, or null for the identity.</param>
    /// <param name="synapse">The synapse of the decoding connections; left out means none (no delay), as in Nengo.</param>
    /// <param name="solver">The decoder solver (default: the enclosing networks' default).</param>
    /// <returns>The output node.</returns>
    /// <exception cref="ValidationError">When the name is taken or the function fails on a zero vector.</exception>
    [OverloadResolutionPriority(1)]
    public Node AddOutput(string name, Func<double[], double[]>? function, SynapseArg synapse = default, Solver? solver = null)
    {
        var functions = new Func<double[], double[]>?[NEnsembles];
        Array.Fill(functions, function);
        return AddOutputCore(name, functions, synapse, solver);
    }

    /// <summary>Adds an output computing a scalar <paramref name="function"/> of each (one-dimensional) ensemble's value.</summary>
    /// <param name="name">A name not used yet.</param>
    /// <param name="function">The function, e.g. <c>x => x * x</c>.</param>
    /// <param name="synapse">The synapse of the decoding connections; left out means none.</param>
    /// <param name="solver">The decoder solver.</param>
    /// <returns>The output node, of size nEnsembles.</returns>
    /// <exception cref="ValidationError">When the ensembles are not one-dimensional or the name is taken.</exception>
    public Node AddOutput(string name, Func<double, double> function, SynapseArg synapse = default, Solver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        Check.That(DimensionsPerEnsemble == 1, Describe, nameof(function),
            "must be a Func<double[], double[]> unless the ensembles are one-dimensional; ensDimensions", DimensionsPerEnsemble);
        return AddOutput(name, x => [function(x[0])], synapse, solver);
    }

    /// <summary>Adds an output computing a scalar function of each ensemble's (vector) value, e.g. <c>x => x[0] * x[1]</c>.</summary>
    /// <param name="name">A name not used yet.</param>
    /// <param name="function">The function.</param>
    /// <param name="synapse">The synapse of the decoding connections; left out means none.</param>
    /// <param name="solver">The decoder solver.</param>
    /// <returns>The output node, of size nEnsembles.</returns>
    /// <exception cref="ValidationError">When the name is taken or the function fails on a zero vector.</exception>
    public Node AddOutput(string name, Func<double[], double> function, SynapseArg synapse = default, Solver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return AddOutput(name, x => [function(x)], synapse, solver);
    }

    /// <summary>Adds an output computing a different function of each ensemble's value.</summary>
    /// <param name="name">A name not used yet.</param>
    /// <param name="functions">One function per ensemble (null entries are the identity).</param>
    /// <param name="synapse">The synapse of the decoding connections; left out means none.</param>
    /// <param name="solver">The decoder solver.</param>
    /// <returns>The output node, sized by the summed function outputs.</returns>
    /// <exception cref="ValidationError">When the count is not nEnsembles, the name is taken or a function fails.</exception>
    public Node AddOutput(string name, IReadOnlyList<Func<double[], double[]>?> functions, SynapseArg synapse = default, Solver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        Check.That(functions.Count == NEnsembles, Describe, nameof(functions), $"must have one function per ensemble ({NEnsembles})", functions.Count);
        return AddOutputCore(name, functions, synapse, solver);
    }

    private Node AddOutputCore(string name, IReadOnlyList<Func<double[], double[]>?> functions, SynapseArg synapse, Solver? solver)
    {
        string me = Describe;
        Check.That(!string.IsNullOrWhiteSpace(name), me, nameof(name), "must be a non-empty name", name);
        Check.That(!_outputs.ContainsKey(name), me, nameof(name), "is already an output of this array", name);

        // Size everything first, so that a failing function leaves nothing half-built.
        var sizes = new int[NEnsembles];
        for (int i = 0; i < NEnsembles; i++)
            sizes[i] = functions[i] is { } f ? OutputSize(me, name, f) : DimensionsPerEnsemble;

        var node = Node(label: name, sizeIn: sizes.Sum());
        SynapseArg syn = synapse.IsSet ? synapse : SynapseArg.None;
        int offset = 0;
        for (int i = 0; i < NEnsembles; i++)
        {
            var post = node[offset..(offset + sizes[i])];
            if (functions[i] is { } f)
                Connect(Ensembles[i], post, f, synapse: syn, solver: solver);
            else
                Connect(Ensembles[i], post, synapse: syn, solver: solver);
            offset += sizes[i];
        }
        _outputs.Add(name, node);
        return node;
    }

    private int OutputSize(string me, string name, Func<double[], double[]> f)
    {
        double[] y;
        try { y = f(new double[DimensionsPerEnsemble]); }
        catch (Exception e) when (e is not NengoException)
        {
            throw new ValidationError($"{me}: the function of output '{name}' failed on a zero vector of size {DimensionsPerEnsemble}: {e.GetType().Name}: {e.Message}", e);
        }
        Check.That(y is { Length: > 0 }, me, "function", $"of output '{name}' must return at least one value", y);
        return y.Length;
    }

    /// <summary>
    /// Adds a passthrough node of size nNeurons·nEnsembles whose slices drive each ensemble's neurons directly
    /// (input current, multiplied by the gains), with no synapse. Calling it again returns the same node.
    /// </summary>
    /// <returns>The neuron input node.</returns>
    /// <exception cref="ValidationError">When the ensembles are in Direct mode (they have no neurons).</exception>
    public Node AddNeuronInput()
    {
        if (NeuronInput is { } existing) return existing;
        CheckNotDirect("AddNeuronInput");
        var node = Node(label: "neuron_input", sizeIn: NNeuronsPerEnsemble * NEnsembles);
        for (int i = 0; i < NEnsembles; i++)
            Connect(node[NeuronSlice(i)], Ensembles[i].Neurons, synapse: SynapseArg.None);
        return NeuronInput = node;
    }

    /// <summary>
    /// Adds a passthrough node of size nNeurons·nEnsembles carrying every neuron's output (spikes or rates),
    /// with no synapse. Calling it again returns the same node.
    /// </summary>
    /// <returns>The neuron output node.</returns>
    /// <exception cref="ValidationError">When the ensembles are in Direct mode (they have no neurons).</exception>
    public Node AddNeuronOutput()
    {
        if (NeuronOutput is { } existing) return existing;
        CheckNotDirect("AddNeuronOutput");
        var node = Node(label: "neuron_output", sizeIn: NNeuronsPerEnsemble * NEnsembles);
        for (int i = 0; i < NEnsembles; i++)
            Connect(Ensembles[i].Neurons, node[NeuronSlice(i)], synapse: SynapseArg.None);
        return NeuronOutput = node;
    }

    private void CheckNotDirect(string what)
    {
        var type = SelfAndAncestors.Select(n => n.Defaults.Ensemble.NeuronType).FirstOrDefault(t => t is not null);
        if (type is Direct)
            throw new ValidationError($"{Describe}: {what} is not possible in Direct mode (neuronType Direct has no neurons).");
    }

    private Range Slice(int i) => (i * DimensionsPerEnsemble)..((i + 1) * DimensionsPerEnsemble);

    private Range NeuronSlice(int i) => (i * NNeuronsPerEnsemble)..((i + 1) * NNeuronsPerEnsemble);

    private static void CheckSamples(string owner, string parameter, Distribution? d, int? rows, int cols)
    {
        if (d is not Samples s) return;
        if ((rows is { } n && s.Rows != n) || s.Columns != cols)
            throw new ValidationError($"{owner}: {parameter} must have shape ({(rows is null ? "m" : rows.ToString())}, {cols}), got ({s.Rows}, {s.Columns}).");
        foreach (double v in s.Values)
            Check.That(double.IsFinite(v), owner, parameter, "must contain only finite numbers", v);
    }
}
