using Nengo.Backends.SpiNNaker.Protocol;

namespace Nengo.Backends.SpiNNaker.Emulation;

/// <summary>One emulated chip: sparse memory with the sv/vcpu structs, an SDRAM heap with (app_id, tag) lookup, the
/// router and 18 core slots (core 0 is the monitor).</summary>
internal sealed class EmulatedChip
{
    public const int CoreCount = 18;
    public const uint SdramBase = 0x60000000, SdramEnd = 0x68000000, SdramSys = 0x60000000, HeapBase = 0x60100000;
    public const uint VcpuBase = 0xE5007000, SvBase = 0xE5007F00;

    private readonly int _width, _height;
    private readonly List<(uint Address, uint Size, byte AppId, byte Tag)> _blocks = [];

    public EmulatedChip(int x, int y, int width, int height)
    {
        X = x; Y = y; _width = width; _height = height;
        Memory.Write(SvBase + SystemVariables.P2PAddr, BitConverter.GetBytes((ushort)((x << 8) | y)));
        Memory.Write(SvBase + SystemVariables.P2PDims, BitConverter.GetBytes((ushort)((width << 8) | height)));
        Memory.WriteU32(SvBase + SystemVariables.SdramSys, SdramSys);
        Memory.WriteU32(SvBase + SystemVariables.VcpuBase, VcpuBase);
        Memory.Write(SvBase + SystemVariables.NumCpus, [CoreCount]);
        for (int p = 0; p < CoreCount; p++) SetState(p, p == 0 ? CoreState.Run : CoreState.Idle);
    }

    public int X { get; }
    public int Y { get; }
    public SparseMemory Memory { get; } = new();
    public RouterTable Router { get; } = new();
    public CoreModel?[] Models { get; } = new CoreModel?[CoreCount];
    public string?[] ProgramNames { get; } = new string?[CoreCount];
    public long DroppedPackets { get; set; }

    public static uint Vcpu(int p) => VcpuBase + (uint)(SystemVariables.VcpuSize * p);
    public CoreState State(int p) => (CoreState)Memory.Read(Vcpu(p) + SystemVariables.VcpuCpuState, 1)[0];
    public byte AppId(int p) => Memory.Read(Vcpu(p) + SystemVariables.VcpuAppId, 1)[0];
    public void SetState(int p, CoreState s) => Memory.Write(Vcpu(p) + SystemVariables.VcpuCpuState, [(byte)s]);
    public void SetApp(int p, byte app) => Memory.Write(Vcpu(p) + SystemVariables.VcpuAppId, [app]);
    public uint User1(int p) => Memory.ReadU32(Vcpu(p) + SystemVariables.VcpuUser0 + 4);

    public void Fail(int p, byte rtCode, string message)
    {
        Memory.Write(Vcpu(p) + SystemVariables.VcpuRtCode, [rtCode]);
        SetState(p, CoreState.RunTimeError);
        Models[p] = null;
        Errors.Add($"core {p}: {message}");
    }

    /// <summary>P2P table entry for chip index x*256+y: 7 = here, 6 = none, else the first link of a hex-shortest path.</summary>
    public byte P2PEntry(int index)
    {
        int tx = index / 256, ty = index % 256;
        if (tx >= _width || ty >= _height) return 6;
        int dx = tx - X, dy = ty - Y;
        if (dx == 0 && dy == 0) return 7;
        if (dx > 0 && dy > 0) return 1;
        if (dx < 0 && dy < 0) return 4;
        if (dx > 0) return 0;
        if (dx < 0) return 3;
        return dy > 0 ? (byte)2 : (byte)5;
    }

    public List<string> Errors { get; } = [];

    public uint Alloc(uint size, byte appId, byte tag)
    {
        if (tag != 0 && _blocks.Any(b => b.AppId == appId && b.Tag == tag)) return 0;
        size = (size + 3) & ~3u;
        uint a = HeapBase;
        foreach (var b in _blocks.OrderBy(b => b.Address))
        {
            if (b.Address - a >= size) break;
            a = Math.Max(a, b.Address + b.Size);
        }
        if (a + size > SdramEnd) return 0;
        _blocks.Add((a, size, appId, tag));
        Memory.Clear(a, (int)size);
        return a;
    }

    public void Free(uint address) => _blocks.RemoveAll(b => b.Address == SparseMemory.Normalise(address));

    public void FreeApp(byte appId) => _blocks.RemoveAll(b => b.AppId == appId);

    public uint TagPointer(byte appId, byte tag) =>
        _blocks.FirstOrDefault(b => b.AppId == appId && b.Tag == tag).Address;

    public uint LargestFreeSdram
    {
        get
        {
            uint best = 0, a = HeapBase;
            foreach (var b in _blocks.OrderBy(b => b.Address)) { best = Math.Max(best, b.Address - a); a = Math.Max(a, b.Address + b.Size); }
            return Math.Max(best, SdramEnd - a);
        }
    }
}
