using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Benchmarks;

/// <summary>One model of the suite (BENCHMARKS.md): how to build it, how long to run it, how to score it.</summary>
internal abstract class BenchmarkModel
{
    public abstract string Name { get; }
    public abstract double SimSeconds { get; }
    public abstract string Metric { get; }

    /// <summary>The shortest run the metric can be computed from (the end of its scoring window).</summary>
    public virtual double MinSimSeconds => SimSeconds;

    /// <summary>Builds the network; the returned probes are scored by <see cref="Score"/>.</summary>
    public abstract Network Build();

    /// <summary>The accuracy figure, from the simulator after the run.</summary>
    public abstract double Score(Simulator sim, double runSeconds);

    /// <summary>Step n (1-based) of a time t, per the suite's conventions: round(t/dt).</summary>
    protected static int StepOf(double t, double dt = 0.001) => (int)Math.Round(t / dt);

    /// <summary>Row index (0-based) of step n.</summary>
    protected static int Row(int step) => step - 1;

    /// <summary>The ideal signal u[k] = f((k+1)·dt) through the given chain of delayed Lowpass filters.</summary>
    protected static double[] Ideal(int steps, Func<double, double> f, params double[] taus)
    {
        var y = new double[steps];
        for (int k = 0; k < steps; k++) y[k] = f((k + 1) * 0.001);
        foreach (double tau in taus)
        {
            double a = Math.Exp(-0.001 / tau);
            var z = new double[steps];
            for (int k = 0; k + 1 < steps; k++) z[k + 1] = a * z[k] + (1 - a) * y[k];
            y = z;
        }
        return y;
    }

    protected static double Rmse(Matrix<double> data, int column, double[] ideal, int fromRow)
    {
        double s = 0; int n = 0;
        for (int i = fromRow; i < data.RowCount; i++) { double d = data[i, column] - ideal[i]; s += d * d; n++; }
        return Math.Sqrt(s / n);
    }
}
