namespace Nengo.Backends;

/// <summary>Creates a backend by name; registered in a DI container by each backend's <c>Add…Backend()</c>.</summary>
public interface IBackendFactory
{
    /// <summary>The name users choose it by, e.g. "cpu".</summary>
    string Name { get; }

    /// <summary>Creates a fresh backend instance.</summary>
    /// <returns>The backend.</returns>
    IBackend Create();
}
