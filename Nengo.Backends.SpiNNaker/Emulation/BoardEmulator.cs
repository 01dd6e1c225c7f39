using System.Net;
using System.Net.Sockets;
using Nengo.Backends.SpiNNaker.Protocol;

namespace Nengo.Backends.SpiNNaker.Emulation;

/// <summary>
/// A SpiNNaker board on loopback: answers the boot protocol and the SCP commands of SPINNAKER.md §6.2 with real
/// byte formats on UDP sockets bound to 127.0.0.1, keeps per-chip memory, heaps, 1024-entry routers and core slots,
/// and runs the built-in fixed-point core models deterministically (externally stepped: a run executes its ticks as
/// fast as possible once SYNC1 is released). It never sends to any address but the requesting loopback socket.
/// </summary>
public sealed partial class BoardEmulator : IDisposable
{
    private readonly Socket _scp, _boot;
    private readonly Thread _scpThread, _bootThread;
    private readonly EmulatedChip[,] _chips;
    private readonly object _lock = new();
    private readonly Dictionary<(EndPoint, ushort), byte[]> _replyCache = [];
    private readonly Queue<(EndPoint, ushort)> _replyOrder = new();
    private volatile bool _disposed;
    private DateTime? _bootedAt;
    private Random _faultRng;
    private FaultOptions _faults = FaultOptions.None;

    /// <summary>Starts an emulated board of <paramref name="width"/> × <paramref name="height"/> chips (no wrap-around).</summary>
    /// <param name="width">Chips in x (1..8).</param>
    /// <param name="height">Chips in y (1..8).</param>
    /// <param name="bootDelay">How long after END the board keeps reporting p2p 0xFFFF.</param>
    /// <param name="booted">Start already booted (skips the boot protocol).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a dimension is outside 1..8.</exception>
    public BoardEmulator(int width = 2, int height = 2, TimeSpan? bootDelay = null, bool booted = false)
    {
        if (width is < 1 or > 8 || height is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(width), $"Board must be 1..8 chips each way, got {width}x{height}.");
        Width = width; Height = height; BootDelay = bootDelay ?? TimeSpan.FromMilliseconds(200);
        _chips = new EmulatedChip[width, height];
        for (int x = 0; x < width; x++) for (int y = 0; y < height; y++) _chips[x, y] = new EmulatedChip(x, y, width, height);
        if (booted) _bootedAt = DateTime.UtcNow - BootDelay;
        _faultRng = new Random(1);
        _scp = Bind(); _boot = Bind();
        _scpThread = new Thread(() => Loop(_scp, OnScp)) { IsBackground = true, Name = "SpiNNaker emulator SCP" };
        _bootThread = new Thread(() => Loop(_boot, OnBoot)) { IsBackground = true, Name = "SpiNNaker emulator boot" };
        _scpThread.Start(); _bootThread.Start();
    }

    /// <summary>Chips in x.</summary>
    public int Width { get; }

    /// <summary>Chips in y.</summary>
    public int Height { get; }

    /// <summary>How long booting takes after END.</summary>
    public TimeSpan BootDelay { get; }

    /// <summary>The SCP port on 127.0.0.1.</summary>
    public int ScpPort => ((IPEndPoint)_scp.LocalEndPoint!).Port;

    /// <summary>The boot port on 127.0.0.1.</summary>
    public int BootPort => ((IPEndPoint)_boot.LocalEndPoint!).Port;

    /// <summary>Whether boot has completed.</summary>
    public bool IsBooted => _bootedAt is { } t && DateTime.UtcNow - t >= BootDelay;

    /// <summary>Boot packets received (START, DATA and END).</summary>
    public int BootPacketsReceived { get; private set; }

    /// <summary>hw_ver recorded from the boot image's sv patch.</summary>
    public byte BootHwVer { get; private set; }

    /// <summary>SCP requests executed (retransmissions answered from the reply cache are not counted).</summary>
    public int RequestsExecuted { get; private set; }

    /// <summary>Faults injected on SCP traffic.</summary>
    public FaultOptions Faults
    {
        get => _faults;
        set { lock (_lock) { _faults = value; _faultRng = new Random(value.Seed); } }
    }

