using System.Globalization;

namespace Nengo;

/// <summary>
/// Guard helpers that make every argument error read alike:
/// <c>Ensemble 'x': nNeurons must be positive, got 0.</c>
/// </summary>
public static class Check
{
    /// <summary>Formats a value for an error message (invariant culture, arrays abbreviated).</summary>
    /// <param name="value">The value to show.</param>
    /// <returns>A short readable string.</returns>
    public static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double[] a => "[" + string.Join(", ", a.Take(8).Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) + (a.Length > 8 ? ", …" : "") + "]",
        int[] a => "[" + string.Join(", ", a.Take(8)) + (a.Length > 8 ? ", …" : "") + "]",
        double[,] m => $"a {m.GetLength(0)}x{m.GetLength(1)} matrix",
        string s => "'" + s + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    /// <summary>Builds the standard message <c>{owner}: {parameter} {rule}, got {value}.</c></summary>
    /// <param name="owner">The object, e.g. <c>Ensemble 'x'</c>.</param>
    /// <param name="parameter">The C# parameter name.</param>
    /// <param name="rule">What is allowed, e.g. "must be positive".</param>
    /// <param name="value">What was given.</param>
    /// <returns>The message.</returns>
    public static string Message(string owner, string parameter, string rule, object? value) =>
        $"{owner}: {parameter} {rule}, got {Show(value)}.";

    /// <summary>Throws a <see cref="ValidationError"/> unless the condition holds.</summary>
    /// <param name="condition">The condition that must hold.</param>
    /// <param name="owner">The object being validated.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <param name="rule">What is allowed.</param>
    /// <param name="value">What was given.</param>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <exception cref="ValidationError">When <paramref name="condition"/> is false.</exception>
    public static void That<T>(bool condition, string owner, string parameter, string rule, T value)
    {
        // Generic so that a passing check boxes nothing (it is called on the simulation's entry points).
        if (!condition) throw new ValidationError(Message(owner, parameter, rule, value));
    }

    /// <summary>Requires a strictly positive integer.</summary>
    /// <param name="value">The value.</param>
    /// <param name="owner">The object.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>The value.</returns>
    public static int Positive(int value, string owner, string parameter)
    {
        That(value > 0, owner, parameter, "must be positive", value);
        return value;
    }

    /// <summary>Requires a finite number, strictly positive.</summary>
    /// <param name="value">The value.</param>
    /// <param name="owner">The object.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>The value.</returns>
    public static double Positive(double value, string owner, string parameter)
    {
        That(double.IsFinite(value) && value > 0, owner, parameter, "must be a positive finite number", value);
        return value;
    }

    /// <summary>Requires a finite number that is zero or more.</summary>
    /// <param name="value">The value.</param>
    /// <param name="owner">The object.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>The value.</returns>
    public static double NonNegative(double value, string owner, string parameter)
    {
        That(double.IsFinite(value) && value >= 0, owner, parameter, "must be a finite number >= 0", value);
        return value;
    }

    /// <summary>Requires every element of an array to be finite.</summary>
    /// <param name="values">The values.</param>
    /// <param name="owner">The object.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>The values.</returns>
    public static double[] Finite(double[] values, string owner, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        That(values.All(double.IsFinite), owner, parameter, "must contain only finite numbers", values);
        return values;
    }
}
