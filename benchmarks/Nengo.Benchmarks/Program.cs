using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nengo;
using Nengo.Benchmarks;
using Nengo.Benchmarks.Models;

// The benchmark suite of BENCHMARKS.md: one JSON line per model run.
//   dotnet run -c Release --project benchmarks/Nengo.Benchmarks -- [--model NAME ...] [--backend cpu] [--precision float64] [--repeat N] [--decoder-cache DIR]
// A model a backend cannot run (NotSupportedByBackendError, e.g. outside the SpiNNaker subset) gives a line with "unsupported".
var models = new List<string>();
string backendName = "cpu";
string? precisionArg = null;
int repeat = 1;
double? simSeconds = null;
int? threads = null;
bool profile = false;
bool printModel = false;
Nengo.Builder.Caching.DecoderCache? decoderCache = null;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--model": models.Add(Next()); break;
        case "--backend": backendName = Next(); break;
        case "--precision": precisionArg = Next(); break;
        case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--profile": profile = true; break;
        case "--print-model": printModel = true; break;
        case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--sim-s": simSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--decoder-cache": decoderCache = new Nengo.Builder.Caching.DecoderCache(Next()); break;
        case "--bandwidth":
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["measurement"] = "triad_bandwidth", ["bytes_per_s"] = Math.Round(Bandwidth.MeasureTriad()), ["threads"] = Environment.ProcessorCount }));
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["measurement"] = "read_bandwidth", ["bytes_per_s"] = Math.Round(Bandwidth.MeasureRead()), ["threads"] = Environment.ProcessorCount }));
            return 0;
        case "--help" or "-h":
            Console.WriteLine("usage: --model NAME (repeatable; default: the whole suite) --backend cpu|opencl|spinnaker-emulated --precision float64|float32|s16.15 --repeat N --sim-s S (simulated seconds instead of the model's; for steadier timings, the metric is then not the suite's) --threads N (cpu) --profile (cpu: time per operator type, to stderr) --print-model (the operator graph, to stderr) --decoder-cache DIR | --bandwidth");
            Console.WriteLine("models: " + string.Join(", ", Suite.Names));
            return 0;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
string precision = precisionArg ?? backendName switch { "opencl" => "float32", "spinnaker-emulated" => "s16.15", _ => "float64" };
try { Suite.Backend(backendName, precision); }
catch (Exception e) { Console.Error.WriteLine(e.Message); return 2; }
if (models.Count == 0) models.AddRange(Suite.Names);
foreach (var name in models)
{
    if (!Suite.Names.Contains(name)) { Console.Error.WriteLine($"--model {name}: unknown; the models are {string.Join(", ", Suite.Names)}"); return 2; }
    var shortest = Suite.Create(name).MinSimSeconds;
    if (simSeconds is { } s && !(s >= shortest))
    {
        Console.Error.WriteLine($"--sim-s {s.ToString(CultureInfo.InvariantCulture)}: model {name} is scored over a window that ends at {shortest.ToString(CultureInfo.InvariantCulture)} s; give at least that");
        return 2;
    }
}

foreach (var name in models)
{
    for (int r = 0; r < repeat; r++)
    {
        var model = Suite.Create(name);
        var net = model.Build();
        var backend = Suite.Backend(backendName, precision, threads, profile);
        var sw = Stopwatch.StartNew();
        long hitsBefore = decoderCache?.Hits ?? 0;
        Simulator built;
        try { built = new Simulator(net, backend: backend, decoderCache: decoderCache); }
        catch (NotSupportedByBackendError e)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["model"] = name, ["backend"] = backendName, ["precision"] = precision, ["unsupported"] = e.Message,
            }));
            break;
        }
        using var sim = built;
        double buildS = sw.Elapsed.TotalSeconds;
        // The build's garbage, idle pool threads and JIT work still in flight are not the run's: collect and settle
        // before timing it. (With tiered compilation, which this project turns off, a background thread recompiled
        // hundreds of build methods for up to a second after each build and took a core from the run.)
        GC.Collect();
        GC.WaitForPendingFinalizers();
        JitQuiescence.Wait();
        sw.Restart();
        double seconds = simSeconds ?? model.SimSeconds;
        sim.Run(seconds);
        double runS = sw.Elapsed.TotalSeconds;
        double value = model.Score(sim, runS);
        if (profile) Console.Error.Write(sim.PlanReport());
        if (printModel) Console.Error.Write(sim.Model.ToString());
        var line = new Dictionary<string, object>
        {
            ["model"] = name, ["backend"] = backendName, ["precision"] = precision, ["neurons"] = net.NNeurons,
            ["build_s"] = Math.Round(buildS, 4), ["run_s"] = Math.Round(runS, 4), ["sim_s"] = seconds,
            ["steps_per_s"] = Math.Round(sim.Steps / runS, 1), ["realtime"] = Math.Round(seconds / runS, 3),
            ["metric"] = model.Metric, ["value"] = value,
        };
        if (decoderCache is not null) line["decoder_cache_hits"] = decoderCache.Hits - hitsBefore;
        Console.WriteLine(JsonSerializer.Serialize(line));
    }
}
return 0;
