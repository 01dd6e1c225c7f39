namespace Nengo.Networks;

/// <summary>
/// A clean-up (associative) memory over N stored items: the input is compared with every input vector
/// (a dot product), each item whose similarity exceeds the threshold becomes active, and the output is the
/// sum of the active items' output vectors. Options add winner-take-all competition, thresholded (cleaned)
/// utilities and a default output for when nothing is active.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.AssociativeMemory</c> (NEF.md §11.7).</para>
/// <para>Structure: a constant <see cref="BiasNode"/> [1]; passthrough nodes <see cref="ElemInput"/> and
/// <see cref="ElemOutput"/> (= <see cref="Utilities"/>) of size N; per item i an Ensemble(nNeurons, 1)
/// (<see cref="ItemEnsembles"/>) fed by bias ×−threshold and by elemInput[i], decoding
/// max(1 − e^(−15x), 0) into elemOutput[i]. The mapping "input" (<see cref="AddInputMapping(string, double[,], double)"/>)
/// is a node of size D into elemInput with transform inputVectors (rows scaled by the input scales); the
/// mapping "output" (<see cref="AddOutputMapping"/>) is a node of size D_out fed with transform
/// outputVectorsᵀ. With inhibitable, an <see cref="Inhibit"/> node of size 1 feeds elemInput with
/// −1.5·ones(N, 1). All these internal connections have no synapse.</para>
/// <para>The output mappings read the utilities through one more passthrough node, <see cref="SelectedUtilities"/>,
/// fed by elemOutput; <see cref="AddThresholdToOutputs"/> reroutes it to the thresholded utilities by
/// adding elemOutput ×−1 (which cancels the original path exactly) and the thresholded utilities (Nengo
/// instead removes and recreates the output connections; NengoSharp's networks cannot remove objects).</para>
/// <para>The memory's own ensembles use this network's <see cref="Network.Defaults"/>: radius 1, intercepts
/// Exponential(0.15, 0, 1), encoders Choice([[1]]), eval points U(0, 1), 5000 eval points.</para>
/// </remarks>
public class AssociativeMemory : Network
{
    /// <summary>The scale of the exponential distribution of the item ensembles' intercepts.</summary>
    public const double ExpScale = 0.15;

    /// <summary>The number of eval points of the memory's ensembles.</summary>
    public const int DefaultNEvalPoints = 5000;

    private readonly Dictionary<string, Node> _inputs = [];
    private readonly Dictionary<string, Node> _outputs = [];
    private readonly List<Ensemble> _items = [];
    private readonly int _dIn;

    /// <summary>Creates an associative memory over the rows of <paramref name="inputVectors"/>.</summary>
    /// <param name="inputVectors">The N stored keys, one per row (N × D, finite).</param>
    /// <param name="outputVectors">What each item recalls, one per row (N × D_out); null recalls the keys.</param>
    /// <param name="nNeurons">Neurons per item (&gt; 0).</param>
    /// <param name="threshold">The similarity above which an item becomes active (default 0.3).</param>
    /// <param name="inputScales">A scale on every input vector (default 1).</param>
    /// <param name="inhibitable">Add an <see cref="Inhibit"/> input that silences every item.</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When a matrix is empty, not finite or has the wrong number of rows, or a size is not positive.</exception>
    public AssociativeMemory(double[,] inputVectors, double[,]? outputVectors = null, int nNeurons = 50, double threshold = 0.3,
        double inputScales = 1.0, bool inhibitable = false, string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Matrices.CheckFinite(inputVectors, me, nameof(inputVectors));
        outputVectors ??= inputVectors;
        Matrices.CheckFinite(outputVectors, me, nameof(outputVectors));
        int n = inputVectors.GetLength(0);
        Check.That(outputVectors.GetLength(0) == n, me, nameof(outputVectors),
            $"must have one row per input vector ({n} rows); its row count", outputVectors.GetLength(0));
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.That(double.IsFinite(threshold), me, nameof(threshold), "must be finite", threshold);
        Check.That(double.IsFinite(inputScales), me, nameof(inputScales), "must be finite", inputScales);
        NItems = n;
        _dIn = inputVectors.GetLength(1);

        Defaults.Ensemble.Radius = 1;
        Defaults.Ensemble.Intercepts = new Exponential(ExpScale, 0, 1);
        Defaults.Ensemble.Encoders = new Choice(new double[,] { { 1.0 } });
        Defaults.Ensemble.EvalPoints = new Uniform(0, 1);
        Defaults.Ensemble.NEvalPoints = DefaultNEvalPoints;

        BiasNode = Node(1.0, label: "bias");
        ElemInput = Node(label: "elem_input", sizeIn: n);
        ElemOutput = Node(label: "elem_output", sizeIn: n);
        SelectedUtilities = Node(label: "selected_utilities", sizeIn: n);
        Connect(ElemOutput, SelectedUtilities, synapse: SynapseArg.None);

        for (int i = 0; i < n; i++)
        {
            var ens = Ensemble(nNeurons, 1, label: $"item[{i}]");
            Connect(BiasNode, ens, synapse: SynapseArg.None, transform: -threshold);
            Connect(ElemInput[i], ens, synapse: SynapseArg.None);
            Connect(ens, ElemOutput[i], FilteredStep, synapse: SynapseArg.None);
            _items.Add(ens);
        }

        if (inhibitable)
        {
            Inhibit = Node(label: "inhibit", sizeIn: 1);
            Connect(Inhibit, ElemInput, synapse: SynapseArg.None, transform: Matrices.Filled(n, 1, -1.5));
        }

        AddInputMapping("input", inputVectors, inputScales);
        AddOutputMapping("output", outputVectors);
    }

