namespace Nengo;

/// <summary>Base of every exception NengoSharp raises on purpose.</summary>
/// <remarks>Nengo equivalent: <c>nengo.exceptions.NengoException</c>.</remarks>
public class NengoException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, naming the object, the parameter, the value and what is allowed.</param>
    /// <param name="inner">The exception that caused this one, if any.</param>
    public NengoException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A user-supplied value is not allowed (raised at the call that is wrong).</summary>
public class ValidationError : NengoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="inner">The cause, if any.</param>
    public ValidationError(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The network cannot be compiled into a model (raised while building a simulator).</summary>
public class BuildError : NengoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="inner">The cause, if any.</param>
    public BuildError(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Something went wrong while the model was running (a Node threw, a NaN appeared, the simulator was closed).</summary>
public class SimulationError : NengoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="inner">The cause, if any.</param>
    public SimulationError(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A backend was asked for something it deliberately does not support.</summary>
public class NotSupportedByBackendError : BuildError
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message, naming the backend and the feature.</param>
    public NotSupportedByBackendError(string message) : base(message) { }
}
