namespace Nengo.Networks;

/// <summary>
/// Action selection: a model of the basal ganglia (Gurney, Prescott &amp; Redgrave 2001, as adapted by
/// Stewart 2010). Given one utility per action on <see cref="Input"/>, <see cref="Output"/> is about 0 for
/// the action with the largest utility and strongly negative for the others, ready to inhibit a
/// <see cref="Thalamus"/>.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.BasalGanglia</c> (NEF.md §11.2).</para>
/// <para>Structure: five <see cref="EnsembleArray"/>s of (nNeuronsPerEnsemble, dimensions) with intercepts
/// <see cref="StrD1"/> and <see cref="StrD2"/> U(0.2, 1), <see cref="Stn"/> U(−0.25, 1), <see cref="Gpi"/> and
/// <see cref="Gpe"/> U(−0.2, 1). <see cref="Input"/> feeds strD1 ×1.2, strD2 ×0.8 and stn ×1 (no synapse).
/// Each population has an extra rectified output ("func_str": max(0, x − 0.2); "func_stn": x + 0.25 for
/// x ≥ −0.25; "func_gpe" and "func_gpi": x + 0.2 for x ≥ −0.2; else 0). GABA connections
/// (Lowpass(0.008)): strD1 → gpi ×−1, strD2 → gpe ×−1, gpe → gpi ×−0.3, gpe → stn ×−1. AMPA connections
/// (Lowpass(0.002)): stn → gpi and stn → gpe with 0.9·ones(d, d). gpi → <see cref="Output"/> ×outputWeight
/// (no synapse). With inputBias ≠ 0 a constant <see cref="BiasInput"/> node feeds the input (default
/// synapse). dimensions·nNeuronsPerEnsemble·5 neurons in all.</para>
/// <para>Local defaults, set in this network's <see cref="Network.Defaults"/> so they apply to everything
/// inside: ensemble radius 1.5, encoders Choice([[1]]) (all +1), connection solver NnlsL2nz()
/// (non-negative decoders).</para>
/// </remarks>
public class BasalGanglia : Network
{
    private const double E = 0.2, Ep = -0.25, Ee = -0.2, Eg = -0.2;
    private const double Le = 0.2, Lg = 0.2;
    private const double Wm = 1, Wg = 1, Wp = 0.9, We = 0.3;

    /// <summary>The AMPA synapse used when none is given: Lowpass(0.002).</summary>
    public static Lowpass DefaultAmpaSynapse => new(0.002);

    /// <summary>The GABA synapse used when none is given: Lowpass(0.008).</summary>
    public static Lowpass DefaultGabaSynapse => new(0.008);

