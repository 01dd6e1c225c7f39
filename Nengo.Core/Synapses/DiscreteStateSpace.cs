namespace Nengo;

/// <summary>
/// A single-input single-output discrete linear system, the form in which every backend steps a
/// synapse, so that they all agree on the discretisation and on the order of operations.
/// </summary>
/// <remarks>
/// <para>
/// <b>Reference per-call semantics</b> (one call per simulator step, state starting at zero; see
/// <see cref="Step"/>). Given the input u of this step:
/// </para>
/// <list type="bullet">
/// <item><b>No state</b> (<see cref="Order"/> = 0): y = D·u. A pure gain (e.g. <c>Lowpass(0)</c>, D = 1).</item>
/// <item><b>Strictly proper</b> (D = 0 exactly, at least one state): <i>update, then output</i>:
/// x ← A·x + B·u; y = C·x. The current input reaches the output in the same call.</item>
/// <item><b>With feed-through</b> (D ≠ 0, at least one state): <i>output, then update</i>:
/// y = C·x + D·u; x ← A·x + B·u. Here the current input reaches the output through D.</item>
/// </list>
/// <para>
/// These are Nengo's step functions (NEF.md §3). Zero-order hold puts a one-step delay between the
/// input and the state; for D = 0 Nengo advances the input by one step to remove it, and for D ≠ 0 it
/// does not. Implementations may rescale the state when there is a single state and D = 0
/// (x' = C·x: x' ← a·x' + (C·B)·u; y = x'), which differs from the reference only by rounding.
/// </para>
/// <para>
/// Example: <c>Lowpass(0.005)</c> at dt = 0.001 has A = [[a]], a = e^(−0.2) = 0.81873075, B = [τ(1 − a)],
/// C = [1/τ], D = 0; driven by u = 1 it outputs 0.18126925, 0.32967995, 0.45118836, ...
/// i.e. y[k] = a·y[k−1] + (1 − a)·u[k]. On a connection or probe the simulator adds one more step of
/// delay on top of this (the synapse runs in "update" mode); that delay is not part of this type.
/// </para>
/// </remarks>
/// <param name="A">State matrix, order × order (row-major).</param>
/// <param name="B">Input vector, length order.</param>
/// <param name="C">Output vector, length order.</param>
/// <param name="D">Feed-through gain.</param>
public sealed record DiscreteStateSpace(double[,] A, double[] B, double[] C, double D)
{
    /// <summary>The number of states.</summary>
    public int Order => B.Length;

    /// <summary>
    /// True when D is exactly 0: the step is "update, then output" (see the type's remarks).
    /// </summary>
    public bool IsStrictlyProper => D == 0;

    /// <summary>
    /// Advances the system by one step with the reference semantics (see the type's remarks):
    /// with no state, y = D·u; when D = 0, x ← A·x + B·u then y = C·x; otherwise y = C·x + D·u then
    /// x ← A·x + B·u.
    /// </summary>
    /// <param name="state">The state x, length <see cref="Order"/>, updated in place. Starts at zero in a simulation.</param>
    /// <param name="u">The input of this step.</param>
    /// <returns>The output of this step.</returns>
    /// <exception cref="ArgumentException">When <paramref name="state"/> does not have length <see cref="Order"/>.</exception>
    public double Step(Span<double> state, double u)
    {
        int n = Order;
        if (state.Length != n)
            throw new ArgumentException($"The state must have length {n}, got {state.Length}.", nameof(state));
        if (n == 0) return D * u;

        double y = 0;
        if (D != 0)
        {
            for (int i = 0; i < n; i++) y += C[i] * state[i];
            y += D * u;
        }

        Span<double> next = n <= 32 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = B[i] * u;
            for (int j = 0; j < n; j++) s += A[i, j] * state[j];
            next[i] = s;
        }
        next.CopyTo(state);

        if (D == 0)
            for (int i = 0; i < n; i++) y += C[i] * state[i];
        return y;
    }
}
