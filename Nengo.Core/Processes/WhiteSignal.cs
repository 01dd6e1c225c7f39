using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Nengo;

/// <summary>
/// A band-limited, periodic, Gaussian-like random signal: random Fourier coefficients up to <see cref="High"/>
/// Hz, transformed once into one period that is then repeated. Its standard deviation is ≈ <see cref="Rms"/>.
/// </summary>
/// <remarks>
/// <para>Nengo equivalent: <c>nengo.processes.WhiteSignal(period, high, rms=0.5, y0=None)</c> (NEF.md §6).</para>
/// <para>
/// <see cref="MakeStep"/> builds the whole period, for each dimension independently, as follows. Let
/// N = ⌈period/dt/2⌉ and L = 2N (the number of samples in one period).
/// </para>
/// <list type="number">
/// <item>Draw complex coefficients for the N + 1 non-negative frequency bins: first all the imaginary parts,
/// then all the real parts (each block bin-major, dimension-minor), every component ~ N(0, rms²/2).</item>
/// <item>Zero the DC bin, the imaginary part of the last (Nyquist) bin, and every bin whose frequency
/// k·(1/(L·dt)) (numpy's <c>rfftfreq</c>) exceeds <see cref="High"/>.</item>
/// <item>Divide by √(1 − zeroed/N), where zeroed counts the bins above <see cref="High"/> (power
/// correction), and multiply by √L.</item>
/// <item>Inverse real FFT of length L with numpy's 1/L normalisation: the Hermitian extension
/// X[L − k] = conj(X[k]) is transformed with <see cref="Fourier.Inverse(Complex[], FourierOptions)"/> and the
/// real part kept.</item>
/// <item>If <see cref="Y0"/> is set: find the first sample s[m] closest to y0 and rotate the period left by
/// m − 1, i.e. r[i] = s[(i + m − 1) mod L].</item>
/// </list>
/// <para>
/// The output at time t is r[round(t/dt) mod L]. The first simulated step is t = dt, i.e. index 1, which after
/// the rotation is s[m]: the sample closest to y0 is the first output, as Nengo specifies. Without
/// <see cref="Y0"/> the first output is s[1] and s[0] is output at t = L·dt, 2L·dt, … (so the signal is
/// periodic with period L·dt, which is <see cref="Period"/> rounded up to an even number of steps).
/// </para>
/// <para>The step allocates nothing; the period (L × d values) is kept in memory.</para>
/// </remarks>
public sealed class WhiteSignal : Process
{
    /// <summary>Creates the process.</summary>
    /// <param name="period">The period of the signal in seconds (&gt; 0).</param>
    /// <param name="high">The cut-off frequency in Hz (≥ 1/period; at build time also ≤ the Nyquist frequency 0.5/dt).</param>
    /// <param name="rms">The root-mean-square power (standard deviation) of the signal (&gt; 0).</param>
    /// <param name="y0">When set, every dimension starts at its sample closest to this value.</param>
    /// <exception cref="ValidationError">When a parameter is not finite or out of range, or high &lt; 1/period.</exception>
    public WhiteSignal(double period, double high, double rms = 0.5, double? y0 = null)
    {
        Check.Positive(period, "WhiteSignal", nameof(period));
        Check.Positive(high, "WhiteSignal", nameof(high));
        Check.Positive(rms, "WhiteSignal", nameof(rms));
        Check.That(high >= 1.0 / period, "WhiteSignal", nameof(high),
            $"must be >= 1/period = {Check.Show(1.0 / period)} Hz (the lowest non-zero frequency of a signal with period {Check.Show(period)} s)", high);
        if (y0 is { } v) Check.That(double.IsFinite(v), "WhiteSignal", nameof(y0), "must be a finite number (or null)", v);
        Period = period;
        High = high;
        Rms = rms;
        Y0 = y0;
    }

    /// <summary>The period in seconds.</summary>
    public double Period { get; }

    /// <summary>The cut-off frequency in Hz.</summary>
    public double High { get; }

    /// <summary>The root-mean-square power of the signal.</summary>
    public double Rms { get; }

    /// <summary>When set, the value each dimension starts closest to.</summary>
    public double? Y0 { get; }

