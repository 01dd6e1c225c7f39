using MathNet.Numerics.LinearAlgebra;
using Nengo.Plotting;
using NUnit.Framework;

namespace Nengo.AnalysisTests;

[TestFixture]
public class PlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("nengo-plots-").FullName;

    [TearDown]
    public void DeleteDir() => Directory.Delete(_dir, recursive: true);

    private static void AssertPng(string path)
    {
        Assert.That(File.Exists(path), Is.True, path);
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes, Has.Length.GreaterThan(1000));
        Assert.That(bytes.Take(8), Is.EqualTo(PngSignature));
    }

    private static (double[] T, double[] Sin, Matrix<double> Spikes) Signals()
    {
        var t = Enumerable.Range(1, 200).Select(i => i * 0.001).ToArray();
        var sin = t.Select(x => Math.Sin(2 * Math.PI * 5 * x)).ToArray();
        var spikes = Matrix<double>.Build.Dense(200, 3, (i, j) => (i + 7 * j) % 25 == 0 ? 1000 : 0);
        return (t, sin, spikes);
    }

    [Test]
    public void TuningCurves_OneAndTwoDimensions()
    {
        var net = new Network(seed: 2);
        var a = net.Ensemble(8, dimensions: 1);
        var b = net.Ensemble(8, dimensions: 2, nEvalPoints: 200);
        using var sim = new Simulator(net);
        string p1 = Path.Combine(_dir, "tc1.png"), p2 = Path.Combine(_dir, "tc2.png"), p3 = Path.Combine(_dir, "rc.png");
        Plots.TuningCurves(p1, Analysis.TuningCurves(a, sim), "1-D");
        Plots.TuningCurves(p2, Analysis.TuningCurves(b, sim), "2-D");
        Plots.TuningCurves(p3, Analysis.ResponseCurves(b, sim), "response", xLabel: "x along the encoder");
        AssertPng(p1);
        AssertPng(p2);
        AssertPng(p3);
    }

    [Test]
    public void TimeSeriesPlots()
    {
        var (t, sin, spikes) = Signals();
        string decoded = Path.Combine(_dir, "decoded.png"), raster = Path.Combine(_dir, "raster.png");
        string both = Path.Combine(_dir, "both.png"), voltage = Path.Combine(_dir, "voltage.png");
        Plots.Decoded(decoded, t, [("sin", sin), ("cos", sin.Select(s => 1 - s).ToArray())], "decoded");
        Plots.SpikeRaster(raster, t, spikes, "raster");
        Plots.DecodedWithRaster(both, "decoded", t, [("sin", sin)], spikes, "raster");
        Plots.VoltageTrace(voltage, t, sin, sin.Select(Math.Abs).ToArray(), spikes.Column(0).ToArray(), "voltage");
        AssertPng(decoded);
        AssertPng(raster);
        AssertPng(both);
        AssertPng(voltage);
    }

    [Test]
    public void Curves_AndAMissingFolderIsCreated()
    {
        var x = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();
        string path = Path.Combine(_dir, "sub", "curves.png");
        Plots.Curves(path, "curves", "x", "y", x, [("x²", x.Select(v => v * v).ToArray()), (null, x)]);
        AssertPng(path);
    }

    [Test]
    public void MismatchedLengths_Throw()
    {
        var (t, sin, spikes) = Signals();
        string path = Path.Combine(_dir, "bad.png");
        var e = Assert.Throws<ValidationError>(() => Plots.Decoded(path, t, [("short", sin[..10])], "bad"))!;
        Assert.That(e.Message, Does.Contain("'short'").And.Contain("200").And.Contain("10"));
        Assert.Throws<ValidationError>(() => Plots.SpikeRaster(path, t[..50], spikes, "bad"));
        Assert.Throws<ValidationError>(() => Plots.VoltageTrace(path, t, sin, sin[..5], sin, "bad"));
        Assert.Throws<ValidationError>(() => Plots.Curves(path, "bad", "x", "y", t, [(null, sin[..3])]));
        Assert.That(File.Exists(path), Is.False);
    }
}
