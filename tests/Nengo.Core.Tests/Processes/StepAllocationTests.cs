using NUnit.Framework;

namespace Nengo.Core.Tests.Processes;

/// <summary>The built-in processes' step functions allocate nothing per step (everything is preallocated in MakeStep).</summary>
[TestFixture]
public class StepAllocationTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new WhiteNoise(), 0, 4).SetArgDisplayNames("WhiteNoise");
        yield return new TestCaseData(new WhiteNoise(new Uniform(-1, 1)), 0, 4).SetArgDisplayNames("WhiteNoise-Uniform");
        yield return new TestCaseData(new FilteredNoise(), 0, 4).SetArgDisplayNames("FilteredNoise");
        yield return new TestCaseData(new FilteredNoise(new Alpha(0.01)), 0, 4).SetArgDisplayNames("FilteredNoise-Alpha");
        yield return new TestCaseData(new BrownNoise(), 0, 4).SetArgDisplayNames("BrownNoise");
        yield return new TestCaseData(new WhiteSignal(1, 10, y0: 0), 0, 4).SetArgDisplayNames("WhiteSignal");
        yield return new TestCaseData(new PresentInput(new double[,] { { 1, 2 }, { 3, 4 } }, 0.01), 0, 2).SetArgDisplayNames("PresentInput");
        yield return new TestCaseData(new Piecewise(new Dictionary<double, double> { [0] = 1, [0.5] = 2 }), 0, 1).SetArgDisplayNames("Piecewise");
        yield return new TestCaseData(new Piecewise(new Dictionary<double, double> { [0] = 1, [0.5] = 2 }, "linear"), 0, 1).SetArgDisplayNames("Piecewise-linear");
        yield return new TestCaseData(new Triangle(0.01), 3, 3).SetArgDisplayNames("Triangle");
    }

    [TestCaseSource(nameof(Cases))]
    public void Step_DoesNotAllocate(Process process, int sizeIn, int sizeOut)
    {
        const double dt = 0.001;
        var step = process.MakeStep(sizeIn, sizeOut, dt, new Random(1));
        var x = new double[sizeIn];
        var y = new double[sizeOut];
        for (int k = 1; k <= 100; k++) { x.AsSpan().Fill(k); step(k * dt, x, y); } // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 101; k <= 2100; k++) { x.AsSpan().Fill(k); step(k * dt, x, y); }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.EqualTo(0), $"{process}: bytes allocated over 2000 steps");
    }
}
