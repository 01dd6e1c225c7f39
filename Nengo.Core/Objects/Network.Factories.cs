namespace Nengo;

public partial class Network
{
    /// <summary>Adds a node with a constant scalar output.</summary>
    /// <param name="output">The value (an int literal works too).</param>
    /// <param name="label">A name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When the value is not finite.</exception>
    public Node Node(double output, string? label = null) => Own(new Node([output], label), _nodes);

    /// <summary>Adds a node with a constant vector output.</summary>
    /// <param name="output">The values.</param>
    /// <param name="label">A name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When the array is empty or not finite.</exception>
    public Node Node(double[] output, string? label = null) => Own(new Node(output, label), _nodes);

    /// <summary>Adds a node whose scalar output is a function of time, e.g. <c>t => Math.Sin(2 * Math.PI * t)</c>.</summary>
    /// <param name="output">The function, called with t = step·dt.</param>
    /// <param name="label">A name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When the function fails or is not finite at t = 0.</exception>
    public Node Node(Func<double, double> output, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Own(new Node(owner => NodeFunction.Of(owner, output), label), _nodes);
    }

    /// <summary>Adds a node whose vector output is a function of time.</summary>
    /// <param name="output">The function; its output size is found by calling it at t = 0.</param>
    /// <param name="label">A name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When the function fails or is not finite at t = 0.</exception>
    public Node Node(Func<double, double[]> output, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Own(new Node(owner => NodeFunction.Of(owner, output), label), _nodes);
    }

    /// <summary>Adds a node whose vector output is a function of time and of its input x.</summary>
    /// <param name="output">The function (t, x) → y; it receives a copy of x.</param>
    /// <param name="sizeIn">The input size (&gt; 0).</param>
    /// <param name="label">A name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When sizeIn is not positive or the function fails at t = 0.</exception>
    public Node Node(Func<double, double[], double[]> output, int sizeIn, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Check.Positive(sizeIn, label is null ? "Node" : $"Node '{label}'", nameof(sizeIn));
        return Own(new Node(owner => NodeFunction.Of(owner, sizeIn, output), label), _nodes);
    }

    /// <summary>Adds a node whose scalar output is a function of time and of its input x.</summary>
    /// <param name="output">The function (t, x) → y.</param>
    /// <param name="sizeIn">The input size (&gt; 0).</param>
    /// <param name="label">A name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When sizeIn is not positive or the function fails at t = 0.</exception>
    public Node Node(Func<double, double[], double> output, int sizeIn, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Check.Positive(sizeIn, label is null ? "Node" : $"Node '{label}'", nameof(sizeIn));
        return Own(new Node(owner => NodeFunction.Of(owner, sizeIn, output), label), _nodes);
    }

    /// <summary>Adds a node whose output is produced by a process (noise, a band-limited signal, a piecewise function …).</summary>
    /// <param name="output">The process.</param>
    /// <param name="sizeIn">Input size (default: the process's default, usually 0).</param>
    /// <param name="sizeOut">Output size (default: the process's default).</param>
    /// <param name="label">A name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When a size is not allowed.</exception>
    public Node Node(Process output, int? sizeIn = null, int? sizeOut = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Own(new Node(output, sizeIn, sizeOut, label), _nodes);
    }

    /// <summary>Adds a passthrough node: its output is the sum of its inputs, in the same step. Call it as <c>net.Node(sizeIn: 3)</c>.</summary>
    /// <param name="label">A name.</param>
    /// <param name="sizeIn">The size (&gt; 0); required.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ValidationError">When sizeIn is missing or not positive.</exception>
    public Node Node(string? label = null, int? sizeIn = null)
    {
        string owner = label is null ? "Node" : $"Node '{label}'";
        Check.That(sizeIn is not null, owner, nameof(sizeIn), "is required for a passthrough node (a node without output)", sizeIn);
        return Own(new Node(sizeIn!.Value, label), _nodes);
    }

