namespace Nengo.Backends.SpiNNaker.Emulation;

/// <summary>
/// One chip's address space, stored sparsely in 4 KiB pages. The unbuffered aliases (SDRAM 0x7xxxxxxx, SysRAM
/// 0xF5xxxxxx, router 0xF1xxxxxx) map onto the buffered addresses, as on the chip.
/// </summary>
internal sealed class SparseMemory
{
    private readonly Dictionary<uint, byte[]> _pages = [];

    public static uint Normalise(uint a) => (a >> 28) switch
    {
        0x7 => a - 0x10000000,
        0xF => a - 0x10000000,
        _ => a,
    };

    public void Write(uint address, ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length;)
        {
            uint a = Normalise(address + (uint)i);
            uint page = a >> 12; int off = (int)(a & 0xFFF);
            if (!_pages.TryGetValue(page, out var p)) _pages[page] = p = new byte[4096];
            int n = Math.Min(4096 - off, data.Length - i);
            data.Slice(i, n).CopyTo(p.AsSpan(off));
            i += n;
        }
    }

    public void Read(uint address, Span<byte> dest)
    {
        for (int i = 0; i < dest.Length;)
        {
            uint a = Normalise(address + (uint)i);
            uint page = a >> 12; int off = (int)(a & 0xFFF);
            int n = Math.Min(4096 - off, dest.Length - i);
            if (_pages.TryGetValue(page, out var p)) p.AsSpan(off, n).CopyTo(dest.Slice(i, n));
            else dest.Slice(i, n).Clear();
            i += n;
        }
    }

    public byte[] Read(uint address, int length) { var b = new byte[length]; Read(address, b); return b; }

    public uint ReadU32(uint address) { Span<byte> b = stackalloc byte[4]; Read(address, b); return BitConverter.ToUInt32(b); }

    public void WriteU32(uint address, uint value) { Span<byte> b = stackalloc byte[4]; BitConverter.TryWriteBytes(b, value); Write(address, b); }

    public void Clear(uint address, int length) => Write(address, new byte[length]);
}
