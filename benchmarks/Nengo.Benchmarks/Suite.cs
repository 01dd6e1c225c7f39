using Nengo.Backends;
using Nengo.Backends.Cpu;
using Nengo.Benchmarks.Models;

namespace Nengo.Benchmarks;

/// <summary>The models of the suite by name, and the backends by name.</summary>
internal static class Suite
{
    public static readonly string[] Names =
        ["square", "comm-channel", "integrator", "oscillator", "basal-ganglia", "circconv", "scale-4", "scale-16", "scale-64", "scale-256", "pes"];

    public static BenchmarkModel Create(string name) => name switch
    {
        "square" => new Square(),
        "comm-channel" => new CommChannel(),
        "basal-ganglia" => new BasalGangliaModel(),
        "circconv" => new CircConvModel(),
        "integrator" => new IntegratorModel(),
        "oscillator" => new OscillatorModel(),
        "pes" => new PesModel(),
        _ when name.StartsWith("scale-", StringComparison.Ordinal) && int.TryParse(name[6..], out int k) && k > 0 => new ScaleModel(k),
        _ => throw new ArgumentException($"unknown model '{name}'; known: {string.Join(", ", Names)}"),
    };

    /// <summary>The backend of that name at that precision (spinnaker-emulated is the
    /// loopback board emulator with an 8 × 8-chip machine, S16.15 fixed point).</summary>
    public static IBackend Backend(string name, string precision, int? threads = null, bool profile = false) => (name, precision) switch
    {
        ("cpu", "float64") => new CpuBackend(threads, profile),
        ("cpu", "float32") => new CpuBackend(threads, profile, CpuPrecision.Single),
        ("opencl", "float32") => new Nengo.Backends.OpenCL.OpenCLBackend(Nengo.Backends.OpenCL.OpenCLPrecision.Single),
        ("opencl", "float64") => new Nengo.Backends.OpenCL.OpenCLBackend(Nengo.Backends.OpenCL.OpenCLPrecision.Double),
        ("spinnaker-emulated", "s16.15") => Nengo.Backends.SpiNNaker.SpiNNakerBackend.Emulated(8, 8),
        ("cpu" or "opencl" or "spinnaker-emulated", _) =>
            throw new ArgumentException($"backend '{name}' has no precision '{precision}' (cpu: float64, float32; opencl: float32, float64; spinnaker-emulated: s16.15)"),
        _ => throw new ArgumentException($"unknown backend '{name}'; known: cpu, opencl, spinnaker-emulated"),
    };
}