    /// <summary>Adds an ensemble of <paramref name="nNeurons"/> neurons representing <paramref name="dimensions"/> dimensions.</summary>
    /// <param name="nNeurons">Number of neurons (&gt; 0).</param>
    /// <param name="dimensions">Represented dimensions (&gt; 0).</param>
    /// <param name="radius">Representational radius (&gt; 0; default 1).</param>
    /// <param name="neuronType">Neuron model (default LIF()).</param>
    /// <param name="maxRates">Max rates at x = radius (default Uniform(200, 400)); a distribution or one value per neuron.</param>
    /// <param name="intercepts">Intercepts (default Uniform(−1, 0.9)); a distribution or one value per neuron.</param>
    /// <param name="encoders">Encoders (default ScatteredHypersphere(surface: true)); a distribution or an n×d array.</param>
    /// <param name="evalPoints">Eval points before radius scaling (default ScatteredHypersphere()); a distribution or an m×d array.</param>
    /// <param name="nEvalPoints">Number of eval points (default max(clip(500·d, 750, 2500), 2·n)).</param>
    /// <param name="gain">Gains; with <paramref name="bias"/> they override max rates and intercepts.</param>
    /// <param name="bias">Biases; must be given together with <paramref name="gain"/>.</param>
    /// <param name="normalizeEncoders">Normalise encoders to unit length (default true).</param>
    /// <param name="noise">A process whose output is added to every neuron's input current each step (not scaled by the gain).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">An explicit seed for this ensemble.</param>
    /// <returns>The ensemble.</returns>
    /// <exception cref="ValidationError">When a parameter is out of range or an array has the wrong shape.</exception>
    public Ensemble Ensemble(int nNeurons, int dimensions, double? radius = null, NeuronType? neuronType = null,
        DistributionArg maxRates = default, DistributionArg intercepts = default, DistributionArg encoders = default,
        DistributionArg evalPoints = default, int? nEvalPoints = null, DistributionArg gain = default,
        DistributionArg bias = default, bool? normalizeEncoders = null, Process? noise = null, string? label = null, int? seed = null)
    {
        var ens = new Ensemble(nNeurons, dimensions, label) { Seed = seed };
        string me = ens.Describe;
        if (radius is { } r) Check.Positive(r, me, nameof(radius));
        if (nEvalPoints is { } m) Check.Positive(m, me, nameof(nEvalPoints));
        if ((gain.Value is null) != (bias.Value is null))
            throw new ValidationError($"{me}: gain and bias must be given together (got only {(gain.Value is null ? "bias" : "gain")}); otherwise use maxRates and intercepts.");
        CheckSamples(me, nameof(maxRates), maxRates.Value, nNeurons, 1);
        CheckSamples(me, nameof(intercepts), intercepts.Value, nNeurons, 1);
        CheckSamples(me, nameof(gain), gain.Value, nNeurons, 1);
        CheckSamples(me, nameof(bias), bias.Value, nNeurons, 1);
        CheckSamples(me, nameof(encoders), encoders.Value, nNeurons, dimensions);
        CheckSamples(me, nameof(evalPoints), evalPoints.Value, null, dimensions);
        if (intercepts.Value is Samples si)
            foreach (double c in si.Values)
                Check.That(c > -1 - 1e-12 && c < 1, me, nameof(intercepts), "must all be in [-1, 1)", c);
        if (maxRates.Value is Samples sm)
            foreach (double v in sm.Values)
                Check.That(v > 0 && double.IsFinite(v), me, nameof(maxRates), "must all be positive", v);
        ens.Radius = radius;
        ens.NeuronType = neuronType;
        ens.MaxRates = maxRates.Value;
        ens.Intercepts = intercepts.Value;
        ens.Encoders = encoders.Value;
        ens.EvalPoints = evalPoints.Value;
        ens.NEvalPoints = nEvalPoints;
        ens.Gain = gain.Value;
        ens.Bias = bias.Value;
        ens.NormalizeEncoders = normalizeEncoders;
        ens.Noise = noise;
        return Own(ens, _ensembles);
    }

