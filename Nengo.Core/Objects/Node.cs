namespace Nengo;

/// <summary>
/// A non-neural part of the model: a constant, a function of time (and optionally of its input), or a
/// passthrough that outputs the sum of its inputs in the same step.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.Node</c> (NEF.md §1.3).</remarks>
public sealed class Node : NengoObject, IConnectable, IProbeable
{
    private static readonly string[] Attributes = ["output"];
    private readonly double[]? _constant;

    internal Node(double[] constant, string? label)
    {
        Label = label;
        Check.That(constant is { Length: > 0 }, Describe, "output", "must have at least one value", constant);
        _constant = (double[])Check.Finite(constant!, Describe, "output").Clone();
        SizeOut = _constant.Length;
    }

    internal Node(Func<string, NodeFunction> makeFunction, string? label)
    {
        Label = label;
        Function = makeFunction(Describe);
        SizeIn = Function.SizeIn;
        SizeOut = Function.SizeOut;
    }

    internal Node(Process process, int? sizeIn, int? sizeOut, string? label)
    {
        Label = label;
        Process = process;
        SizeIn = sizeIn ?? process.DefaultSizeIn;
        SizeOut = sizeOut ?? process.DefaultSizeOut;
        Check.That(SizeIn >= 0, Describe, nameof(sizeIn), "must be >= 0", SizeIn);
        Check.Positive(SizeOut, Describe, nameof(sizeOut));
    }

    internal Node(int sizeIn, string? label)
    {
        Label = label;
        SizeIn = Check.Positive(sizeIn, Describe, nameof(sizeIn));
        SizeOut = sizeIn;
    }

    /// <summary>The constant output, or null for function and passthrough nodes.</summary>
    public IReadOnlyList<double>? Constant => _constant;

    /// <summary>The output function, or null for constant and passthrough nodes.</summary>
    public NodeFunction? Function { get; }

    /// <summary>The process producing the output, or null.</summary>
    public Process? Process { get; }

    /// <summary>True for a passthrough node (no output function: output = the summed input, no delay).</summary>
    public bool IsPassthrough => _constant is null && Function is null && Process is null;

    /// <inheritdoc />
    public int SizeIn { get; }

    /// <inheritdoc />
    public int SizeOut { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ProbeableAttributes => Attributes;

    /// <summary>One output dimension.</summary>
    /// <param name="index">Index; negative counts from the end.</param>
    public ObjView this[int index] => ObjView.Of(this, Math.Max(SizeIn, SizeOut), index);

    /// <summary>One output dimension, e.g. <c>node[^1]</c>.</summary>
    /// <param name="index">Index.</param>
    public ObjView this[Index index] => ObjView.Of(this, Math.Max(SizeIn, SizeOut), index);

    /// <summary>A contiguous range of dimensions, e.g. <c>node[..2]</c>.</summary>
    /// <param name="range">The range.</param>
    public ObjView this[Range range] => ObjView.Of(this, Math.Max(SizeIn, SizeOut), range);

    /// <summary>Dimensions by index list.</summary>
    /// <param name="indices">The indices.</param>
    public ObjView this[int[] indices] => ObjView.Of(this, Math.Max(SizeIn, SizeOut), indices);
}
