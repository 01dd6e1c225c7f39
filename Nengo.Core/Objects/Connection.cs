namespace Nengo;

/// <summary>
/// Transmits (and transforms) a signal from <see cref="Pre"/> to <see cref="Post"/>: decoded from an
/// ensemble's spikes through solved decoders, evaluated exactly from a node or Direct ensemble, or a
/// matrix on neuron outputs. Every synapse adds one step of delay; a null synapse adds none.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Connection</c> (NEF.md §1.4, §9.4).</remarks>
public sealed class Connection : NengoObject, IProbeable
{
    private static readonly string[] Attributes = ["output", "input", "weights"];

    internal Connection(IConnectable pre, IConnectable post, SynapseArg synapse, ConnectionFunction? function,
        Transform? transform, Solver? solver, Distribution? evalPoints, bool scaleEvalPoints, string? label,
        LearningRuleType? learningRule = null)
    {
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(post);
        Label = label;
        Pre = pre;
        Post = post;
        PreObject = pre is ObjView pv ? pv.Target : pre;
        PostObject = post is ObjView qv ? qv.Target : post;
        Validate(function, transform, solver, evalPoints);
        Synapse = synapse;
        Function = function;
        Transform = transform;
        Solver = solver;
        EvalPoints = evalPoints;
        ScaleEvalPoints = scaleEvalPoints;
        if (learningRule is not null)
        {
            ValidateLearningRule(learningRule, transform, solver);
            LearningRule = new LearningRule(this, learningRule);
        }
    }

    /// <summary>The learning rule on this connection (connect an error into it), or null.</summary>
    public LearningRule? LearningRule { get; }

    /// <summary>Where the connection starts (possibly a slice).</summary>
    public IConnectable Pre { get; }

    /// <summary>Where the connection ends (possibly a slice).</summary>
    public IConnectable Post { get; }

    /// <summary>The object behind <see cref="Pre"/> (the ensemble, node or neurons, not the slice).</summary>
    public IConnectable PreObject { get; }

    /// <summary>The object behind <see cref="Post"/>.</summary>
    public IConnectable PostObject { get; }

    /// <summary>The pre indices when <see cref="Pre"/> is a slice, else null (everything).</summary>
    public IReadOnlyList<int>? PreSlice => (Pre as ObjView)?.Indices;

    /// <summary>The post indices when <see cref="Post"/> is a slice, else null.</summary>
    public IReadOnlyList<int>? PostSlice => (Post as ObjView)?.Indices;

    /// <summary>The synapse; not set means the default Lowpass(0.005).</summary>
    public SynapseArg Synapse { get; }

    /// <summary>The function computed across the connection, or null for the identity.</summary>
    public ConnectionFunction? Function { get; }

    /// <summary>The transform after the function, or null for none (identity).</summary>
    public Transform? Transform { get; }

    /// <summary>The solver (null: the default, LstsqL2()).</summary>
    public Solver? Solver { get; }

    /// <summary>The connection's own eval points (Ensemble pre only), or null for the pre ensemble's.</summary>
    public Distribution? EvalPoints { get; }

    /// <summary>Whether the connection's own eval points are multiplied by the pre radius.</summary>
    public bool ScaleEvalPoints { get; }

    /// <summary>The size of the (sliced) pre value.</summary>
    public int SizeIn => Pre.SizeOut;

    /// <summary>The size after the function: the function's output size, else <see cref="SizeIn"/>.</summary>
    public int SizeMid => Function?.SizeOut ?? SizeIn;

    /// <summary>The size of the (sliced) post input.</summary>
    public int SizeOut => Post.SizeIn;

    /// <summary>True when decoders are solved (an ensemble pre that is not in Direct mode).</summary>
    public bool IsDecoded => PreObject is Ensemble e && e.NeuronType is not Direct;

    /// <inheritdoc />
    public IReadOnlyList<string> ProbeableAttributes => Attributes;

