namespace Nengo;

/// <summary>Unregularised least squares by SVD pseudo-inverse, singular values below rcond·max dropped.</summary>
public sealed record Lstsq : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="rcond">Relative cut-off for small singular values (≥ 0, default 0.01).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public Lstsq(double rcond = 0.01, bool weights = false) : base(weights) { Rcond = Check.NonNegative(rcond, nameof(Lstsq), nameof(rcond)); }

    /// <summary>Relative cut-off for small singular values.</summary>
    public double Rcond { get; }
}

/// <summary>Least squares on activities with additive Gaussian noise of std noise·max|A|, then σ = 0.</summary>
public sealed record LstsqNoise : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="noise">Noise std as a fraction of the largest activity (≥ 0, default 0.1).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public LstsqNoise(double noise = 0.1, bool weights = false) : base(weights) { Noise = Check.NonNegative(noise, nameof(LstsqNoise), nameof(noise)); }

    /// <summary>Noise std as a fraction of the largest activity.</summary>
    public double Noise { get; }
}

/// <summary>Least squares on activities with multiplicative Gaussian noise A + A ⊙ N(0, noise²), then σ = 0.</summary>
public sealed record LstsqMultNoise : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="noise">Relative noise std (≥ 0, default 0.1).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public LstsqMultNoise(double noise = 0.1, bool weights = false) : base(weights) { Noise = Check.NonNegative(noise, nameof(LstsqMultNoise), nameof(noise)); }

    /// <summary>Relative noise std.</summary>
    public double Noise { get; }
}

/// <summary>L1- and L2-regularised least squares (elastic net by coordinate descent): sparse decoders.</summary>
public sealed record LstsqL1 : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="l1">L1 weight, as a fraction of max activity (≥ 0, default 1e-4).</param>
    /// <param name="l2">L2 weight, as a fraction of max activity squared (≥ 0, default 1e-6).</param>
    /// <param name="maxIter">Coordinate descent iterations (&gt; 0, default 1000).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public LstsqL1(double l1 = 1e-4, double l2 = 1e-6, int maxIter = 1000, bool weights = false) : base(weights)
    {
        L1 = Check.NonNegative(l1, nameof(LstsqL1), nameof(l1));
        L2 = Check.NonNegative(l2, nameof(LstsqL1), nameof(l2));
        MaxIter = Check.Positive(maxIter, nameof(LstsqL1), nameof(maxIter));
    }

    /// <summary>L1 weight.</summary>
    public double L1 { get; }
    /// <summary>L2 weight.</summary>
    public double L2 { get; }
    /// <summary>Iterations.</summary>
    public int MaxIter { get; }
    /// <inheritdoc />
    public override bool Compositional => false;
}

/// <summary>Solve, drop the smallest |decoders|, re-solve on the survivors: sparse decoders.</summary>
public sealed record LstsqDrop : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="drop">Fraction of decoders dropped (in [0, 1), default 0.25).</param>
    /// <param name="solver1">First-pass solver (default LstsqL2(reg: 0.001)).</param>
    /// <param name="solver2">Second-pass solver (default LstsqL2(reg: 0.1)).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public LstsqDrop(double drop = 0.25, Solver? solver1 = null, Solver? solver2 = null, bool weights = false) : base(weights)
    {
        Check.That(drop >= 0 && drop < 1, nameof(LstsqDrop), nameof(drop), "must be in [0, 1)", drop);
        Drop = drop;
        Solver1 = solver1 ?? new LstsqL2(0.001);
        Solver2 = solver2 ?? new LstsqL2(0.1);
    }

    /// <summary>Fraction dropped.</summary>
    public double Drop { get; }
    /// <summary>First-pass solver.</summary>
    public Solver Solver1 { get; }
    /// <summary>Second-pass solver.</summary>
    public Solver Solver2 { get; }
    /// <inheritdoc />
    public override bool Compositional => false;
}

/// <summary>Non-negative least squares (Lawson–Hanson): decoders ≥ 0.</summary>
public sealed record Nnls : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public Nnls(bool weights = false) : base(weights) { }
    /// <inheritdoc />
    public override bool Compositional => false;
}

/// <summary>Non-negative least squares with L2 regularisation σ = reg·max(A), on the normal equations; targets clipped at 0.</summary>
public sealed record NnlsL2 : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="reg">Regularisation (≥ 0, default 0.1).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public NnlsL2(double reg = 0.1, bool weights = false) : base(weights) { Reg = Check.NonNegative(reg, nameof(NnlsL2), nameof(reg)); }
    /// <summary>Regularisation.</summary>
    public double Reg { get; }
    /// <inheritdoc />
    public override bool Compositional => false;
}

/// <summary>Non-negative least squares with per-neuron σ as in <see cref="LstsqL2nz"/> (silent neurons get σ = 1).</summary>
/// <remarks>The default solver inside BasalGanglia.</remarks>
public sealed record NnlsL2nz : Solver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="reg">Regularisation (≥ 0, default 0.1).</param>
    /// <param name="weights">Solve full weights instead of decoders.</param>
    public NnlsL2nz(double reg = 0.1, bool weights = false) : base(weights) { Reg = Check.NonNegative(reg, nameof(NnlsL2nz), nameof(reg)); }
    /// <summary>Regularisation.</summary>
    public double Reg { get; }
    /// <inheritdoc />
    public override bool Compositional => false;
}

/// <summary>Uses given decoders (n × size_mid) instead of solving, or zeros when none are given.</summary>
public sealed record NoSolver : Solver
{
    private readonly double[,]? _values;

    /// <summary>Creates the solver.</summary>
    /// <param name="values">Decoders, n_neurons × size_mid (null: zeros).</param>
    /// <param name="weights">Compose the given decoders with the transform and the post encoders into a full weight matrix.</param>
    public NoSolver(double[,]? values = null, bool weights = false) : base(weights) { _values = (double[,]?)values?.Clone(); }

    /// <summary>The given decoders (a copy), or null.</summary>
    public double[,]? Values => (double[,]?)_values?.Clone();
}
