using Nengo.Backends;
using Nengo.Backends.Cpu;

namespace Nengo.Testing;

/// <summary>
/// One backend the behavioural suite runs against: how to create it, how much looser than float64 its
/// numbers may be, and which tests it deliberately does not support (each with a reason).
/// </summary>
/// <param name="Name">Display name, e.g. "Cpu".</param>
/// <param name="Create">Creates a fresh backend.</param>
/// <param name="ToleranceScale">Multiplies every behavioural tolerance (1 for float64 CPU).</param>
/// <param name="Unsupported">Test-name glob (<c>*</c> wildcard) → the reason it cannot pass on this backend.</param>
public sealed record BackendCase(string Name, Func<IBackend> Create, double ToleranceScale, IReadOnlyDictionary<string, string> Unsupported)
{
    /// <summary>The reference backend: float64, everything supported.</summary>
    public static BackendCase Cpu { get; } = new("Cpu", () => new CpuBackend(), 1.0, new Dictionary<string, string>());

    /// <summary>
    /// The CPU in float32 ("Cpu32"): every behavioural test at the reference's tolerances; the float64-exact identities
    /// (<see cref="Float64Exact"/>) are checked by the float64 case instead.
    /// </summary>
    public static BackendCase Cpu32 { get; } = new("Cpu32", () => new CpuBackend(precision: CpuPrecision.Single), 1.0,
        new Dictionary<string, string>(Float64Exact.Tests.ToDictionary(t => t, _ => Float64Exact.Reason))
        {
            // The OpenCL float32 case skips every Poisson test (no device generator); here only this one compares at 1e-9.
            ["Poisson_LifRate_TotalWithin4Sigma_NegativeWithTanh"] = Float64Exact.Reason + " (the wrapped LIFRate's rate_out against its formula at 1e-9)",
        });

    /// <summary>The reason <paramref name="testName"/> is unsupported, or null.</summary>
    /// <param name="testName">The test's method name.</param>
    /// <returns>The reason or null.</returns>
    public string? UnsupportedReason(string testName)
    {
        foreach (var (glob, reason) in Unsupported)
        {
            var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace("\\*", ".*") + "$";
            if (System.Text.RegularExpressions.Regex.IsMatch(testName, pattern)) return reason;
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