    private void Validate(ConnectionFunction? function, Transform? transform, Solver? solver, Distribution? evalPoints)
    {
        string me = Describe;
        if (Pre.SizeOut <= 0)
            throw new ValidationError($"{me}: pre {Pre.Describe} has no output (SizeOut = 0) and cannot start a connection; pre must have an output.");
        if (Post.SizeIn <= 0)
            throw new ValidationError($"{me}: post {Post.Describe} takes no input (SizeIn = 0) and cannot end a connection; post must take input.");
        if (PreObject is not (Ensemble or Node or Neurons))
            throw new ValidationError($"{me}: pre must be an Ensemble, Node, Neurons or a slice of one, got {Pre.Describe}.");
        if (PostObject is Node { Function.SizeIn: 0 } or Node { Constant: not null })
            throw new ValidationError($"{me}: post {Post.Describe} takes no input (its output does not depend on x).");
        if (function is not null)
        {
            if (PreObject is Neurons)
                throw new ValidationError($"{me}: function is not allowed from {Pre.Describe}; functions need an Ensemble or a non-passthrough Node pre.");
            if (PreObject is Node { IsPassthrough: true })
                throw new ValidationError($"{me}: function is not allowed from passthrough node {Pre.Describe}.");
            if (function.SizeIn != Pre.SizeOut)
                throw new ValidationError($"{me}: function takes {function.SizeIn} values but pre {Pre.Describe} gives {Pre.SizeOut}.");
            double[] first = new double[Pre.SizeOut];
            if (evalPoints is Samples { Rows: > 0 } s)
            {
                var points = s.Values;
                for (int i = 0; i < first.Length && i < s.Columns; i++) first[i] = points[0, i];
            }
            function.Bind(me, first);
        }
        int mid = function?.SizeOut ?? Pre.SizeOut;
        if (transform is null)
        {
            if (mid != Post.SizeIn)
                throw new ValidationError($"{me}: without a transform the size after the function ({mid}) must equal the post size ({Post.SizeIn}); give transform: a ({Post.SizeIn}, {mid}) matrix.");
        }
        else
        {
            transform.Validate(me, mid, Post.SizeIn);
            if (!transform.AllowsDecoders && IsDecoded)
                throw new ValidationError($"{me}: transform {transform} is not allowed on a decoded connection from {Pre.Describe}; connect from a Node, the ensemble's Neurons or a Direct-mode ensemble, or use a Dense transform.");
            if (transform is Dense { IsMatrix: true } && Post is ObjView { HasRepeats: true })
                throw new ValidationError($"{me}: repeated post indices {Post.Describe} are not allowed with a 2-D matrix transform; fold the repeats into the matrix.");
        }
        if (solver is { Weights: true } && !(PreObject is Ensemble && PostObject is Ensemble))
            throw new ValidationError($"{me}: solver with weights: true needs an Ensemble pre and an Ensemble post, got {Pre.Describe} → {Post.Describe}.");
        if (evalPoints is not null && PreObject is not Ensemble)
            throw new ValidationError($"{me}: evalPoints are only allowed from an Ensemble pre, got {Pre.Describe}.");
    }

    private void ValidateLearningRule(LearningRuleType rule, Transform? transform, Solver? solver)
    {
        string me = Describe;
        if (transform is not null and not Dense)
            throw new ValidationError($"{me}: learningRule {rule} needs a Dense transform or none, got {transform}.");
        bool neuralPre = PreObject is Neurons || (PreObject is Ensemble e && e.NeuronType is not Direct);
        switch (rule.Modifies)
        {
            case LearningTarget.Decoders:
                if (!neuralPre)
                    throw new ValidationError($"{me}: learningRule {rule.GetType().Name} modifies decoders and needs a neural pre (an Ensemble not in Direct mode, or Neurons), got {Pre.Describe}.");
                if (PreObject is Neurons && transform is null)
                    throw new ValidationError($"{me}: learningRule {rule.GetType().Name} needs weights to learn, but a connection from neurons without a transform has none; give a transform.");
                if (Post is ObjView { IsContiguous: false } && (PostObject is Neurons || solver is { Weights: true }))
                    throw new ValidationError($"{me}: learningRule {rule.GetType().Name} into neurons does not support index-list post slices, got {Post.Describe}.");
                break;
            case LearningTarget.Weights:
                if (!neuralPre)
                    throw new ValidationError($"{me}: learningRule {rule.GetType().Name} modifies weights and needs a neural pre, got {Pre.Describe}.");
                if (!(solver is { Weights: true } || (PostObject is Neurons && transform is Dense { IsMatrix: true })))
                    throw new ValidationError($"{me}: learningRule {rule.GetType().Name} modifies weights and needs a neuron-to-neuron connection with a 2-D transform or a solver with weights: true.");
                break;
            case LearningTarget.Encoders:
                if (PostObject is not Ensemble || solver is { Weights: true })
                    throw new ValidationError($"{me}: learningRule {rule.GetType().Name} modifies encoders and needs an Ensemble post (not its Neurons, not weights: true), got {Post.Describe}.");
                break;
        }
    }

    /// <inheritdoc />
    public override string Describe => Label is null ? $"Connection from {Pre.Describe} to {Post.Describe}" : $"Connection '{Label}'";
}
