namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>Looks a registration up by type, walking base types (so <c>Lowpass</c> finds <c>LinearFilter</c>).</summary>
internal static class TypeRegistry
{
    /// <summary>Finds the registration of <paramref name="type"/> or its nearest registered base type.</summary>
    /// <typeparam name="TValue">The registered value.</typeparam>
    /// <param name="registry">The registry.</param>
    /// <param name="type">The type to look up.</param>
    /// <param name="key">The registered type that matched.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether one was found.</returns>
    public static bool TryFind<TValue>(this Dictionary<Type, TValue> registry, Type type, out Type key, out TValue value)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (registry.TryGetValue(t, out value!))
            {
                key = t;
                return true;
            }
        }
        key = type;
        value = default!;
        return false;
    }
}
