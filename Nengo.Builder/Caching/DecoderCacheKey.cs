using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;

namespace Nengo.Builder.Caching;

/// <summary>
/// The <see cref="DecoderCache"/> key: a SHA-256 over a versioned description of everything that determines a
/// decoder solve. Descriptions (solver, implementation, neuron type) are written as their type names and every
/// public property, recursively and in name order, with numbers in round-trip form and arrays element by
/// element; matrices and vectors are hashed as their raw doubles.
/// </summary>
internal static class DecoderCacheKey
{
    private const string Format = "NengoSharp decoder cache key v1";

    /// <summary>The key of one solve.</summary>
    /// <param name="solver">The solver description.</param>
    /// <param name="implementation">The implementation that will solve it.</param>
    /// <param name="ensemble">The pre ensemble (neuron type, radius, gains, biases, encoders).</param>
    /// <param name="points">The eval points.</param>
    /// <param name="targets">The targets given to the solver.</param>
    /// <param name="seed">The connection's seed (the solver's random generator starts from it).</param>
    /// <param name="evalPointSource">How the eval points were drawn (affects the generator's state), or null.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] Compute(Solver solver, object implementation, BuiltEnsemble ensemble, Matrix<double> points,
        Matrix<double> targets, int seed, string? evalPointSource)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder(Format).Append('\n');
        Describe(text, solver, 0);
        text.Append('\n').Append(implementation.GetType().FullName).Append('\n');
        Describe(text, ensemble.NeuronType, 0);
        text.Append('\n').Append(ensemble.Radius.ToString("R", CultureInfo.InvariantCulture))
            .Append('\n').Append(seed.ToString(CultureInfo.InvariantCulture))
            .Append('\n').Append(evalPointSource ?? "ensemble eval points").Append('\n');
        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        Append(hash, ensemble.Gain);
        Append(hash, ensemble.Bias);
        Append(hash, ensemble.Encoders);
        Append(hash, points);
        Append(hash, targets);
        return hash.GetHashAndReset();
    }

    private static void Append(IncrementalHash hash, Matrix<double> m)
    {
        Span<int> shape = [m.RowCount, m.ColumnCount];
        hash.AppendData(MemoryMarshal.AsBytes(shape));
        hash.AppendData(MemoryMarshal.AsBytes((m.AsColumnMajorArray() ?? m.ToColumnMajorArray()).AsSpan()));
    }

    private static void Append(IncrementalHash hash, Vector<double> v)
    {
        Span<int> shape = [v.Count];
        hash.AppendData(MemoryMarshal.AsBytes(shape));
        hash.AppendData(MemoryMarshal.AsBytes((v.AsArray() ?? v.ToArray()).AsSpan()));
    }

    private static void Describe(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null: text.Append("null"); return;
            case double d: text.Append(d.ToString("R", CultureInfo.InvariantCulture)); return;
            case float f: text.Append(f.ToString("R", CultureInfo.InvariantCulture)); return;
            case IFormattable or string or bool or Enum: text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); return;
            case Delegate del: text.Append("delegate ").Append(del.Method.DeclaringType?.FullName).Append('.').Append(del.Method.Name); return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items) { Describe(text, item, depth + 1); text.Append(','); }
                text.Append(']');
                return;
        }
        var type = value.GetType();
        text.Append(type.FullName);
        if (depth > 4) return;
        text.Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append('=');
            Describe(text, property.GetValue(value), depth + 1);
            text.Append(';');
        }
        text.Append('}');
    }
}
