namespace Nengo;

/// <summary>
/// Draws one d-vector per step from a distribution into a caller's buffer, as
/// <c>dist.Sample(1, d, rng)</c> would. <see cref="Gaussian"/> and <see cref="Uniform"/> are drawn directly,
/// with the same formulas and draw order as their <c>SampleCore</c> (so the stream is identical) and without
/// allocating; any other distribution goes through <see cref="Distribution.Sample(int, int, Random)"/>, which
/// allocates one 1×d array per step.
/// </summary>
internal sealed class NoiseSampler
{
    private readonly Distribution _dist;
    private readonly int _d;

    public NoiseSampler(Distribution dist, int d)
    {
        _dist = dist;
        _d = d;
    }

    /// <summary>Writes the next sample into y[0..d).</summary>
    public void Fill(Span<double> y, Random rng)
    {
        switch (_dist)
        {
            case Gaussian g:
                for (int j = 0; j < _d; j++) y[j] = g.Mean + g.Std * rng.NextGaussian();
                break;
            case Uniform { Integer: false } u:
                for (int j = 0; j < _d; j++) y[j] = rng.NextUniform(u.Low, u.High);
                break;
            default:
                var s = _dist.Sample(1, _d, rng);
                for (int j = 0; j < _d; j++) y[j] = s[0, j];
                break;
        }
    }
}
