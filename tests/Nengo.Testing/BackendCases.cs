using NUnit.Framework;

namespace Nengo.Testing;

/// <summary>
/// The backends every behavioural fixture runs on (<c>[TestFixtureSource(typeof(BackendCases), nameof(BackendCases.All))]</c>).
/// The CPU always runs. Set <c>NENGO_TEST_BACKENDS</c> (comma-separated names) to run a subset.
/// </summary>
public static class BackendCases
{
    /// <summary>Every known backend case, as NUnit fixture data.</summary>
    public static IEnumerable<TestFixtureData> All
    {
        get
        {
            var only = Environment.GetEnvironmentVariable("NENGO_TEST_BACKENDS")?
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var c in Known)
            {
                if (only is { Length: > 0 } && !only.Contains(c.Name, StringComparer.OrdinalIgnoreCase)) continue;
                yield return new TestFixtureData(c).SetArgDisplayNames(c.Name);
            }
        }
    }

    /// <summary>The backend cases known to the suite.</summary>
    public static IReadOnlyList<BackendCase> Known { get; } = [BackendCase.Cpu, BackendCase.Cpu32, OpenCLBackendCase.Single, OpenCLBackendCase.Double, SpiNNakerBackendCase.Case];
}
