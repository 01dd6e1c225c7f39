namespace Nengo.Conformance.Tests.Transforms;

/// <summary>A distribution that returns r[i, j] = 1000·i + j and remembers the shape it was asked for.</summary>
internal sealed record IndexDistribution : Distribution
{
    public List<(int N, int D)> Calls { get; } = [];

    protected override double[,] SampleCore(int n, int d, Random rng)
    {
        Calls.Add((n, d));
        var r = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) r[i, j] = 1000.0 * i + j;
        return r;
    }
}