    private static void CheckSamples(string owner, string parameter, Distribution? d, int? rows, int cols)
    {
        if (d is not Samples s) return;
        int r = s.Rows, c = s.Columns;
        if (cols == 1 && c == 1 && rows is { } count && r != count)
            throw new ValidationError($"{owner}: {parameter} must have {count} values (one per neuron), got {r}.");
        if ((rows is { } n && r != n) || c != cols)
            throw new ValidationError($"{owner}: {parameter} must have shape ({(rows is null ? "m" : rows.ToString())}, {cols}), got ({r}, {c}).");
        foreach (double v in s.Values)
            Check.That(double.IsFinite(v), owner, parameter, "must contain only finite numbers", v);
    }

    /// <summary>Connects <paramref name="pre"/> to <paramref name="post"/> (identity function).</summary>
    /// <param name="pre">An ensemble, node, neurons or a slice of one.</param>
    /// <param name="post">An ensemble, node, neurons or a slice of one.</param>
    /// <param name="synapse">The synapse (default Lowpass(0.005); null for none).</param>
    /// <param name="transform">Scalar, diagonal or (post × pre) matrix (default identity).</param>
    /// <param name="solver">Decoder solver for an ensemble pre (default LstsqL2()).</param>
    /// <param name="evalPoints">The connection's own eval points (ensemble pre only).</param>
    /// <param name="scaleEvalPoints">Multiply <paramref name="evalPoints"/> by the pre radius (default true).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">An explicit seed.</param>
    /// <param name="learningRule">A learning rule (e.g. <c>new PES()</c>); feed its error through <c>conn.LearningRule</c>.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ValidationError">When the ends cannot be connected or a shape does not fit.</exception>
    public Connection Connect(IConnectable pre, IConnectable post, SynapseArg synapse = default, Transform? transform = null,
        Solver? solver = null, DistributionArg evalPoints = default, bool scaleEvalPoints = true, string? label = null, int? seed = null, LearningRuleType? learningRule = null) =>
        AddConnection(pre, post, null, synapse, transform, solver, evalPoints, scaleEvalPoints, label, seed, learningRule);

    /// <summary>Connects a 1-dimensional <paramref name="pre"/> to <paramref name="post"/> computing a scalar function, e.g. <c>v => v * v</c>.</summary>
    /// <param name="pre">The pre object.</param>
    /// <param name="post">The post object.</param>
    /// <param name="function">The function of the (sliced) pre value.</param>
    /// <param name="synapse">The synapse.</param>
    /// <param name="transform">The transform after the function.</param>
    /// <param name="solver">Decoder solver.</param>
    /// <param name="evalPoints">Own eval points.</param>
    /// <param name="scaleEvalPoints">Scale own eval points by the radius.</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">An explicit seed.</param>
    /// <param name="learningRule">A learning rule (e.g. <c>new PES()</c>); feed its error through <c>conn.LearningRule</c>.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ValidationError">When the ends cannot be connected or a shape does not fit.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)] // `x => 0.0` means the scalar function
    public Connection Connect(IConnectable pre, IConnectable post, Func<double, double> function, SynapseArg synapse = default,
        Transform? transform = null, Solver? solver = null, DistributionArg evalPoints = default, bool scaleEvalPoints = true,
        string? label = null, int? seed = null, LearningRuleType? learningRule = null) =>
        AddConnection(pre, post, new ConnectionFunction(function ?? throw new ArgumentNullException(nameof(function)), pre.SizeOut),
            synapse, transform, solver, evalPoints, scaleEvalPoints, label, seed, learningRule);

