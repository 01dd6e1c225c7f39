using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Caching;
using Nengo.Builder.Numerics;
using Nengo.Graph;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>The on-disk decoder cache: hits are bit-identical and skip the solve, any change misses, damage is recovered from.</summary>
[TestFixture]
public class DecoderCacheTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("nengo-decoder-cache-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    public sealed record Variant(int Seed = 3, double Reg = 0.1, double TauRc = 0.02, double Radius = 1.0, int NEvalPoints = 300, bool Square = false);

    private static Network Make(Variant v)
    {
        var net = new Network("cache", seed: v.Seed);
        var a = net.Ensemble(60, 2, label: "a", radius: v.Radius, neuronType: new LIF(tauRc: v.TauRc), nEvalPoints: v.NEvalPoints);
        var b = net.Ensemble(40, 2, label: "b");
        if (v.Square) net.Connect(a, b, (double[] x) => new[] { x[0] * x[0], x[1] }, solver: new LstsqL2(v.Reg), label: "ab");
        else net.Connect(a, b, solver: new LstsqL2(v.Reg), label: "ab");
        return net;
    }

    private static double[] Weights(Model m) => m.Connections.Single(kv => kv.Key.Label == "ab").Value.Weights!.ToColumnMajorArray();

    [Test]
    public void AHitIsBitIdenticalAndSkipsTheSolve()
    {
        // A counting implementation (part of the key, so both builds use it) shows that a hit does not solve.
        var counting = new CountingSolver();
        var solvers = SolverRegistry.CreateDefault();
        solvers.Replace<LstsqL2>(counting);
        var cache = new DecoderCache(_dir);
        var cold = Weights(ModelBuilder.Build(Make(new Variant()), solvers: solvers, decoderCache: cache));
        Assert.That((cache.Hits, cache.Misses, counting.Calls), Is.EqualTo((0L, 1L, 1)));
        Assert.That(Directory.GetFiles(_dir, "*.ngdc"), Has.Length.EqualTo(1));

        var second = new DecoderCache(_dir);
        var warm = Weights(ModelBuilder.Build(Make(new Variant()), solvers: solvers, decoderCache: second));
        Assert.That((second.Hits, second.Misses, counting.Calls), Is.EqualTo((1L, 0L, 1)));
        Assert.That(warm.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(cold.Select(BitConverter.DoubleToInt64Bits)));
        var uncached = Weights(ModelBuilder.Build(Make(new Variant())));
        Assert.That(uncached, Is.EqualTo(cold));
    }

    private static IEnumerable<TestCaseData> Changes()
    {
        yield return new TestCaseData(new Variant(Seed: 4)).SetName("seed (gains, biases, encoders, points)");
        yield return new TestCaseData(new Variant(Reg: 0.05)).SetName("solver parameter");
        yield return new TestCaseData(new Variant(TauRc: 0.03)).SetName("neuron parameter");
        yield return new TestCaseData(new Variant(Radius: 2.0)).SetName("radius");
        yield return new TestCaseData(new Variant(NEvalPoints: 301)).SetName("number of eval points");
        yield return new TestCaseData(new Variant(Square: true)).SetName("function (targets)");
    }

    [TestCaseSource(nameof(Changes))]
    public void ChangingAnythingMisses(Variant changed)
    {
        var cache = new DecoderCache(_dir);
        ModelBuilder.Build(Make(new Variant()), decoderCache: cache);
        var fresh = Weights(ModelBuilder.Build(Make(changed), decoderCache: cache));
        Assert.That((cache.Hits, cache.Misses), Is.EqualTo((0L, 2L)));
        Assert.That(fresh, Is.EqualTo(Weights(ModelBuilder.Build(Make(changed)))));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void ACorruptOrTruncatedEntryIsRecomputedAndOverwritten(bool truncate)
    {
        var cache = new DecoderCache(_dir);
        var cold = Weights(ModelBuilder.Build(Make(new Variant()), decoderCache: cache));
        string file = Directory.GetFiles(_dir, "*.ngdc").Single();
        var bytes = File.ReadAllBytes(file);
        if (truncate) bytes = bytes[..(bytes.Length / 2)];
        else bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(file, bytes);

        var recovered = Weights(ModelBuilder.Build(Make(new Variant()), decoderCache: cache));
        Assert.That(recovered, Is.EqualTo(cold));
        Assert.That((cache.Hits, cache.Misses, cache.Corrupt), Is.EqualTo((0L, 2L, 1L)));
        Assert.That(Weights(ModelBuilder.Build(Make(new Variant()), decoderCache: cache)), Is.EqualTo(cold));
        Assert.That(cache.Hits, Is.EqualTo(1L), "the rewritten entry is valid");
    }

    [Test]
    public void TheLeastRecentlyUsedEntriesAreEvicted()
    {
        var cache = new DecoderCache(_dir, maxBytes: 1 << 20);
        var rng = new Random(1);
        var keys = new List<byte[]>();
        for (int i = 0; i < 10; i++)
        {
            var key = new byte[32];
            rng.NextBytes(key);
            keys.Add(key);
            var x = Matrix<double>.Build.Dense(200, 100, (r, c) => r + c + i);
            cache.Put(key, new SolverResult(x, new double[100]));
            File.SetLastWriteTimeUtc(Directory.GetFiles(_dir, Convert.ToHexString(key) + ".ngdc").Single(), DateTime.UtcNow.AddMinutes(i - 20));
            if (i == 3) Assert.That(cache.TryGet(keys[0], 200, 100, out _), Is.True, "refresh the oldest entry");
        }
        long total = new DirectoryInfo(_dir).GetFiles("*.ngdc").Sum(f => f.Length);
        Assert.That(total, Is.LessThanOrEqualTo(1 << 20));
        Assert.That(cache.TryGet(keys[9], 200, 100, out var last), Is.True);
        Assert.That(last.X[5, 7], Is.EqualTo(5 + 7 + 9));
        Assert.That(cache.TryGet(keys[1], 200, 100, out _), Is.False, "an old entry is gone");
        Assert.That(Directory.GetFiles(_dir, "*.tmp"), Is.Empty);
    }

    [Test]
    public void ConcurrentWritersAndReadersSeeWholeEntries()
    {
        var key = new byte[32];
        key[0] = 42;
        var x = Matrix<double>.Build.Dense(300, 16, (r, c) => r * 0.5 - c);
        Parallel.For(0, 40, i =>
        {
            var cache = new DecoderCache(_dir); // as if from different processes
            if (i % 2 == 0) cache.Put(key, new SolverResult(x, new double[16]));
            else if (cache.TryGet(key, 300, 16, out var got)) Assert.That(got.X.Equals(x), Is.True);
            Assert.That(cache.Corrupt, Is.Zero);
        });
        Assert.That(Directory.GetFiles(_dir, "*.tmp"), Is.Empty);
    }

    [Test]
    public void RejectsABadConfiguration()
    {
        var e = Assert.Throws<ValidationError>(() => _ = new DecoderCache(_dir, maxBytes: 10))!;
        Assert.That(e.Message, Does.Contain("maxBytes").And.Contain("10"));
        Assert.Throws<ValidationError>(() => _ = new DecoderCache(" "));
    }

    private sealed class CountingSolver : IDecoderSolver
    {
        private readonly LstsqL2Solver _inner = new();
        public int Calls;

        public SolverResult Solve(Solver solver, Matrix<double> A, Matrix<double> Y, Random rng)
        {
            Interlocked.Increment(ref Calls);
            return _inner.Solve(solver, A, Y, rng);
        }
    }
}
