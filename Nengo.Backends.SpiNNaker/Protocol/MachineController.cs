using System.Buffers.Binary;
using System.Net;

namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>
/// The host-side command set of SPINNAKER.md §6.2 over one <see cref="ScpConnection"/>: boot, version, memory,
/// allocation, routing tables, IP tags, application start, state counting and signals. The same code drives a
/// real board and the loopback emulator.
/// </summary>
/// <remarks>Nengo equivalent: rig's <c>MachineController</c> (the subset nengo_spinnaker uses).</remarks>
public sealed partial class MachineController : IDisposable
{
    private readonly ScpConnection _scp;
    private readonly ScpOptions _options;
    private readonly IPAddress _address;

    /// <summary>Connects to the board at <paramref name="address"/>.</summary>
    /// <param name="address">The board's IPv4 address.</param>
    /// <param name="options">Ports, timeouts and retries.</param>
    public MachineController(IPAddress address, ScpOptions options)
    {
        _address = address; _options = options;
        _scp = new ScpConnection(new IPEndPoint(address, options.ScpPort), options);
    }

    /// <summary>The underlying connection (for node I/O and diagnostics).</summary>
    public ScpConnection Connection => _scp;

    /// <summary>Boots the board with <paramref name="image"/> unless a single VER shows it is already booted.</summary>
    /// <param name="image">The SC&amp;MP boot image.</param>
    /// <param name="hwVer">Board hardware version.</param>
    /// <param name="led0">LED configuration.</param>
    /// <returns>True when a boot was performed.</returns>
    /// <exception cref="SpiNNakerException">When the board does not come up within <see cref="ScpOptions.BootWait"/>.</exception>
    public bool BootIfNeeded(byte[] image, byte hwVer = 5, uint led0 = 1)
    {
        try { if (Version(255, 255, 0, tries: 1).IsBooted) return false; }
        catch (SpiNNakerException e) when (e.ReturnCode is null) { }
        BootClient.Send(new IPEndPoint(_address, _options.BootPort), image,
            BootClient.SvPatch(hwVer, led0, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds()), _options.BootPacketDelay);
        var deadline = DateTime.UtcNow + _options.BootWait;
        while (DateTime.UtcNow < deadline)
        {
            try { if (Version(255, 255, 0, tries: 1).IsBooted) return true; }
            catch (SpiNNakerException e) when (e.ReturnCode is null) { }
            Thread.Sleep(100);
        }
        throw new SpiNNakerException($"Board {_address} did not finish booting within {_options.BootWait.TotalSeconds:0.#} s.", ScpCommand.Ver);
    }

    /// <summary>VER to one core.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="cpu">Core.</param>
    /// <param name="tries">Transmissions (default from options).</param>
    /// <returns>The version.</returns>
    public VersionInfo Version(byte x, byte y, byte cpu, int? tries = null) =>
        VersionInfo.FromReply(_scp.Send(x, y, cpu, ScpCommand.Ver, replyArgs: 3, tries: tries));

    /// <summary>INFO of one chip.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <returns>The chip's info.</returns>
    public ChipInfo Info(byte x, byte y) => ChipInfo.FromReply(x, y, _scp.Send(x, y, 0, ScpCommand.Info, replyArgs: 3));

    /// <summary>Discovers the machine: reads <c>sv.p2p_dims</c>, one column of the P2P table per x, and INFO per live chip.</summary>
    /// <returns>Width, height and the live chips.</returns>
    public (int Width, int Height, IReadOnlyList<ChipInfo> Chips) Discover()
    {
        ushort dims = BinaryPrimitives.ReadUInt16LittleEndian(Read(255, 255, SystemVariables.SvBase + SystemVariables.P2PDims, 2));
        int w = dims >> 8, h = dims & 0xFF;
        var chips = new List<ChipInfo>();
        int words = (h + 7) / 8;
        for (int x = 0; x < w; x++)
        {
            var col = Read(255, 255, SystemVariables.P2PTable + (uint)(x * 256 / 8) * 4, words * 4);
            for (int y = 0; y < h; y++)
            {
                uint word = BinaryPrimitives.ReadUInt32LittleEndian(col.AsSpan(y / 8 * 4));
                if (((word >> (3 * (y % 8))) & 7) != 6) chips.Add(Info((byte)x, (byte)y));
            }
        }
        return (w, h, chips);
    }

    /// <summary>Reads memory, split into packets of at most 256 bytes with the access type chosen from alignment.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="address">Start address.</param>
    /// <param name="length">Bytes.</param>
    /// <returns>The bytes.</returns>
    public byte[] Read(byte x, byte y, uint address, int length)
    {
        var result = new byte[length];
        for (int off = 0; off < length; off += ScpPacket.MaxData)
        {
            int n = Math.Min(ScpPacket.MaxData, length - off);
            uint a = address + (uint)off;
            var r = _scp.Send(x, y, 0, ScpCommand.Read, a, (uint)n, AccessType(a, n), replyArgs: 0);
            if (r.Data.Length != n) throw new SpiNNakerException($"READ at 0x{a:X8} on chip ({x}, {y}) returned {r.Data.Length} bytes, expected {n}.", ScpCommand.Read);
            r.Data.CopyTo(result, off);
        }
        return result;
    }

    /// <summary>Writes memory in packets of at most 256 bytes.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="address">Start address.</param>
    /// <param name="data">The bytes.</param>
    public void Write(byte x, byte y, uint address, ReadOnlySpan<byte> data)
    {
        for (int off = 0; off < data.Length; off += ScpPacket.MaxData)
        {
            int n = Math.Min(ScpPacket.MaxData, data.Length - off);
            uint a = address + (uint)off;
            _scp.Send(x, y, 0, ScpCommand.Write, a, (uint)n, AccessType(a, n), data.Slice(off, n).ToArray());
        }
    }

    /// <summary>Fills word-aligned memory with a word.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="address">Word-aligned address.</param>
    /// <param name="word">The fill word.</param>
    /// <param name="bytes">Byte count, a multiple of 4.</param>
    /// <exception cref="ArgumentException">When address or count is not word aligned.</exception>
    public void Fill(byte x, byte y, uint address, uint word, int bytes)
    {
        if (address % 4 != 0 || bytes % 4 != 0) throw new ArgumentException($"FILL needs word alignment, got address 0x{address:X8} and {bytes} bytes.");
        _scp.Send(x, y, 0, ScpCommand.Fill, address, word, (uint)bytes);
    }

    /// <summary>The access type of a chunk: 2 word if address and length are multiples of 4, 1 half if even, else 0 byte.</summary>
    /// <param name="address">Address.</param>
    /// <param name="length">Length.</param>
    /// <returns>0, 1 or 2.</returns>
    public static uint AccessType(uint address, int length) =>
        address % 4 == 0 && length % 4 == 0 ? 2u : address % 2 == 0 && length % 2 == 0 ? 1u : 0u;

    /// <inheritdoc />
    public void Dispose() => _scp.Dispose();
}
