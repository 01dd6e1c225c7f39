using System.Net;
using System.Net.Sockets;

namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>
/// A UDP connection to SC&amp;MP on one board: sends SCP requests with sequence numbers and waits for the matching
/// reply, resending on timeout and on RC_SUM / RC_P2P_BUSY only (SPINNAKER.md §2.9, §6.5). Late or duplicated
/// replies with other sequence numbers are ignored. Every request is bounded: at most
/// <see cref="ScpOptions.Tries"/> transmissions of <see cref="ScpOptions.Timeout"/> each.
/// </summary>
/// <remarks>Nengo equivalent: rig's <c>SCPConnection.send_scp</c> with a window of one outstanding packet.</remarks>
public sealed class ScpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly IPEndPoint _board;
    private readonly ScpOptions _options;
    private readonly byte[] _buffer = new byte[1024];
    private readonly object _lock = new();
    private ushort _seq;

    /// <summary>Opens a socket towards <paramref name="board"/>.</summary>
    /// <param name="board">The board's IP address and SCP port.</param>
    /// <param name="options">Timeouts and retries.</param>
    public ScpConnection(IPEndPoint board, ScpOptions options)
    {
        _board = board; _options = options;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(board.Address.Equals(IPAddress.Loopback) ? IPAddress.Loopback : IPAddress.Any, 0));
    }

    /// <summary>The board endpoint.</summary>
    public IPEndPoint Board => _board;

    /// <summary>Requests sent, counting retransmissions (for diagnostics and fault tests).</summary>
    public int Transmissions { get; private set; }

    /// <summary>Sends one request and returns its reply.</summary>
    /// <param name="x">Chip x (255 with y 255 = the root chip).</param>
    /// <param name="y">Chip y.</param>
    /// <param name="cpu">Virtual core.</param>
    /// <param name="command">The command.</param>
    /// <param name="arg1">Argument 1.</param>
    /// <param name="arg2">Argument 2.</param>
    /// <param name="arg3">Argument 3.</param>
    /// <param name="data">Data (at most 256 bytes).</param>
    /// <param name="replyArgs">How many argument words the reply carries.</param>
    /// <param name="tries">Transmissions (default <see cref="ScpOptions.Tries"/>).</param>
    /// <returns>The OK reply.</returns>
    /// <exception cref="SpiNNakerException">On a timeout after every try or a fatal return code.</exception>
    public ScpPacket Send(byte x, byte y, byte cpu, ScpCommand command, uint arg1 = 0, uint arg2 = 0, uint arg3 = 0,
        byte[]? data = null, int replyArgs = 0, int? tries = null)
    {
        lock (_lock)
        {
            ushort seq = _seq++;
            var request = new SdpPacket(SdpHeader.ToBoard(x, y, cpu), ScpPacket.Request(command, seq, arg1, arg2, arg3, data).Encode()).ToDatagram();
            int n = tries ?? _options.Tries;
            ScpReturnCode? last = null;
            for (int attempt = 0; attempt < n; attempt++)
            {
                _socket.SendTo(request, _board);
                Transmissions++;
                var reply = AwaitReply(seq, replyArgs);
                if (reply is null) continue;
                var rc = reply.ReturnCode;
                if (rc == ScpReturnCode.Ok) return reply;
                if (rc is ScpReturnCode.Sum or ScpReturnCode.P2PBusy) { last = rc; continue; }
                throw new SpiNNakerException($"SCP {command} to chip ({x}, {y}) core {cpu} failed with {rc} (0x{(ushort)rc:X2}).", command, rc);
            }
            throw new SpiNNakerException(last is { } l
                ? $"SCP {command} to chip ({x}, {y}) core {cpu}: board kept answering {l} after {n} tries."
                : $"SCP {command} to chip ({x}, {y}) core {cpu}: no reply from {_board} after {n} tries of {_options.Timeout.TotalSeconds:0.###} s.",
                command, last);
        }
    }

    private ScpPacket? AwaitReply(ushort seq, int replyArgs)
    {
        var deadline = DateTime.UtcNow + _options.Timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            if (!_socket.Poll((int)Math.Max(1, left.TotalMicroseconds), SelectMode.SelectRead)) return null;
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int len;
            try { len = _socket.ReceiveFrom(_buffer, ref from); }
            catch (SocketException) { continue; } // ICMP port unreachable on loopback: treat as a lost reply
            if (!from.Equals(_board)) continue;
            SdpPacket sdp;
            try { sdp = SdpPacket.FromDatagram(_buffer.AsSpan(0, len)); } catch (FormatException) { continue; }
            if (sdp.Payload.Length < 4) continue;
            var scp = ScpPacket.Decode(sdp.Payload, replyArgs);
            if (scp.Seq == seq) return scp; // anything else is a late duplicate of an earlier request
        }
    }

    /// <summary>Sends one SDP datagram that expects no reply (node input to a core).</summary>
    /// <param name="packet">The packet (flags 0x07).</param>
    public void SendNoReply(SdpPacket packet)
    {
        lock (_lock) _socket.SendTo(packet.ToDatagram(), _board);
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
