namespace Nengo.Networks;

/// <summary>
/// Action execution: one channel per action, each tonically active and inhibiting the others, so that
/// releasing one channel from inhibition (by a <see cref="BasalGanglia"/>) makes it win. Typical use:
/// <c>net.Connect(bg.Output, thal.Input)</c>.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.networks.Thalamus</c> (NEF.md §11.3).</para>
/// <para>Structure: <see cref="Actions"/> is an <see cref="EnsembleArray"/> of (nNeuronsPerEnsemble,
/// dimensions) one-dimensional ensembles with intercepts U(threshold, 1) and encoders Choice([[1]]); a
/// recurrent connection actions.output → actions.input with transform (I − 1)·mutualInhib (0 on the diagonal,
/// −mutualInhib off it) and a constant <see cref="Bias"/> node [1] → actions.input with transform
/// ones(d, 1), both with the default synapse (Lowpass(0.005) unless an enclosing network sets another).
/// <see cref="Input"/> is actions.input and <see cref="Output"/> is actions.output.</para>
/// </remarks>
public class Thalamus : Network
{
    /// <summary>Creates a thalamus with <paramref name="dimensions"/> action channels.</summary>
    /// <param name="dimensions">The number of actions (&gt; 0).</param>
    /// <param name="nNeuronsPerEnsemble">Neurons per action (&gt; 0).</param>
    /// <param name="mutualInhib">The strength of the inhibition between channels (default 1).</param>
    /// <param name="threshold">The lowest intercept of the action neurons, in [−1, 1) (default 0).</param>
    /// <param name="label">A name.</param>
    /// <param name="seed">The seed every seed inside is derived from.</param>
    /// <exception cref="ValidationError">When a size is not positive or a number is out of range.</exception>
    public Thalamus(int dimensions, int nNeuronsPerEnsemble = 50, double mutualInhib = 1.0, double threshold = 0.0,
        string? label = null, int? seed = null)
        : base(label, seed)
    {
        string me = Describe;
        Check.Positive(dimensions, me, nameof(dimensions));
        Check.Positive(nNeuronsPerEnsemble, me, nameof(nNeuronsPerEnsemble));
        Check.That(double.IsFinite(mutualInhib), me, nameof(mutualInhib), "must be finite", mutualInhib);
        Check.That(threshold >= -1 && threshold < 1, me, nameof(threshold), "must be in [-1, 1)", threshold);
        Dimensions = dimensions;

        Actions = Add(new EnsembleArray(nNeuronsPerEnsemble, dimensions, label: "actions",
            intercepts: new Uniform(threshold, 1), encoders: new Choice(new double[,] { { 1.0 } })));
        Connect(Actions.Output, Actions.Input, transform: Matrices.MutualInhibition(dimensions, mutualInhib));
        Bias = Node(1.0, label: "bias");
        Connect(Bias, Actions.Input, transform: Matrices.Filled(dimensions, 1, 1.0));
    }

    /// <summary>The number of actions.</summary>
    public int Dimensions { get; }

    /// <summary>The action channels.</summary>
    public EnsembleArray Actions { get; }

    /// <summary>The constant node [1] that keeps every channel active unless inhibited.</summary>
    public Node Bias { get; }

    /// <summary>The input of the channels (actions.input); connect a basal ganglia's output here.</summary>
    public Node Input => Actions.Input;

    /// <summary>The activity of each channel (actions.output): about 1 for the selected action, 0 for the others.</summary>
    public Node Output => Actions.Output;
}
