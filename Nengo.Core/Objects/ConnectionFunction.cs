namespace Nengo;

/// <summary>
/// The function a connection computes, wrapped so the builder (evaluating targets at eval points) and
/// the backends (evaluating it every step for Node and Direct pres) call it the same way. It checks
/// the size and finiteness of what the user returns and names the connection in every error.
/// </summary>
public sealed class ConnectionFunction
{
    private readonly Func<double[], double[]>? _vector;
    private readonly Func<double[], double>? _toScalar;
    private readonly Func<double, double>? _scalar;
    private readonly double[] _x;

    internal ConnectionFunction(Func<double, double> f, int sizeIn) : this(sizeIn) { _scalar = f; }

    internal ConnectionFunction(Func<double[], double[]> f, int sizeIn) : this(sizeIn) { _vector = f; }

    internal ConnectionFunction(Func<double[], double> f, int sizeIn) : this(sizeIn) { _toScalar = f; }

    private ConnectionFunction(int sizeIn) { SizeIn = sizeIn; _x = new double[sizeIn]; Owner = "Connection"; }

    /// <summary>The connection, for messages.</summary>
    public string Owner { get; private set; }

    /// <summary>The size of the (sliced) pre value the function receives.</summary>
    public int SizeIn { get; }

    /// <summary>The size of the function's output (size_mid), inferred by one call at construction.</summary>
    public int SizeOut { get; private set; }

    /// <summary>True when the user gave a scalar function <c>Func&lt;double, double&gt;</c>.</summary>
    public bool IsScalar => _scalar is not null;

    internal void Bind(string owner, double[] firstPoint)
    {
        Owner = owner;
        if (_scalar is not null && SizeIn != 1)
            throw new ValidationError($"{owner}: a scalar function (Func<double, double>) needs a 1-dimensional pre, got {SizeIn} dimensions; use Func<double[], double[]>.");
        double[] y;
        try { y = EvaluateUnchecked(firstPoint); }
        catch (Exception e) when (e is not NengoException)
        {
            throw new ValidationError($"{owner}: function failed when called on {Check.Show(firstPoint)} to determine its output size: {e.GetType().Name}: {e.Message}", e);
        }
        Check.That(y is { Length: > 0 }, owner, "function", "must return at least one value", y);
        Check.That(y.All(double.IsFinite), owner, "function", $"must return finite values (called on {Check.Show(firstPoint)})", y);
        SizeOut = y.Length;
    }

    private double[] EvaluateUnchecked(double[] x) =>
        _scalar is not null ? [_scalar(x[0])] : _toScalar is not null ? [_toScalar(x)] : _vector!(x);

    /// <summary>Evaluates the function on one point (used at build time for decoder targets).</summary>
    /// <param name="x">The point (radius-scaled, sliced).</param>
    /// <returns>The function's value, length <see cref="SizeOut"/>.</returns>
    /// <exception cref="BuildError">When the function throws, returns the wrong size or a non-finite value.</exception>
    public double[] Evaluate(double[] x)
    {
        double[] y;
        try { y = EvaluateUnchecked((double[])x.Clone()); }
        catch (Exception e) when (e is not NengoException)
        {
            throw new BuildError($"{Owner}: function threw on {Check.Show(x)}: {e.GetType().Name}: {e.Message}", e);
        }
        if (y is null || y.Length != SizeOut)
            throw new BuildError($"{Owner}: function must always return {SizeOut} values, got {(y is null ? "null" : y.Length.ToString())} for {Check.Show(x)}.");
        foreach (double v in y)
            if (!double.IsFinite(v)) throw new BuildError($"{Owner}: function must return finite values, got {Check.Show(v)} for {Check.Show(x)}.");
        return y;
    }

    /// <summary>Evaluates the function during a run (Node and Direct pres), writing into <paramref name="output"/>.</summary>
    /// <param name="x">The sliced pre value.</param>
    /// <param name="output">Receives the value.</param>
    /// <exception cref="SimulationError">When the function throws or returns a bad value.</exception>
    public void Invoke(ReadOnlySpan<double> x, Span<double> output)
    {
        try
        {
            if (_scalar is not null) { output[0] = _scalar(x[0]); }
            else
            {
                x.CopyTo(_x);
                if (_toScalar is not null) output[0] = _toScalar(_x);
                else
                {
                    var y = _vector!(_x);
                    if (y is null || y.Length != output.Length)
                        throw new SimulationError($"{Owner}: function must return {output.Length} values, got {(y is null ? "null" : y.Length.ToString())}.");
                    y.CopyTo(output);
                }
            }
        }
        catch (NengoException) { throw; }
        catch (Exception e) { throw new SimulationError($"{Owner}: function threw: {e.GetType().Name}: {e.Message}", e); }
        foreach (double v in output)
            if (!double.IsFinite(v)) throw new SimulationError($"{Owner}: function must return finite values, got {Check.Show(v)}.");
    }
}
