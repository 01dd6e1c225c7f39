using System.Buffers.Binary;

namespace Nengo.Backends.SpiNNaker.Protocol;

public sealed partial class MachineController
{
    /// <summary>ALLOC op 0: allocates SDRAM tagged (app_id, tag) on a chip.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="appId">Application id.</param>
    /// <param name="bytes">Size.</param>
    /// <param name="tag">Tag (the core number, so the app finds it with sark_tag_ptr).</param>
    /// <returns>The address.</returns>
    /// <exception cref="SpiNNakerException">When the board has no space or the tag is taken.</exception>
    public uint SdramAlloc(byte x, byte y, byte appId, int bytes, byte tag)
    {
        uint a = _scp.Send(x, y, 0, ScpCommand.Alloc, (uint)appId << 8, (uint)bytes, tag, replyArgs: 1).Arg(0);
        if (a == 0) throw new SpiNNakerException($"ALLOC of {bytes} SDRAM bytes (tag {tag}) on chip ({x}, {y}) failed.", ScpCommand.Alloc);
        return a;
    }

    /// <summary>ALLOC op 3: allocates a block of router entries.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="appId">Application id.</param>
    /// <param name="count">Entries.</param>
    /// <returns>The first index.</returns>
    /// <exception cref="SpiNNakerException">When no block that large is free.</exception>
    public int RouterAlloc(byte x, byte y, byte appId, int count)
    {
        uint i = _scp.Send(x, y, 0, ScpCommand.Alloc, ((uint)appId << 8) | 3, (uint)count, replyArgs: 1).Arg(0);
        if (i == 0) throw new SpiNNakerException($"ALLOC of {count} router entries on chip ({x}, {y}) failed.", ScpCommand.Alloc);
        return (int)i;
    }

    /// <summary>Loads a routing table: ALLOC op 3, WRITE packed entries to <c>sv.sdram_sys</c>, RTR op 2.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="appId">Application id.</param>
    /// <param name="entries">(key, mask, route) in priority order.</param>
    public void LoadRoutingTable(byte x, byte y, byte appId, IReadOnlyList<(uint Key, uint Mask, uint Route)> entries)
    {
        if (entries.Count == 0) return;
        int first = RouterAlloc(x, y, appId, entries.Count);
        var packed = new byte[16 * entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            var s = packed.AsSpan(16 * i);
            BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)i);
            BinaryPrimitives.WriteUInt32LittleEndian(s[4..], entries[i].Route);
            BinaryPrimitives.WriteUInt32LittleEndian(s[8..], entries[i].Key);
            BinaryPrimitives.WriteUInt32LittleEndian(s[12..], entries[i].Mask);
        }
        uint buffer = BinaryPrimitives.ReadUInt32LittleEndian(Read(x, y, SystemVariables.SvBase + SystemVariables.SdramSys, 4));
        Write(x, y, buffer, packed);
        _scp.Send(x, y, 0, ScpCommand.Rtr, ((uint)entries.Count << 16) | ((uint)appId << 8) | 2, buffer, (uint)first);
    }

    /// <summary>IPTAG op 1 (SET): points tag <paramref name="tag"/> at <paramref name="port"/> on the host that sends this (IP 0).</summary>
    /// <param name="tag">Tag 0..7.</param>
    /// <param name="port">The host UDP port.</param>
    /// <param name="ip">IPv4 word (first octet lowest) or 0 for "the sender".</param>
    public void IpTagSet(byte tag, int port, uint ip = 0) =>
        _scp.Send(255, 255, 0, ScpCommand.IpTag, (1u << 16) | tag, (uint)port, ip, replyArgs: 1);

    /// <summary>IPTAG op 3 (CLEAR).</summary>
    /// <param name="tag">Tag 0..7.</param>
    public void IpTagClear(byte tag) => _scp.Send(255, 255, 0, ScpCommand.IpTag, (3u << 16) | tag);

    /// <summary>Writes an application image to <c>sv.sdram_sys</c> and starts it with AS on the given cores (wait flag set).</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="appId">Application id.</param>
    /// <param name="aplx">The image.</param>
    /// <param name="cores">Virtual cores to load.</param>
    public void LoadApplication(byte x, byte y, byte appId, byte[] aplx, IEnumerable<int> cores)
    {
        uint mask = 0;
        foreach (int c in cores) mask |= 1u << c;
        uint buffer = BinaryPrimitives.ReadUInt32LittleEndian(Read(x, y, SystemVariables.SvBase + SystemVariables.SdramSys, 4));
        Write(x, y, buffer, aplx);
        _scp.Send(x, y, 0, ScpCommand.As, buffer, ((uint)appId << 24) | (1u << 18) | (mask & 0x3FFFF));
    }

    /// <summary>COUNT: cores of <paramref name="appId"/> in <paramref name="state"/> on the board.</summary>
    /// <param name="appId">Application id.</param>
    /// <param name="state">The state.</param>
    /// <returns>The count.</returns>
    public int CountState(byte appId, CoreState state) =>
        (int)_scp.Send(255, 255, 0, ScpCommand.Count, appId, (uint)state, replyArgs: 1).Arg(0);

    /// <summary>Polls <see cref="CountState"/> until it reaches <paramref name="count"/>, bounded by <paramref name="timeout"/>.</summary>
    /// <param name="appId">Application id.</param>
    /// <param name="state">The state.</param>
    /// <param name="count">The expected number of cores.</param>
    /// <param name="timeout">Longest wait.</param>
    /// <exception cref="SpiNNakerException">When the count is not reached in time or a core failed.</exception>
    public void WaitForState(byte appId, CoreState state, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int last = -1;
        while (DateTime.UtcNow < deadline)
        {
            last = CountState(appId, state);
            if (last >= count) return;
            int failed = CountState(appId, CoreState.RunTimeError) + CountState(appId, CoreState.Watchdog);
            if (failed > 0) throw new SpiNNakerException($"{failed} core(s) of app {appId} failed (run-time error or watchdog) while waiting for {state}.");
            Thread.Sleep(2);
        }
        throw new SpiNNakerException($"Only {last} of {count} cores of app {appId} reached {state} within {timeout.TotalSeconds:0.#} s.", ScpCommand.Count);
    }

    /// <summary>SIG: sends <paramref name="signal"/> to every core of <paramref name="appId"/> (NN for start/stop, MC for sync).</summary>
    /// <param name="appId">Application id.</param>
    /// <param name="signal">The signal.</param>
    public void Signal(byte appId, SignalKind signal)
    {
        uint type = signal is SignalKind.Sync0 or SignalKind.Sync1 ? 0u : 2u;
        _scp.Send(255, 255, 0, ScpCommand.Sig, type, ((uint)signal << 16) | (0xFFu << 8) | appId, 0xFFFF);
    }

    /// <summary>Address of <c>vcpu[cpu]</c> on a chip.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="cpu">Virtual core.</param>
    /// <returns>The record's address.</returns>
    public uint VcpuAddress(byte x, byte y, int cpu) =>
        BinaryPrimitives.ReadUInt32LittleEndian(Read(x, y, SystemVariables.SvBase + SystemVariables.VcpuBase, 4)) + (uint)(SystemVariables.VcpuSize * cpu);

    /// <summary>Writes <c>vcpu[cpu].user1</c> (the number of ticks to run).</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="cpu">Virtual core.</param>
    /// <param name="value">The value.</param>
    public void WriteUser1(byte x, byte y, int cpu, uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        Write(x, y, VcpuAddress(x, y, cpu) + SystemVariables.VcpuUser0 + 4, b);
    }
}