    /// <summary>The number of stored items N.</summary>
    public int NItems { get; }

    /// <summary>The constant node [1] that shifts each item by its threshold.</summary>
    public Node BiasNode { get; }

    /// <summary>The similarity of the input to each item (a passthrough node of size N).</summary>
    public Node ElemInput { get; }

    /// <summary>The activation of each item, 0 or about 1 (a passthrough node of size N).</summary>
    public Node ElemOutput { get; }

    /// <summary>The activation of each item (<see cref="ElemOutput"/>).</summary>
    public Node Utilities => ElemOutput;

    /// <summary>The cleaned activations made by <see cref="AddThresholdToOutputs"/>, or null before it is called.</summary>
    public Node? ThresholdedUtilities { get; private set; }

    /// <summary>
    /// What the output mappings read: the utilities, or the thresholded utilities once
    /// <see cref="AddThresholdToOutputs"/> has been called (a passthrough node of size N).
    /// </summary>
    public Node SelectedUtilities { get; }

    /// <summary>1 silences every item (a passthrough node of size 1), or null unless inhibitable.</summary>
    public Node? Inhibit { get; }

    /// <summary>The per-item ensembles, in item order.</summary>
    public IReadOnlyList<Ensemble> ItemEnsembles => _items;

    /// <summary>The input mapping "input" (size D).</summary>
    public Node Input => _inputs["input"];

    /// <summary>The output mapping "output" (size D_out).</summary>
    public Node Output => _outputs["output"];

    /// <summary>Every input mapping by name.</summary>
    public IReadOnlyDictionary<string, Node> Inputs => _inputs;

    /// <summary>Every output mapping by name.</summary>
    public IReadOnlyDictionary<string, Node> Outputs => _outputs;

    /// <summary>The array made by <see cref="AddThresholdToOutputs"/> that is active while an item is not, or null.</summary>
    public EnsembleArray? ThreshBias { get; private set; }

    /// <summary>The array made by <see cref="AddThresholdToOutputs"/> that holds the cleaned activations, or null.</summary>
    public EnsembleArray? ThreshEns { get; private set; }

    /// <summary>The ensemble made by <see cref="AddDefaultOutputVector"/>, or null.</summary>
    public Ensemble? DefaultVectorEnsemble { get; private set; }

    /// <summary>Adds an input: a node of size D whose similarity to each item feeds the memory.</summary>
    /// <param name="name">A name not used yet.</param>
    /// <param name="inputVectors">One key per item (N × D).</param>
    /// <param name="inputScales">A scale on every key.</param>
    /// <returns>The input node.</returns>
    /// <exception cref="ValidationError">When the name is taken or the matrix does not have N rows.</exception>
    public Node AddInputMapping(string name, double[,] inputVectors, double inputScales = 1.0)
    {
        Check.That(double.IsFinite(inputScales), Describe, nameof(inputScales), "must be finite", inputScales);
        var scales = new double[NItems];
        Array.Fill(scales, inputScales);
        return AddInputMapping(name, inputVectors, scales);
    }

