using System.Reflection;
using System.Text;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// The OpenCL C of every kernel, embedded in the assembly (one <c>.cl</c> file per operator, beside its
/// <c>…Kernel.cs</c>), concatenated into the one program each model compiles. The source does not depend
/// on the model (sizes and offsets come from index tables), so a driver's program cache (e.g. POCL's
/// kernel cache) serves every model after the first.
/// </summary>
internal static class KernelSources
{
    private const string Prefix = "Nengo.Backends.OpenCL.Kernels.";

    private static readonly Lazy<string> All = new(Load);

    /// <summary>The full program source.</summary>
    public static string Program => All.Value;

    /// <summary>The shared header (<c>Common.cl</c>): the <c>real</c> type and the ragged-block macros.</summary>
    public static string Common => Read(typeof(KernelSources).Assembly, Prefix + "Common.cl");

    /// <summary>The compiler options for <paramref name="precision"/>.</summary>
    /// <param name="precision">float32 or float64.</param>
    /// <returns>The options.</returns>
    public static string Options(OpenCLPrecision precision) =>
        "-cl-std=CL1.2" + (precision == OpenCLPrecision.Double ? " -D NENGO_DOUBLE" : "");

    private static string Load()
    {
        var assembly = typeof(KernelSources).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".cl", StringComparison.Ordinal))
            .OrderBy(n => n.EndsWith(".Common.cl", StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToArray();
        var sb = new StringBuilder();
        foreach (var name in names)
        {
            sb.Append("// ---- ").Append(name[Prefix.Length..]).Append('\n');
            sb.Append(Read(assembly, name)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing kernel source {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
