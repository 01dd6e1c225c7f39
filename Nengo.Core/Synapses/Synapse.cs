namespace Nengo;

/// <summary>
/// A linear filter applied to a signal crossing a connection or entering a probe. Synapses are
/// immutable descriptions; on a connection or probe they add exactly one step of delay (NEF.md §3).
/// </summary>
public abstract class Synapse : Process
{
    /// <inheritdoc />
    public override int DefaultSizeIn => 1;


    /// <summary>Filters a signal offline (rows = time steps, columns filtered independently), from a zero state, with no extra delay.</summary>
    /// <param name="x">The input, steps × dims.</param>
    /// <param name="dt">Time step.</param>
    /// <returns>The filtered signal.</returns>
    public double[,] Filt(double[,] x, double dt = 0.001)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var step = MakeStep(d, d, dt, new Random(0));
        var u = new double[d];
        var y = new double[d];
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) u[j] = x[i, j];
            step((i + 1) * dt, u, y);
            for (int j = 0; j < d; j++) r[i, j] = y[j];
        }
        return r;
    }
}