    /// <summary>Adds an input with one scale per item.</summary>
    /// <param name="name">A name not used yet.</param>
    /// <param name="inputVectors">One key per item (N × D).</param>
    /// <param name="inputScales">One scale per item (length N).</param>
    /// <returns>The input node.</returns>
    /// <exception cref="ValidationError">When the name is taken or a size does not fit.</exception>
    public Node AddInputMapping(string name, double[,] inputVectors, double[] inputScales)
    {
        string me = Describe;
        CheckName(name, _inputs, "input");
        Matrices.CheckFinite(inputVectors, me, nameof(inputVectors));
        Check.That(inputVectors.GetLength(0) == NItems, me, nameof(inputVectors), $"must have one row per item ({NItems}); its row count", inputVectors.GetLength(0));
        Check.Finite(inputScales, me, nameof(inputScales));
        Check.That(inputScales.Length == NItems, me, nameof(inputScales), $"must have one scale per item ({NItems}); its length", inputScales.Length);
        int d = inputVectors.GetLength(1);
        var transform = new double[NItems, d];
        for (int i = 0; i < NItems; i++)
            for (int j = 0; j < d; j++) transform[i, j] = inputVectors[i, j] * inputScales[i];
        var node = Node(label: name, sizeIn: d);
        Connect(node, ElemInput, synapse: SynapseArg.None, transform: transform);
        _inputs.Add(name, node);
        return node;
    }

    /// <summary>Adds an output: a node of size D_out receiving the sum of the active items' vectors.</summary>
    /// <param name="name">A name not used yet.</param>
    /// <param name="outputVectors">One vector per item (N × D_out).</param>
    /// <returns>The output node.</returns>
    /// <exception cref="ValidationError">When the name is taken or the matrix does not have N rows.</exception>
    public Node AddOutputMapping(string name, double[,] outputVectors)
    {
        string me = Describe;
        CheckName(name, _outputs, "output");
        Matrices.CheckFinite(outputVectors, me, nameof(outputVectors));
        Check.That(outputVectors.GetLength(0) == NItems, me, nameof(outputVectors), $"must have one row per item ({NItems}); its row count", outputVectors.GetLength(0));
        var node = Node(label: name, sizeIn: outputVectors.GetLength(1));
        Connect(SelectedUtilities, node, synapse: SynapseArg.None, transform: Matrices.Transpose(outputVectors));
        _outputs.Add(name, node);
        return node;
    }

    /// <summary>Adds winner-take-all competition: every item's activation inhibits the others' inputs.</summary>
    /// <param name="inhibitScale">The inhibition strength (default 1.5): transform (I − 1)·inhibitScale.</param>
    /// <param name="inhibitSynapse">The time constant of the inhibition in seconds (default 0.005).</param>
    /// <returns>The recurrent connection.</returns>
    /// <exception cref="ValidationError">When a number is out of range.</exception>
    public Connection AddWtaNetwork(double inhibitScale = 1.5, double inhibitSynapse = 0.005)
    {
        string me = Describe;
        Check.That(double.IsFinite(inhibitScale), me, nameof(inhibitScale), "must be finite", inhibitScale);
        Check.NonNegative(inhibitSynapse, me, nameof(inhibitSynapse));
        return Connect(ElemOutput, ElemInput, synapse: inhibitSynapse, transform: Matrices.MutualInhibition(NItems, inhibitScale));
    }

