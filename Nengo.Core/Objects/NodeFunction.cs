namespace Nengo;

/// <summary>
/// A node's output function, wrapped so that every backend calls it the same way and without
/// allocating on our side: <see cref="Invoke"/> writes into a caller-owned span, checks the size and
/// finiteness of what the user returned, and wraps any exception in a <see cref="SimulationError"/>
/// that names the node.
/// </summary>
public abstract class NodeFunction
{
    private protected NodeFunction(string owner, int sizeIn) { Owner = owner; SizeIn = sizeIn; }

    /// <summary>The node, for messages.</summary>
    public string Owner { get; internal set; }

    /// <summary>Input size (0 for functions of time only).</summary>
    public int SizeIn { get; }

    /// <summary>Output size, inferred by calling the function once at t = 0.</summary>
    public int SizeOut { get; private protected set; }

    /// <summary>Evaluates the function at time <paramref name="t"/> with input <paramref name="x"/>.</summary>
    /// <param name="t">Simulation time (s), step·dt.</param>
    /// <param name="x">The node's input (length <see cref="SizeIn"/>).</param>
    /// <param name="output">Receives the output (length <see cref="SizeOut"/>).</param>
    /// <exception cref="SimulationError">When the function throws, returns the wrong size, or a non-finite value.</exception>
    public void Invoke(double t, ReadOnlySpan<double> x, Span<double> output)
    {
        try
        {
            InvokeCore(t, x, output);
        }
        catch (NengoException) { throw; }
        catch (Exception e)
        {
            throw new SimulationError($"{Owner}: the output function threw at t = {Check.Show(t)}: {e.GetType().Name}: {e.Message}", e);
        }
        for (int i = 0; i < output.Length; i++)
        {
            if (!double.IsFinite(output[i]))
                throw new SimulationError($"{Owner}: the output function must return finite values, got {Check.Show(output[i])} in dimension {i} at t = {Check.Show(t)}.");
        }
    }

    /// <summary>Calls the user function.</summary>
    /// <param name="t">Time.</param>
    /// <param name="x">Input.</param>
    /// <param name="output">Output.</param>
    protected abstract void InvokeCore(double t, ReadOnlySpan<double> x, Span<double> output);

    private protected void CopyChecked(double[]? result, Span<double> output, double t)
    {
        if (result is null || result.Length != output.Length)
            throw new SimulationError($"{Owner}: the output function must return {output.Length} values, got {(result is null ? "null" : result.Length.ToString())} at t = {Check.Show(t)}.");
        result.CopyTo(output);
    }

    internal static NodeFunction Of(string owner, Func<double, double> f) => new ScalarOfTime(owner, f);
    internal static NodeFunction Of(string owner, Func<double, double[]> f) => new VectorOfTime(owner, f);
    internal static NodeFunction Of(string owner, int sizeIn, Func<double, double[], double[]> f) => new VectorOfTimeInput(owner, sizeIn, f);
    internal static NodeFunction Of(string owner, int sizeIn, Func<double, double[], double> f) => new ScalarOfTimeInput(owner, sizeIn, f);

    /// <summary>Calls the function once at t = 0 with zero input to learn its output size (as Nengo does).</summary>
    /// <exception cref="ValidationError">When that call fails or returns non-finite values.</exception>
    private protected int Probe(Func<double[]?> call)
    {
        double[]? r;
        try { r = call(); }
        catch (Exception e) { throw new ValidationError($"{Owner}: output function failed when called at t = 0 to determine its size: {e.GetType().Name}: {e.Message}", e); }
        if (r is null) throw new ValidationError($"{Owner}: output function returned null at t = 0; it must return an array of values.");
        Check.That(r.All(double.IsFinite), Owner, "output", "must return finite values", r);
        return r.Length;
    }

    private sealed class ScalarOfTime : NodeFunction
    {
        private readonly Func<double, double> _f;
        public ScalarOfTime(string owner, Func<double, double> f) : base(owner, 0) { _f = f; SizeOut = Probe(() => [f(0.0)]); }
        protected override void InvokeCore(double t, ReadOnlySpan<double> x, Span<double> output) => output[0] = _f(t);
    }

    private sealed class VectorOfTime : NodeFunction
    {
        private readonly Func<double, double[]> _f;
        public VectorOfTime(string owner, Func<double, double[]> f) : base(owner, 0) { _f = f; SizeOut = Probe(() => f(0.0)); }
        protected override void InvokeCore(double t, ReadOnlySpan<double> x, Span<double> output) => CopyChecked(_f(t), output, t);
    }

    private sealed class VectorOfTimeInput : NodeFunction
    {
        private readonly Func<double, double[], double[]> _f;
        private readonly double[] _x;
        public VectorOfTimeInput(string owner, int sizeIn, Func<double, double[], double[]> f) : base(owner, sizeIn)
        {
            _f = f; _x = new double[sizeIn]; SizeOut = Probe(() => f(0.0, new double[sizeIn]));
        }
        protected override void InvokeCore(double t, ReadOnlySpan<double> x, Span<double> output)
        {
            x.CopyTo(_x); // the user gets a copy it may modify, as in Nengo
            CopyChecked(_f(t, _x), output, t);
        }
    }

    private sealed class ScalarOfTimeInput : NodeFunction
    {
        private readonly Func<double, double[], double> _f;
        private readonly double[] _x;
        public ScalarOfTimeInput(string owner, int sizeIn, Func<double, double[], double> f) : base(owner, sizeIn)
        {
            _f = f; _x = new double[sizeIn]; SizeOut = Probe(() => [f(0.0, new double[sizeIn])]);
        }
        protected override void InvokeCore(double t, ReadOnlySpan<double> x, Span<double> output)
        {
            x.CopyTo(_x);
            output[0] = _f(t, _x);
        }
    }
}
