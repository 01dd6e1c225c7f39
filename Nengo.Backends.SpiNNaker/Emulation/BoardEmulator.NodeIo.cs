using System.Buffers.Binary;
using Nengo.Backends.SpiNNaker.Applications;
using Nengo.Backends.SpiNNaker.Protocol;

namespace Nengo.Backends.SpiNNaker.Emulation;

public sealed partial class BoardEmulator
{
    private int? _steppedTick;
    private int _nodeMessages;

    /// <summary>
    /// Externally stepped clock (SPINNAKER.md §6.3): after SYNC1 the cores wait for <see cref="StepTick"/> instead of
    /// running their ticks on their own. The wire protocol is unchanged; only the stepping is this emulator-side API.
    /// Set it before a period is started.
    /// </summary>
    public bool ExternallyStepped { get; set; }

    /// <summary>
    /// The real-time clock of SPINNAKER.md §6.3: when set, a free-running period starts tick t at (t − 1) × this after
    /// SYNC1, like a board's timer (the machine timestep); null runs the ticks as fast as possible. Ignored while
    /// <see cref="ExternallyStepped"/>. The SpiNNaker backend drives node I/O against such a board in real time, as on
    /// hardware.
    /// </summary>
    public TimeSpan? TickPeriod { get; set; }

    /// <summary>Node I/O messages (SDP to application ports) received since the board started.</summary>
    public long NodeMessagesReceived { get; private set; }

    /// <summary>SDP messages sent to the host through IP tags by transmitter cores.</summary>
    public long TaggedMessagesSent { get; private set; }

    /// <summary>
    /// Runs the next tick of an externally stepped period once <paramref name="nodeMessages"/> node I/O messages have
    /// arrived since the previous tick (the host's values for this tick), so every rerun is bit-identical.
    /// </summary>
    /// <param name="nodeMessages">SDP messages the host sent for this tick.</param>
    /// <param name="timeout">How long to wait for them.</param>
    /// <returns>The tick that ran, or 0 when every core had finished its period (they are back in SYNC0).</returns>
    /// <exception cref="InvalidOperationException">When no externally stepped period is running.</exception>
    /// <exception cref="TimeoutException">When the messages do not arrive in time.</exception>
    public int StepTick(int nodeMessages, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeMessages);
        lock (_lock)
        {
            if (_steppedTick is not { } tick)
                throw new InvalidOperationException("No externally stepped period is running: set ExternallyStepped and release SYNC1 first.");
            var deadline = DateTime.UtcNow + timeout;
            while (_nodeMessages < nodeMessages)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _disposed)
                    throw new TimeoutException($"Tick {tick + 1}: {_nodeMessages} of {nodeMessages} node I/O messages arrived within {timeout.TotalSeconds} s.");
                Monitor.Wait(_lock, left);
            }
            _nodeMessages -= nodeMessages;
            int t = tick + 1;
            if (!TickOnce(t)) { _steppedTick = null; return 0; }
            _steppedTick = t;
            if (Running(t + 1).Count == 0) _steppedTick = null;
            return t;
        }
    }

    /// <summary>SC&amp;MP's delivery of an SDP message for an application core (caller holds the lock): unknown chips, idle
    /// cores and programs without an SDP handler drop it silently, as on the board.</summary>
    private void DeliverToCore(SdpPacket sdp)
    {
        NodeMessagesReceived++;
        _nodeMessages++;
        Monitor.PulseAll(_lock);
        var chip = Chip(sdp.Header.DestX, sdp.Header.DestY);
        if (chip is null || sdp.Header.DestCpu is 0 or >= EmulatedChip.CoreCount) return;
        chip.Models[sdp.Header.DestCpu]?.ReceiveSdp(sdp.Header.DestPort, sdp.Payload);
    }

    /// <summary>
    /// SC&amp;MP on chip (0,0) emitting a transmitter core's message for IP tag 1 (SPINNAKER.md §2.8, caller holds the lock):
    /// UDP from the SCP port with 2 pad bytes + 8-byte SDP header (flags 0x07, tag 1, destination port 7 / cpu 31 on chip
    /// (0,0), source the core, source port the low byte of (p2p &lt;&lt; 5) | core) + cmd_rc 1, seq 0, three zero args, then the
    /// values; only the values when the tag strips headers. An unset tag drops the message.
    /// </summary>
    private void SendTagged(EmulatedChip chip, int core, int[] values)
    {
        var (target, strip) = _ipTags[SdpTransmitterData.Tag];
        if (target is null) return;
        var payload = new byte[16 + 4 * values.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, SdpTransmitterData.Command);
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(16 + 4 * i), values[i]);
        byte srcPortCpu = (byte)((((chip.X << 8) | chip.Y) << 5) | core);
        var header = new SdpHeader(SdpHeader.NoReply, SdpTransmitterData.Tag, 7, 31, (byte)(srcPortCpu >> 5), (byte)core, 0, 0, (byte)chip.X, (byte)chip.Y);
        var datagram = new SdpPacket(header, payload).ToDatagram();
        TaggedMessagesSent++;
        SendQuiet(strip ? datagram[(2 + SdpHeader.Size)..] : datagram, target);
    }
}