    /// <summary>
    /// Cleans the activations before they reach the outputs: <see cref="ThreshBias"/> (active while an item is
    /// not) inhibits <see cref="ThreshEns"/>, so the outputs see about 1 for an active item and 0 otherwise.
    /// </summary>
    /// <param name="nNeurons">Neurons per item in each of the two arrays (default 50).</param>
    /// <param name="inhibitScale">The strength of both inhibitions (default 10).</param>
    /// <exception cref="ValidationError">When called twice or a parameter is out of range.</exception>
    public void AddThresholdToOutputs(int nNeurons = 50, double inhibitScale = 10)
    {
        string me = Describe;
        Check.That(ThreshEns is null, me, nameof(AddThresholdToOutputs), "may be called only once; the outputs are already thresholded", ThreshEns?.Describe);
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.That(double.IsFinite(inhibitScale), me, nameof(inhibitScale), "must be finite", inhibitScale);
        int n = NItems;

        var choice = new Choice(new double[,] { { 1.0 } });
        var threshBias = Add(new EnsembleArray(nNeurons, n, label: "thresh_bias", radius: 1, intercepts: new Uniform(0.5, 1),
            encoders: choice, evalPoints: new Uniform(0.75, 1.1), nEvalPoints: DefaultNEvalPoints));
        var threshEns = Add(new EnsembleArray(nNeurons, n, label: "thresh_ens", radius: 1, intercepts: new Uniform(0.5, 1),
            encoders: choice, evalPoints: new Uniform(0.75, 1.1), nEvalPoints: DefaultNEvalPoints));
        var ones = Matrices.Filled(n, 1, 1.0);
        Connect(BiasNode, threshBias.Input, synapse: SynapseArg.None, transform: ones);
        Connect(BiasNode, threshEns.Input, synapse: SynapseArg.None, transform: ones);
        Connect(ElemOutput, threshBias.Input, transform: -inhibitScale);
        Connect(threshBias.Output, threshEns.Input, transform: -inhibitScale);

        // Reroute the outputs: cancel the unthresholded path and add the thresholded one.
        Connect(ElemOutput, SelectedUtilities, synapse: SynapseArg.None, transform: -1.0);
        Connect(threshEns.Output, SelectedUtilities, synapse: SynapseArg.None);

        ThreshBias = threshBias;
        ThreshEns = threshEns;
        ThresholdedUtilities = threshEns.Output;
    }

    /// <summary>
    /// Adds a default output: <paramref name="outputVector"/> is added to the named output while no item is
    /// active (an ensemble driven by the bias and inhibited by the selected utilities).
    /// </summary>
    /// <param name="outputVector">The default vector (length D_out of that output).</param>
    /// <param name="outputName">The output mapping it is added to (default "output").</param>
    /// <param name="nNeurons">Neurons in the default ensemble (default 50).</param>
    /// <param name="minActivationValue">The activation at which an item fully suppresses the default (default 0.5).</param>
    /// <returns>The default ensemble.</returns>
    /// <exception cref="ValidationError">When the output does not exist, the vector has the wrong length or a parameter is out of range.</exception>
    public Ensemble AddDefaultOutputVector(double[] outputVector, string outputName = "output", int nNeurons = 50, double minActivationValue = 0.5)
    {
        string me = Describe;
        Check.That(DefaultVectorEnsemble is null, me, nameof(AddDefaultOutputVector), "may be called only once", DefaultVectorEnsemble?.Describe);
        Check.Finite(outputVector, me, nameof(outputVector));
        Check.That(_outputs.ContainsKey(outputName), me, nameof(outputName), $"must name an output ({string.Join(", ", _outputs.Keys)})", outputName);
        var output = _outputs[outputName];
        Check.That(outputVector.Length == output.SizeIn, me, nameof(outputVector), $"must have the length of output '{outputName}' ({output.SizeIn}); its length", outputVector.Length);
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.Positive(minActivationValue, me, nameof(minActivationValue));

        var ens = Ensemble(nNeurons, 1, label: "default_vector_ens");
        Connect(BiasNode, ens, synapse: SynapseArg.None);
        Connect(SelectedUtilities, ens, transform: Matrices.Filled(1, NItems, -1.0 / minActivationValue));
        var column = new double[outputVector.Length, 1];
        for (int i = 0; i < outputVector.Length; i++) column[i, 0] = outputVector[i];
        Connect(ens, output, synapse: SynapseArg.None, transform: column);
        if (Inhibit is { } inhibit) Connect(inhibit, ens, synapse: SynapseArg.None, transform: -1.5);
        return DefaultVectorEnsemble = ens;
    }

    /// <summary>The input dimension D of the keys given to the constructor.</summary>
    public int InputDimensions => _dIn;

    private static double FilteredStep(double x) => Math.Max(1 - Math.Exp(-15 * x), 0);

    private void CheckName(string name, Dictionary<string, Node> existing, string kind)
    {
        Check.That(!string.IsNullOrWhiteSpace(name), Describe, nameof(name), "must be a non-empty name", name);
        Check.That(!existing.ContainsKey(name), Describe, nameof(name), $"is already an {kind} mapping", name);
    }
}
