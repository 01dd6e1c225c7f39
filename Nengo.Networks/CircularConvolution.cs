namespace Nengo.Networks;

/// <summary>
/// Computes the circular convolution z = a ⊛ b of two vectors (the binding operation of semantic pointers)
/// through the discrete Fourier transform: z = IDFT(DFT(a) ⊙ DFT(b)). With <c>invertA</c> or
/// <c>invertB</c> the operand is replaced by its involution (its DFT conjugated), which approximately
/// unbinds.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.CircularConvolution</c> (NEF.md §11.5).</para>
/// <para>Structure: passthrough nodes <see cref="InputA"/>, <see cref="InputB"/> and <see cref="Output"/> of
/// size dimensions; a <see cref="Networks.Product"/>(nNeurons, 4K, 2·inputMagnitude) with K = ⌊d/2⌋ + 1;
/// a → product.InputA with <see cref="TransformInA"/>, b → product.InputB with <see cref="TransformInB"/>,
/// product.Output → output with <see cref="TransformOut"/>, all with no synapse. For each of the K
/// frequencies the product holds ReA·ReB, ImA·ImB, ReA·ImB and ImA·ReB. The always-zero imaginary rows
/// (k = 0, and k = d/2 for even d) are kept, as in Nengo, so there are exactly 4K product dimensions
/// (d = 16 → 36) and 4K·2·(nNeurons/2) neurons.</para>
/// </remarks>
public class CircularConvolution : Network
{
    /// <summary>Creates a circular convolution of two <paramref name="dimensions"/>-dimensional vectors.</summary>
    /// <param name="nNeurons">Neurons per product dimension (&gt; 0).</param>
    /// <param name="dimensions">The vector length d (&gt; 0).</param>
    /// <param name="invertA">Use the involution of a (conjugated DFT).</param>
    /// <param name="invertB">Use the involution of b.</param>
    /// <param name="inputMagnitude">The expected magnitude of the input vectors (&gt; 0; default 1).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When a size or the magnitude is not positive.</exception>
    public CircularConvolution(int nNeurons, int dimensions, bool invertA = false, bool invertB = false,
        double inputMagnitude = 1.0, string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(nNeurons, me, nameof(nNeurons));
        Check.Positive(dimensions, me, nameof(dimensions));
        Check.Positive(inputMagnitude, me, nameof(inputMagnitude));
        Dimensions = dimensions;
        InvertA = invertA;
        InvertB = invertB;

        InputA = Node(label: "input_a", sizeIn: dimensions);
        InputB = Node(label: "input_b", sizeIn: dimensions);
        Output = Node(label: "output", sizeIn: dimensions);

        Product = Add(new Product(nNeurons, ProductDimensions(dimensions), 2 * inputMagnitude, label: "product"));
        Connect(InputA, Product.InputA, synapse: SynapseArg.None, transform: TransformInA(dimensions, invertA));
        Connect(InputB, Product.InputB, synapse: SynapseArg.None, transform: TransformInB(dimensions, invertB));
        Connect(Product.Output, Output, synapse: SynapseArg.None, transform: TransformOut(dimensions));
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Whether a is replaced by its involution.</summary>
    public bool InvertA { get; }

    /// <summary>Whether b is replaced by its involution.</summary>
    public bool InvertB { get; }

    /// <summary>The first operand (a passthrough node of size dimensions).</summary>
    public Node InputA { get; }

    /// <summary>The second operand (a passthrough node of size dimensions).</summary>
    public Node InputB { get; }

    /// <summary>The convolution (a passthrough node of size dimensions).</summary>
    public Node Output { get; }

    /// <summary>The product of the Fourier coefficients (4K dimensions).</summary>
    public Product Product { get; }

    /// <summary>The number of product dimensions for vectors of length d: 4·(⌊d/2⌋ + 1).</summary>
    /// <param name="dimensions">d (&gt; 0).</param>
    /// <returns>4K.</returns>
    /// <exception cref="ValidationError">When d is not positive.</exception>
    public static int ProductDimensions(int dimensions)
    {
        Check.Positive(dimensions, nameof(CircularConvolution), nameof(dimensions));
        return 4 * (dimensions / 2 + 1);
    }

    /// <summary>
    /// The (4K × d) transform from operand a into the product's first input: row 4k + j is the real,
    /// imaginary, real, imaginary (j = 0..3) part of the half-DFT row F[k, x] = exp(−2πi·k·x/d), conjugated
    /// when <paramref name="invert"/> is set.
    /// </summary>
    /// <param name="dimensions">d (&gt; 0).</param>
    /// <param name="invert">Conjugate (use the involution of a).</param>
    /// <returns>A new matrix.</returns>
    /// <exception cref="ValidationError">When d is not positive.</exception>
    public static double[,] TransformInA(int dimensions, bool invert = false) => TransformIn(dimensions, invert, [false, true, false, true]);

    /// <summary>
    /// The (4K × d) transform from operand b into the product's second input: as <see cref="TransformInA"/>
    /// with the pattern real, imaginary, imaginary, real, so that the product holds ReA·ReB, ImA·ImB,
    /// ReA·ImB and ImA·ReB for each frequency.
    /// </summary>
    /// <param name="dimensions">d (&gt; 0).</param>
    /// <param name="invert">Conjugate (use the involution of b).</param>
    /// <returns>A new matrix.</returns>
    /// <exception cref="ValidationError">When d is not positive.</exception>
    public static double[,] TransformInB(int dimensions, bool invert = false) => TransformIn(dimensions, invert, [false, true, true, false]);

    /// <summary>
    /// The (d × 4K) transform from the product back to the convolution: the inverse DFT of
    /// ReA·ReB − ImA·ImB + i(ReA·ImB + ImA·ReB), using the conjugate symmetry of a real signal's spectrum
    /// (frequencies other than 0 and d/2 count twice), divided by d.
    /// </summary>
    /// <param name="dimensions">d (&gt; 0).</param>
    /// <returns>A new matrix.</returns>
    /// <exception cref="ValidationError">When d is not positive.</exception>
    public static double[,] TransformOut(int dimensions)
    {
        int d = dimensions, rows = ProductDimensions(dimensions), k4 = rows / 4;
        var t = new double[d, rows];
        for (int k = 0; k < k4; k++)
        {
            double w = k == 0 || 2 * k == d ? 1 : 2;
            for (int x = 0; x < d; x++)
            {
                // c = conj(F[k, x]) = exp(+2πi·k·x/d)
                double angle = 2 * Math.PI * ((long)k * x % d) / d;
                double re = w * Math.Cos(angle), im = w * Math.Sin(angle);
                t[x, 4 * k + 0] = re / d;
                t[x, 4 * k + 1] = -re / d;
                t[x, 4 * k + 2] = -im / d;
                t[x, 4 * k + 3] = -im / d;
            }
        }
        return t;
    }

    private static double[,] TransformIn(int dimensions, bool invert, bool[] imaginary)
    {
        int d = dimensions, rows = ProductDimensions(dimensions), k4 = rows / 4;
        var t = new double[rows, d];
        for (int k = 0; k < k4; k++)
        {
            for (int x = 0; x < d; x++)
            {
                // F[k, x] = exp(−2πi·k·x/d); its conjugate when inverting.
                double angle = 2 * Math.PI * ((long)k * x % d) / d;
                double re = Math.Cos(angle), im = invert ? Math.Sin(angle) : -Math.Sin(angle);
                for (int j = 0; j < 4; j++) t[4 * k + j, x] = imaginary[j] ? im : re;
            }
        }
        return t;
    }
}
