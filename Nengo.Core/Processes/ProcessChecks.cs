namespace Nengo;

/// <summary>The argument checks shared by the built-in processes' <c>MakeStep</c>.</summary>
internal static class ProcessChecks
{
    /// <summary>A signal source: no input, a positive output size (equal to <paramref name="requiredOut"/> when given), a positive dt.</summary>
    public static void Source(string owner, int sizeIn, int sizeOut, double dt, int? requiredOut = null)
    {
        Check.That(sizeIn == 0, owner, nameof(sizeIn), "must be 0 (this process is a signal source and takes no input)", sizeIn);
        if (requiredOut is { } r)
            Check.That(sizeOut == r, owner, nameof(sizeOut), $"must equal the size of the process's values ({r})", sizeOut);
        else
            Check.Positive(sizeOut, owner, nameof(sizeOut));
        Check.Positive(dt, owner, nameof(dt));
    }
}
