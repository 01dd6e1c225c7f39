using System.Net;
using System.Net.Sockets;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Protocol;

namespace Nengo.Backends.SpiNNaker.Backend;

/// <summary>
/// The host end of node I/O (SPINNAKER.md §2.8, §4.9): a UDP socket of its own, bound to the port IP tag 1 points at
/// (IPTAG SET with IP 0, i.e. the host that sent the command, before any run; CLEAR on dispose), a receive loop that
/// keeps the latest vector each SDP transmitter core sent, and fire-and-forget SDP port-1 messages to SDP receiver cores
/// (16-byte SCP-shaped header of zeros, then n_dims S16.15 words) through the SCP connection.
/// </summary>
internal sealed class NodeIoLink : IDisposable
{
    private readonly MachineController _mc;
    private readonly Socket _socket;
    private readonly Thread _thread;
    private readonly object _lock = new();
    private readonly Dictionary<(byte X, byte Y, byte Cpu), (int[] Values, long Count)> _latest = [];
    private volatile bool _disposed;

    /// <param name="mc">The board's controller (its SCP connection carries outgoing node values).</param>
    /// <param name="bind">The local address to listen on (loopback for the emulator, any for a real board).</param>
    /// <exception cref="SpiNNakerException">When the board refuses the IP tag.</exception>
    public NodeIoLink(MachineController mc, IPAddress bind)
    {
        _mc = mc;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(bind, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _thread = new Thread(Receive) { IsBackground = true, Name = "SpiNNaker node I/O" };
        _thread.Start();
        try { _mc.IpTagSet(SdpTransmitterData.Tag, Port); }
        catch { Dispose(); throw; }
    }

    /// <summary>The local UDP port IP tag 1 points at.</summary>
    public int Port { get; }

    /// <summary>Messages from transmitters that were not well-formed tag-1 SDP (ignored).</summary>
    public long Malformed { get; private set; }

    private void Receive()
    {
        var buf = new byte[2048];
        while (!_disposed)
        {
            try
            {
                if (!_socket.Poll(50_000, SelectMode.SelectRead)) continue;
                int n = _socket.Receive(buf);
                Accept(buf.AsSpan(0, n));
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { return; }
        }
    }

    /// <summary>One datagram: 2 pad bytes + SDP header (tag 1) + cmd_rc, seq, three args + n_dims int32, source = (src_x, src_y, src_cpu).</summary>
    private void Accept(ReadOnlySpan<byte> datagram)
    {
        SdpPacket sdp;
        try { sdp = SdpPacket.FromDatagram(datagram); }
        catch (FormatException) { lock (_lock) Malformed++; return; }
        if (sdp.Header.Tag != SdpTransmitterData.Tag || sdp.Payload.Length < 16 || (sdp.Payload.Length - 16) % 4 != 0) { lock (_lock) Malformed++; return; }
        var values = new int[(sdp.Payload.Length - 16) / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BitConverter.ToInt32(sdp.Payload, 16 + 4 * i);
        var key = (sdp.Header.SrcX, sdp.Header.SrcY, sdp.Header.SrcCpu);
        lock (_lock)
        {
            long count = _latest.TryGetValue(key, out var old) ? old.Count : 0;
            _latest[key] = (values, count + 1);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The latest vector from the transmitter on core (x, y, cpu), as doubles, or null before the first.</summary>
    public double[]? Latest(byte x, byte y, byte cpu)
    {
        lock (_lock) return _latest.TryGetValue((x, y, cpu), out var v) && v.Values.Length > 0 ? v.Values.Select(FixedPoint.ToDouble).ToArray() : null;
    }

    /// <summary>Forgets the vectors received so far (a reloaded model starts from zero input); message counts run on.</summary>
    public void ForgetValues()
    {
        lock (_lock) foreach (var k in _latest.Keys.ToList()) _latest[k] = ([], _latest[k].Count);
    }

    /// <summary>Waits until every given transmitter has sent at least <paramref name="count"/> messages since this link opened (lockstep).</summary>
    /// <exception cref="SpiNNakerException">When they do not arrive within <paramref name="timeout"/>.</exception>
    public void WaitFor(IReadOnlyList<(byte X, byte Y, byte Cpu)> sources, long count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_lock)
            foreach (var s in sources)
                while (!_latest.TryGetValue(s, out var v) || v.Count < count)
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                        throw new SpiNNakerException($"The SDP transmitter on chip ({s.X}, {s.Y}) core {s.Cpu} sent {(_latest.TryGetValue(s, out var w) ? w.Count : 0)} of {count} messages within {timeout.TotalSeconds} s (UDP port {Port}, IP tag {SdpTransmitterData.Tag}).");
                    Monitor.Wait(_lock, left);
                }
    }

    /// <summary>Sends one SDP port-1 message (no reply) to the receiver on core (x, y, cpu).</summary>
    public void Send(byte x, byte y, byte cpu, double[] values)
    {
        var payload = new byte[16 + 4 * values.Length];
        for (int i = 0; i < values.Length; i++) BitConverter.TryWriteBytes(payload.AsSpan(16 + 4 * i), FixedPoint.ToFixed(values[i]));
        _mc.Connection.SendNoReply(new SdpPacket(SdpHeader.ToBoard(x, y, cpu, SdpReceiverData.Port, replyExpected: false), payload));
    }

    /// <summary>Clears IP tag 1 (best effort) and closes the socket.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try { _mc.IpTagClear(SdpTransmitterData.Tag); } catch (SpiNNakerException) { } catch (ObjectDisposedException) { }
        _thread.Join(1000);
        _socket.Dispose();
    }
}
