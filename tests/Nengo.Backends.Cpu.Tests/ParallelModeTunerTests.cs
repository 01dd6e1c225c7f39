using Nengo.Backends.Cpu.Scheduling;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>The serial/parallel choice made while running, fed synthetic step times (windows of 16 steps, no minimum duration).</summary>
public sealed class ParallelModeTunerTests
{
    /// <summary>Runs <paramref name="steps"/> steps whose time is cost(step, parallel); returns the mode of every step.</summary>
    private static bool[] Drive(int steps, Func<int, bool, long> cost, bool startParallel = false)
    {
        var tuner = new ParallelModeTuner(windowTicks: 0, startParallel);
        var modes = new bool[steps];
        for (int i = 0; i < steps; i++)
        {
            modes[i] = tuner.Parallel;
            tuner.Record(cost(i, modes[i]));
        }
        return modes;
    }

    private static double ParallelShare(bool[] modes, int from, int to) => modes[from..to].Count(p => p) / (double)(to - from);

    [Test]
    public void FasterWorkers_AreKept()
    {
        var modes = Drive(5000, (_, parallel) => parallel ? 60 : 100);
        Assert.That(ParallelShare(modes, 0, 5000), Is.GreaterThan(0.9));
    }

    [Test]
    public void SlowerWorkers_AreDropped()
    {
        var modes = Drive(5000, (_, parallel) => parallel ? 160 : 100);
        Assert.That(ParallelShare(modes, 0, 5000), Is.LessThan(0.05));
    }

    [Test]
    public void StallsCount_EvenWhenTheTypicalStepIsFaster()
    {
        // Parallel steps are faster except one in ten, which stalls for a time slice: 0.9·60 + 0.1·2000 = 254 > 100.
        var modes = Drive(5000, (i, parallel) => parallel ? (i % 10 == 0 ? 2000 : 60) : 100);
        Assert.That(ParallelShare(modes, 0, 5000), Is.LessThan(0.1));
    }

    [Test]
    public void AMachineThatGetsBusy_IsFollowedWithinAFewWindows()
    {
        var modes = Drive(6000, (i, parallel) => parallel ? (i < 3000 ? 60 : 300) : 100);
        Assert.That(ParallelShare(modes, 1000, 3000), Is.GreaterThan(0.9), "before: the workers are faster");
        Assert.That(modes[3100..3200].Any(p => p), Is.False, "100 steps after the change the calling thread runs alone");
    }

    [Test]
    public void OneSlowWakeUp_DoesNotEndTheExploration()
    {
        // The first parallel steps after the serial window: one takes 40× longer (a worker waking up), the rest are fast.
        int firstParallel = -1;
        var modes = Drive(5000, (i, parallel) =>
        {
            if (!parallel) return 100;
            if (firstParallel < 0) firstParallel = i;
            return i == firstParallel + 6 ? 4000 : 60;
        });
        Assert.That(ParallelShare(modes, 0, 5000), Is.GreaterThan(0.9));
    }

    [Test]
    public void StartedOnTheWorkers_TheyRunEveryStepUntilTheFirstCheck()
    {
        var modes = Drive(5000, (_, parallel) => parallel ? 60 : 100, startParallel: true);
        Assert.That(modes[..ParallelModeTuner.FirstCheck].All(p => p), Is.True, "no step on the calling thread before the first check");
        Assert.That(modes[ParallelModeTuner.FirstCheck..(ParallelModeTuner.FirstCheck + 40)].Any(p => !p), Is.True, "the calling thread is measured at the first check");
        Assert.That(ParallelShare(modes, 0, 5000), Is.GreaterThan(0.97));
    }

    [Test]
    public void StartedOnTheWorkers_SlowerWorkersAreDroppedAtTheFirstCheck()
    {
        var modes = Drive(5000, (_, parallel) => parallel ? 160 : 100, startParallel: true);
        Assert.That(modes[..ParallelModeTuner.FirstCheck].All(p => p), Is.True);
        Assert.That(ParallelShare(modes, ParallelModeTuner.FirstCheck + 40, 5000), Is.LessThan(0.05));
    }
}
