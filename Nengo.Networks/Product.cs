namespace Nengo.Networks;

/// <summary>
/// Computes the elementwise product of two vectors, <see cref="InputA"/> ⊙ <see cref="InputB"/>, as
/// ab = ((a + b)² − (a − b)²)/4, with two arrays of one-dimensional squaring ensembles.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.Product</c> (NEF.md §11.4).</para>
/// <para>Structure: passthrough nodes <see cref="InputA"/>, <see cref="InputB"/> and <see cref="Output"/> of
/// size dimensions; two <see cref="EnsembleArray"/>s <see cref="SQ1"/> and <see cref="SQ2"/>, each of
/// dimensions one-dimensional ensembles with max(1, nNeurons/2) neurons and radius inputMagnitude·√2.
/// a → sq1 ×1/√2, b → sq1 ×1/√2, a → sq2 ×1/√2, b → sq2 ×−1/√2; sq1's "square" output (x²) → output ×0.5
/// and sq2's → output ×−0.5. Every connection has no synapse, so the network adds no delay of its own.</para>
/// </remarks>
public class Product : Network
{
    /// <summary>Creates a product of two <paramref name="dimensions"/>-dimensional vectors.</summary>
    /// <param name="nNeurons">Neurons per product dimension (split between the two squares; &gt; 0).</param>
    /// <param name="dimensions">The vector length (&gt; 0).</param>
    /// <param name="inputMagnitude">The largest expected magnitude of each input element (&gt; 0; default 1).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When a size or the magnitude is not positive.</exception>
    public Product(int nNeurons, int dimensions, double inputMagnitude = 1.0, string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.Positive(dimensions, me, nameof(dimensions));
        Check.Positive(inputMagnitude, me, nameof(inputMagnitude));
        Dimensions = dimensions;
        InputMagnitude = inputMagnitude;

        InputA = Node(label: "input_a", sizeIn: dimensions);
        InputB = Node(label: "input_b", sizeIn: dimensions);
        Output = Node(label: "output", sizeIn: dimensions);

        int half = Math.Max(1, nNeurons / 2);
        double radius = inputMagnitude * Math.Sqrt(2);
        SQ1 = Add(new EnsembleArray(half, dimensions, label: "sq1", radius: radius));
        SQ2 = Add(new EnsembleArray(half, dimensions, label: "sq2", radius: radius));

        double tr = 1 / Math.Sqrt(2);
        Connect(InputA, SQ1.Input, synapse: SynapseArg.None, transform: tr);
        Connect(InputB, SQ1.Input, synapse: SynapseArg.None, transform: tr);
        Connect(InputA, SQ2.Input, synapse: SynapseArg.None, transform: tr);
        Connect(InputB, SQ2.Input, synapse: SynapseArg.None, transform: -tr);

        var sq1Out = SQ1.AddOutput("square", x => x * x);
        var sq2Out = SQ2.AddOutput("square", x => x * x);
        Connect(sq1Out, Output, synapse: SynapseArg.None, transform: 0.5);
        Connect(sq2Out, Output, synapse: SynapseArg.None, transform: -0.5);
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <summary>The largest expected magnitude of each input element.</summary>
    public double InputMagnitude { get; }

    /// <summary>The first operand (a passthrough node of size dimensions).</summary>
    public Node InputA { get; }

    /// <summary>The second operand (a passthrough node of size dimensions).</summary>
    public Node InputB { get; }

    /// <summary>The elementwise product (a passthrough node of size dimensions).</summary>
    public Node Output { get; }

    /// <summary>The ensembles squaring (a + b)/√2.</summary>
    public EnsembleArray SQ1 { get; }

    /// <summary>The ensembles squaring (a − b)/√2.</summary>
    public EnsembleArray SQ2 { get; }

    /// <summary>
    /// The transform that sums a product's output into a dot product: <paramref name="scale"/>·ones(1, d).
    /// Use it as <c>net.Connect(product.Output, result, transform: Product.DotProductTransform(d))</c>.
    /// </summary>
    /// <param name="dimensions">The vector length d (&gt; 0).</param>
    /// <param name="scale">The scale (finite; default 1).</param>
    /// <returns>A new 1×d matrix.</returns>
    /// <exception cref="ValidationError">When d is not positive or the scale is not finite.</exception>
    public static double[,] DotProductTransform(int dimensions, double scale = 1.0)
    {
        Check.Positive(dimensions, nameof(Product), nameof(dimensions));
        Check.That(double.IsFinite(scale), nameof(Product), nameof(scale), "must be finite", scale);
        return Matrices.Filled(1, dimensions, scale);
    }
}