    /// <summary>Connects <paramref name="pre"/> to <paramref name="post"/> computing a vector function.</summary>
    /// <param name="pre">The pre object.</param>
    /// <param name="post">The post object.</param>
    /// <param name="function">The function of the (sliced) pre value; the identity is <c>(double[] x) => x</c>.</param>
    /// <param name="synapse">The synapse.</param>
    /// <param name="transform">The transform after the function.</param>
    /// <param name="solver">Decoder solver.</param>
    /// <param name="evalPoints">Own eval points.</param>
    /// <param name="scaleEvalPoints">Scale own eval points by the radius.</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">An explicit seed.</param>
    /// <param name="learningRule">A learning rule (e.g. <c>new PES()</c>); feed its error through <c>conn.LearningRule</c>.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ValidationError">When the ends cannot be connected or a shape does not fit.</exception>
    public Connection Connect(IConnectable pre, IConnectable post, Func<double[], double[]> function, SynapseArg synapse = default,
        Transform? transform = null, Solver? solver = null, DistributionArg evalPoints = default, bool scaleEvalPoints = true,
        string? label = null, int? seed = null, LearningRuleType? learningRule = null) =>
        AddConnection(pre, post, new ConnectionFunction(function ?? throw new ArgumentNullException(nameof(function)), pre.SizeOut),
            synapse, transform, solver, evalPoints, scaleEvalPoints, label, seed, learningRule);

    /// <summary>Connects <paramref name="pre"/> to <paramref name="post"/> computing a vector-to-scalar function, e.g. <c>x => x[0] * x[1]</c>.</summary>
    /// <param name="pre">The pre object.</param>
    /// <param name="post">The post object.</param>
    /// <param name="function">The function of the (sliced) pre value.</param>
    /// <param name="synapse">The synapse.</param>
    /// <param name="transform">The transform after the function.</param>
    /// <param name="solver">Decoder solver.</param>
    /// <param name="evalPoints">Own eval points.</param>
    /// <param name="scaleEvalPoints">Scale own eval points by the radius.</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">An explicit seed.</param>
    /// <param name="learningRule">A learning rule (e.g. <c>new PES()</c>); feed its error through <c>conn.LearningRule</c>.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ValidationError">When the ends cannot be connected or a shape does not fit.</exception>
    public Connection Connect(IConnectable pre, IConnectable post, Func<double[], double> function, SynapseArg synapse = default,
        Transform? transform = null, Solver? solver = null, DistributionArg evalPoints = default, bool scaleEvalPoints = true,
        string? label = null, int? seed = null, LearningRuleType? learningRule = null) =>
        AddConnection(pre, post, new ConnectionFunction(function ?? throw new ArgumentNullException(nameof(function)), pre.SizeOut),
            synapse, transform, solver, evalPoints, scaleEvalPoints, label, seed, learningRule);

    private Connection AddConnection(IConnectable pre, IConnectable post, ConnectionFunction? function, SynapseArg synapse,
        Transform? transform, Solver? solver, DistributionArg evalPoints, bool scaleEvalPoints, string? label, int? seed,
        LearningRuleType? learningRule)
    {
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(post);
        var conn = new Connection(pre, post, synapse, function, transform, solver, evalPoints.Value, scaleEvalPoints, label, learningRule) { Seed = seed };
        return Own(conn, _connections);
    }

    /// <summary>Probes <paramref name="target"/>.</summary>
    /// <param name="target">An ensemble, neurons, node, connection or a slice.</param>
    /// <param name="attr">What to record (default: the target's first probeable attribute).</param>
    /// <param name="synapse">A filter applied before recording (default none).</param>
    /// <param name="sampleEvery">Seconds between samples (default every step).</param>
    /// <param name="solver">Solver for a decoded-output probe's own decoders.</param>
    /// <param name="label">A name.</param>
    /// <returns>The probe.</returns>
    /// <exception cref="ValidationError">When the attribute is unknown or sampleEvery is not positive.</exception>
    public Probe Probe(IProbeable target, string? attr = null, SynapseArg synapse = default, double? sampleEvery = null,
        Solver? solver = null, string? label = null) =>
        Own(new Probe(target, attr, synapse, sampleEvery, solver, label), _probes);
}
