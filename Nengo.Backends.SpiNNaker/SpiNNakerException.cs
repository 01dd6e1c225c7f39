namespace Nengo.Backends.SpiNNaker;

/// <summary>
/// A failure talking to a SpiNNaker board (or its emulator): a timeout, an SCP return code other than OK,
/// or a board state that makes the run impossible.
/// </summary>
/// <remarks>Nengo equivalent: rig's <c>SCPError</c> / <c>FatalReturnCodeError</c> / <c>TimeoutError</c>.</remarks>
public sealed class SpiNNakerException : SimulationError
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the command and chip.</param>
    /// <param name="command">The SCP command that failed, or null.</param>
    /// <param name="returnCode">The SCP return code the board answered, or null (timeouts).</param>
    public SpiNNakerException(string message, Protocol.ScpCommand? command = null, Protocol.ScpReturnCode? returnCode = null)
        : base(message) { Command = command; ReturnCode = returnCode; }

    /// <summary>The SCP command that failed, or null.</summary>
    public Protocol.ScpCommand? Command { get; }

    /// <summary>The return code the board answered, or null when it did not answer.</summary>
    public Protocol.ScpReturnCode? ReturnCode { get; }
}
