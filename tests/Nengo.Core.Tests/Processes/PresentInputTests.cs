using NUnit.Framework;

namespace Nengo.Core.Tests.Processes;

/// <summary>PresentInput: the item shown at each step (NEF.md §6).</summary>
[TestFixture]
public class PresentInputTests
{
    [Test]
    public void EachItemStartsTheStepAfterABoundary_AndCycles()
    {
        var inputs = new double[,] { { 1, 10 }, { 2, 20 }, { 3, 30 } };
        var y = new PresentInput(inputs, 0.003).Run(12, dt: 0.001);
        int[] expectedItem = [0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 0];
        for (int k = 0; k < 12; k++)
        {
            Assert.That(y[k, 0], Is.EqualTo(inputs[expectedItem[k], 0]), $"step {k + 1}");
            Assert.That(y[k, 1], Is.EqualTo(inputs[expectedItem[k], 1]), $"step {k + 1}");
        }
    }

    [Test]
    public void LongRun_BoundariesAreExact([Values(0.1, 0.05, 0.3)] double pt)
    {
        var inputs = new double[,] { { 0 }, { 1 }, { 2 }, { 3 } };
        const double dt = 0.001;
        int per = (int)Math.Round(pt / dt), steps = per * 4 * 5;
        var y = new PresentInput(inputs, pt).Run(steps, dt: dt);
        for (int k = 0; k < steps; k++)
            Assert.That(y[k, 0], Is.EqualTo((k / per) % 4), $"step {k + 1}");
    }

    [Test]
    public void DefaultSizeOut_IsTheItemSize_AndSizesAreChecked()
    {
        var p = new PresentInput(new double[,] { { 1, 2, 3 } }, 0.1);
        Assert.That(p.DefaultSizeOut, Is.EqualTo(3));
        Assert.That(p.Items, Is.EqualTo(1));
        Expect.Validation(() => p.MakeStep(0, 2, 0.001, new Random(0)), "PresentInput", "sizeOut", "(3)", "got 2");
        Expect.Validation(() => new PresentInput(new double[,] { { 1 } }, 0), "PresentInput", "presentationTime", "got 0");
        Expect.Validation(() => new PresentInput(new double[0, 2], 0.1), "PresentInput", "inputs");
        Expect.Validation(() => new PresentInput(new double[,] { { double.NaN } }, 0.1), "PresentInput", "inputs", "finite");
    }

    [Test]
    public void InputsAreCopied()
    {
        var inputs = new double[,] { { 1 } };
        var p = new PresentInput(inputs, 0.1);
        inputs[0, 0] = 5;
        Assert.That(p.Run(1)[0, 0], Is.EqualTo(1));
    }
}