    /// <inheritdoc />
    /// <exception cref="ValidationError">
    /// When <paramref name="sizeIn"/> is not 0, <paramref name="sizeOut"/> is not positive, dt is not positive,
    /// or <see cref="High"/> exceeds the Nyquist frequency 0.5/dt.
    /// </exception>
    public override ProcessStep MakeStep(int sizeIn, int sizeOut, double dt, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        string owner = ToString();
        ProcessChecks.Source(owner, sizeIn, sizeOut, dt);
        double nyquist = 0.5 / dt;
        Check.That(High <= nyquist, owner, "high",
            $"must not exceed the Nyquist frequency 0.5/dt = {Check.Show(nyquist)} Hz for dt = {Check.Show(dt)} s (use a smaller dt or a lower high)", High);

        double[] signal = Generate(sizeOut, dt, rng, out int length);
        int d = sizeOut;
        return (t, x, y) =>
        {
            long k = (long)Math.Round(t / dt) % length;
            if (k < 0) k += length;
            signal.AsSpan((int)k * d, d).CopyTo(y);
        };
    }

    /// <summary>One period, row-major (sample-major): L × d values.</summary>
    private double[] Generate(int d, double dt, Random rng, out int length)
    {
        double half = Math.Ceiling(Period / dt / 2.0);
        if (!(half <= (int.MaxValue / 2 - 1) / (double)d))
            throw new ValidationError($"{this}: period/dt = {Check.Show(Period / dt)} steps is too long to hold one period in memory (dt = {Check.Show(dt)} s).");
        int n = (int)half;
        length = 2 * n;
        int bins = n + 1;
        double sigma = Rms / Math.Sqrt(2.0);

        var im = new double[bins * d];
        var re = new double[bins * d];
        for (int i = 0; i < im.Length; i++) im[i] = sigma * rng.NextGaussian();
        for (int i = 0; i < re.Length; i++) re[i] = sigma * rng.NextGaussian();

        double binWidth = 1.0 / (length * dt); // numpy rfftfreq: k * (1 / (n * d))
        var keep = new bool[bins];
        int zeroed = 0;
        for (int k = 0; k < bins; k++)
        {
            keep[k] = !(k * binWidth > High);
            if (!keep[k]) zeroed++;
        }
        double correction = Math.Sqrt(1.0 - (double)zeroed / n);
        double factor = Math.Sqrt((double)length) / (correction > 0 ? correction : 1.0);

        var signal = new double[length * d];
        var spectrum = new Complex[length];
        var column = new double[length];
        for (int j = 0; j < d; j++)
        {
            Array.Clear(spectrum);
            for (int k = 1; k < bins; k++)
            {
                if (!keep[k]) continue;
                double a = re[k * d + j] * factor;
                double b = k == n ? 0.0 : im[k * d + j] * factor;
                spectrum[k] = new Complex(a, b);
                if (k < n) spectrum[length - k] = new Complex(a, -b);
            }
            Fourier.Inverse(spectrum, FourierOptions.Matlab); // exp(+i…), 1/L: numpy's ifft
            for (int i = 0; i < length; i++) column[i] = spectrum[i].Real;

            int start = 1; // with no y0, r = s: index 1 (t = dt) is s[1]
            if (Y0 is { } y0)
            {
                int best = 0;
                double bestDist = double.PositiveInfinity;
                for (int i = 0; i < length; i++)
                {
                    double dist = Math.Abs(y0 - column[i]);
                    if (dist < bestDist) { bestDist = dist; best = i; }
                }
                start = best;
            }
            // r[i] = s[(i + start − 1) mod L], so that r[1] = s[start].
            for (int i = 0; i < length; i++)
            {
                int src = (int)(((long)i + start - 1 + length) % length);
                signal[i * d + j] = column[src];
            }
        }
        return signal;
    }

    /// <summary>Nengo-like text, e.g. <c>WhiteSignal(period=10, high=5, rms=0.5)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"WhiteSignal(period={Check.Show(Period)}, high={Check.Show(High)}, rms={Check.Show(Rms)}" +
        (Y0 is { } y0 ? $", y0={Check.Show(y0)})" : ")");
}
