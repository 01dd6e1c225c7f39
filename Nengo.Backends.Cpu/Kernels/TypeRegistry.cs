namespace Nengo.Backends.Cpu.Kernels;

/// <summary>Looks a factory up by type, walking base types (so <c>Lowpass</c> uses the <c>LinearFilter</c> kernel).</summary>
internal static class TypeRegistry
{
    public static bool TryFind<TValue>(this Dictionary<Type, TValue> registry, Type type, out TValue value)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
            if (registry.TryGetValue(t, out value!)) return true;
        value = default!;
        return false;
    }
}
