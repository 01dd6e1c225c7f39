namespace Nengo;

/// <summary>
/// Describes how a decoded connection's decoders (or full weights) are solved from the pre
/// ensemble's rate tuning curves. Solvers are immutable descriptions; the builder does the numerics.
/// </summary>
/// <remarks>Nengo equivalent: <c>nengo.solvers.Solver</c>. See NEF.md §5.</remarks>
public abstract record Solver
{
    /// <summary>Creates the description.</summary>
    /// <param name="weights">Solve a full weight matrix instead of decoders.</param>
    protected Solver(bool weights) { Weights = weights; }

    /// <summary>
    /// When true (Ensemble → Ensemble only) the connection becomes an n_post × n_pre weight matrix that
    /// writes straight into the post neurons' current.
    /// </summary>
    public bool Weights { get; }

    /// <summary>
    /// True when the solver works in function space and the builder composes
    /// encoders·transform·decoders for <see cref="Weights"/>; false when it solves the full weights itself.
    /// </summary>
    public virtual bool Compositional => true;
}

/// <summary>
/// Least squares with L2 regularisation: σ = reg·max(A); solves (AᵀA + m·σ²·I)·X = AᵀY by Cholesky
/// (the dual form when there are fewer eval points than neurons). The default solver.
/// </summary>
public sealed record LstsqL2 : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="reg">Regularisation as a fraction of the largest activity, ≥ 0 (default 0.1).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    /// <exception cref="ValidationError">When reg is negative or not finite.</exception>
    public LstsqL2(double reg = 0.1, bool weights = false) : base(weights)
    {
        Reg = Check.NonNegative(reg, nameof(LstsqL2), nameof(reg));
    }

    /// <summary>Regularisation as a fraction of the largest activity.</summary>
    public double Reg { get; }
}

/// <summary>
/// L2-regularised least squares with a per-neuron σᵢ = reg·max|A|·sqrt(fraction of eval points where
/// neuron i is active); silent neurons get the largest σ.
/// </summary>
public sealed record LstsqL2nz : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="reg">Regularisation, ≥ 0 (default 0.1).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    /// <exception cref="ValidationError">When reg is negative or not finite.</exception>
    public LstsqL2nz(double reg = 0.1, bool weights = false) : base(weights)
    {
        Reg = Check.NonNegative(reg, nameof(LstsqL2nz), nameof(reg));
    }

    /// <summary>Regularisation as a fraction of the largest activity.</summary>
    public double Reg { get; }
}