    /// <summary>Creates a basal ganglia choosing among <paramref name="dimensions"/> actions.</summary>
    /// <param name="dimensions">The number of actions (&gt; 0).</param>
    /// <param name="nNeuronsPerEnsemble">Neurons per action in each of the five populations (&gt; 0).</param>
    /// <param name="outputWeight">The gain from gpi to the output (default −3).</param>
    /// <param name="inputBias">A constant added to every utility (default 0: no bias node).</param>
    /// <param name="ampaSynapse">The synapse of the excitatory (AMPA) connections; left out means Lowpass(0.002).</param>
    /// <param name="gabaSynapse">The synapse of the inhibitory (GABA) connections; left out means Lowpass(0.008).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When a size is not positive or a number is not finite.</exception>
    public BasalGanglia(int dimensions, int nNeuronsPerEnsemble = 100, double outputWeight = -3.0, double inputBias = 0.0,
        SynapseArg ampaSynapse = default, SynapseArg gabaSynapse = default, string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(dimensions, me, nameof(dimensions));
        Check.Positive(nNeuronsPerEnsemble, me, nameof(nNeuronsPerEnsemble));
        Check.That(double.IsFinite(outputWeight), me, nameof(outputWeight), "must be finite", outputWeight);
        Check.That(double.IsFinite(inputBias), me, nameof(inputBias), "must be finite", inputBias);
        Dimensions = dimensions;
        AmpaSynapse = ampaSynapse.IsSet ? ampaSynapse : DefaultAmpaSynapse;
        GabaSynapse = gabaSynapse.IsSet ? gabaSynapse : DefaultGabaSynapse;

        Defaults.Ensemble.Radius = 1.5;
        Defaults.Ensemble.Encoders = new Choice(new double[,] { { 1.0 } });
        Defaults.Connection.Solver = new NnlsL2nz();

        int n = nNeuronsPerEnsemble, d = dimensions;
        StrD1 = Add(new EnsembleArray(n, d, label: "strD1", intercepts: new Uniform(E, 1)));
        StrD2 = Add(new EnsembleArray(n, d, label: "strD2", intercepts: new Uniform(E, 1)));
        Stn = Add(new EnsembleArray(n, d, label: "stn", intercepts: new Uniform(Ep, 1)));
        Gpi = Add(new EnsembleArray(n, d, label: "gpi", intercepts: new Uniform(Eg, 1)));
        Gpe = Add(new EnsembleArray(n, d, label: "gpe", intercepts: new Uniform(Ee, 1)));

        Input = Node(label: "input", sizeIn: d);
        Output = Node(label: "output", sizeIn: d);

        if (inputBias != 0)
        {
            var biasValue = new double[d];
            Array.Fill(biasValue, inputBias);
            BiasInput = Node(biasValue, label: "bias_input");
            Connect(BiasInput, Input);
        }

        Connect(Input, StrD1.Input, synapse: SynapseArg.None, transform: Wm + Lg);
        Connect(Input, StrD2.Input, synapse: SynapseArg.None, transform: Wm - Le);
        Connect(Input, Stn.Input, synapse: SynapseArg.None, transform: Wm);

        var strD1Out = StrD1.AddOutput("func_str", FuncStr);
        var strD2Out = StrD2.AddOutput("func_str", FuncStr);
        var stnOut = Stn.AddOutput("func_stn", FuncStn);
        var gpiOut = Gpi.AddOutput("func_gpi", FuncGpi);
        var gpeOut = Gpe.AddOutput("func_gpe", FuncGpe);

        // Inhibitory projections (GABA).
        Connect(strD1Out, Gpi.Input, synapse: GabaSynapse, transform: -Wm);
        Connect(strD2Out, Gpe.Input, synapse: GabaSynapse, transform: -Wm);
        Connect(gpeOut, Gpi.Input, synapse: GabaSynapse, transform: -We);
        Connect(gpeOut, Stn.Input, synapse: GabaSynapse, transform: -Wg);

        // Excitatory projections (AMPA): the diffuse stn output reaches every channel.
        var diffuse = Matrices.Filled(d, d, Wp);
        Connect(stnOut, Gpi.Input, synapse: AmpaSynapse, transform: diffuse);
        Connect(stnOut, Gpe.Input, synapse: AmpaSynapse, transform: diffuse);

        Connect(gpiOut, Output, synapse: SynapseArg.None, transform: outputWeight);
    }

    /// <summary>The number of actions.</summary>
    public int Dimensions { get; }

    /// <summary>The synapse of the excitatory (AMPA) connections.</summary>
    public SynapseArg AmpaSynapse { get; }

    /// <summary>The synapse of the inhibitory (GABA) connections.</summary>
    public SynapseArg GabaSynapse { get; }

    /// <summary>The utilities, one per action (a passthrough node).</summary>
    public Node Input { get; }

    /// <summary>About 0 for the selected action and strongly negative for the others (a passthrough node).</summary>
    public Node Output { get; }

    /// <summary>The constant inputBias node feeding <see cref="Input"/>, or null when inputBias is 0.</summary>
    public Node? BiasInput { get; }

    /// <summary>Striatum D1 neurons (intercepts U(0.2, 1)).</summary>
    public EnsembleArray StrD1 { get; }

    /// <summary>Striatum D2 neurons (intercepts U(0.2, 1)).</summary>
    public EnsembleArray StrD2 { get; }

    /// <summary>Subthalamic nucleus (intercepts U(−0.25, 1)).</summary>
    public EnsembleArray Stn { get; }

    /// <summary>Globus pallidus internus (intercepts U(−0.2, 1)); it drives the output.</summary>
    public EnsembleArray Gpi { get; }

    /// <summary>Globus pallidus externus (intercepts U(−0.2, 1)).</summary>
    public EnsembleArray Gpe { get; }

    private static double FuncStr(double x) => x < E ? 0 : x - E;

    private static double FuncStn(double x) => x < Ep ? 0 : x - Ep;

    private static double FuncGpi(double x) => x < Eg ? 0 : x - Eg;

    private static double FuncGpe(double x) => x < Ee ? 0 : x - Ee;
}