    /// <summary>Multicast packets dropped by routers (local packets matching no entry), over all chips.</summary>
    public long DroppedPackets { get { lock (_lock) { long n = 0; foreach (var c in _chips) n += c.DroppedPackets; return n; } } }

    /// <summary>Model errors reported by cores (also visible as RTE states).</summary>
    public IReadOnlyList<string> CoreErrors { get { lock (_lock) { var l = new List<string>(); foreach (var c in _chips) l.AddRange(c.Errors); return l; } } }

    internal EmulatedChip? Chip(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height ? _chips[x, y] : null;

    private static Socket Bind()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return s;
    }

    private void Loop(Socket socket, Action<byte[], EndPoint> handle)
    {
        var buf = new byte[2048];
        while (!_disposed)
        {
            try
            {
                if (!socket.Poll(50_000, SelectMode.SelectRead)) continue;
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n = socket.ReceiveFrom(buf, ref from);
                handle(buf.AsSpan(0, n).ToArray(), from);
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { return; }
        }
    }

    private void OnBoot(byte[] datagram, EndPoint from)
    {
        BootPacket p;
        try { p = BootPacket.Decode(datagram); } catch (FormatException) { return; }
        lock (_lock)
        {
            BootPacketsReceived++;
            if (p.Opcode == BootPacket.DataOp && (p.Arg1 & 0xFF) == 0 && p.Data.Length > BootClient.SvPatchOffset + SystemVariables.HwVer)
                BootHwVer = p.Data[BootClient.SvPatchOffset + SystemVariables.HwVer];
            if (p.Opcode == BootPacket.End && _bootedAt is null) _bootedAt = DateTime.UtcNow;
        }
    }

    private void OnScp(byte[] datagram, EndPoint from)
    {
        SdpPacket sdp;
        try { sdp = SdpPacket.FromDatagram(datagram); } catch (FormatException) { return; }
        if (!((IPEndPoint)from).Address.Equals(IPAddress.Loopback)) return; // loopback only, by construction
        byte[]? reply;
        lock (_lock)
        {
            if (_faults.Silent || _bootedAt is null) return; // before boot SCP gets no reply
            if (!IsBooted && (sdp.Payload.Length < 2 || sdp.Payload[0] != (byte)ScpCommand.Ver)) return; // booting: only VER, with p2p 0xFFFF
            if (sdp.Header.IsReplyExpected && _faultRng.NextDouble() < _faults.LossRate) return;
            if (sdp.Header.DestPort != 0)
            {
                DeliverToCore(sdp); // node I/O: fire-and-forget, never acknowledged
                return;
            }
            if (sdp.Payload.Length < 4) return;
            var req = ScpPacket.Decode(sdp.Payload, 3);
            var key = (from, req.Seq);
            if (!_replyCache.TryGetValue(key, out reply))
            {
                RequestsExecuted++;
                var (rc, args, data) = Execute(sdp.Header, req, (IPEndPoint)from);
                var replyHeader = sdp.Header.Reply() with { SrcX = sdp.Header.DestX == 255 ? (byte)0 : sdp.Header.DestX, SrcY = sdp.Header.DestY == 255 ? (byte)0 : sdp.Header.DestY };
                reply = new SdpPacket(replyHeader, new ScpPacket((ushort)rc, req.Seq, args, data).Encode()).ToDatagram();
                if (!sdp.Header.IsReplyExpected) return;
                _replyCache[key] = reply; _replyOrder.Enqueue(key);
                if (_replyOrder.Count > 256) _replyCache.Remove(_replyOrder.Dequeue());
            }
            if (_faultRng.NextDouble() < _faults.LossRate) return;
            int copies = _faultRng.NextDouble() < _faults.DuplicateRate ? 2 : 1;
            var delay = _faults.ReplyDelay;
            for (int i = 0; i < copies; i++)
            {
                if (delay > TimeSpan.Zero) { var r = reply; _ = Task.Delay(delay).ContinueWith(_ => SendQuiet(r, from)); }
                else SendQuiet(reply, from);
            }
        }
    }

    private void SendQuiet(byte[] datagram, EndPoint to)
    {
        try { if (!_disposed) _scp.SendTo(datagram, to); } catch (SocketException) { } catch (ObjectDisposedException) { }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _scpThread.Join(1000); _bootThread.Join(1000);
        _scp.Dispose(); _boot.Dispose();
    }
}
