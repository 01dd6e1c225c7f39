using System.Buffers.Binary;
using System.Net;
using System.Text;
using Nengo.Backends.SpiNNaker.Protocol;
using RC = Nengo.Backends.SpiNNaker.Protocol.ScpReturnCode;

namespace Nengo.Backends.SpiNNaker.Emulation;

public sealed partial class BoardEmulator
{
    private readonly (IPEndPoint? Target, bool Strip)[] _ipTags = new (IPEndPoint?, bool)[16];

    private static readonly uint[] NoArgs = [];

    /// <summary>Executes one SCP request as SC&amp;MP on the addressed chip would (caller holds the lock).</summary>
    private (RC, uint[], byte[]) Execute(SdpHeader h, ScpPacket r, IPEndPoint sender)
    {
        int x = h.DestX == 255 && h.DestY == 255 ? 0 : h.DestX, y = h.DestX == 255 && h.DestY == 255 ? 0 : h.DestY;
        var chip = Chip(x, y);
        if (chip is null) return (RC.Route, NoArgs, []);
        if (h.DestCpu >= EmulatedChip.CoreCount) return (RC.Cpu, NoArgs, []);
        uint a1 = r.Arg(0), a2 = r.Arg(1), a3 = r.Arg(2);
        switch ((ScpCommand)r.CmdRc)
        {
            case ScpCommand.Ver:
                {
                    uint p2p = IsBooted ? (uint)((x << 8) | y) : 0xFFFF;
                    var text = Encoding.ASCII.GetBytes(h.DestCpu == 0 ? "SC&MP/SpiNNaker\04.0.0\0" : "SARK/SpiNNaker\04.0.0\0");
                    return (RC.Ok, [(p2p << 16) | ((uint)h.DestCpu << 8) | h.DestCpu, 0xFFFF0000 | 256, 0x5F000000], text);
                }
            case ScpCommand.Read:
                if (a2 > 256) return (RC.Len, NoArgs, []);
                return (RC.Ok, NoArgs, ReadChip(chip, a1, (int)a2));
            case ScpCommand.Write:
                if (a2 > 256 || r.Data.Length < a2) return (RC.Len, NoArgs, []);
                chip.Memory.Write(a1, r.Data.AsSpan(0, (int)a2));
                return (RC.Ok, NoArgs, []);
            case ScpCommand.Fill:
                if (a1 % 4 != 0 || a3 % 4 != 0) return (RC.Arg, NoArgs, []);
                for (uint i = 0; i < a3; i += 4) chip.Memory.WriteU32(a1 + i, a2);
                return (RC.Ok, NoArgs, []);
            case ScpCommand.Count:
                return (RC.Ok, [(uint)CountCores((byte)a1, (CoreState)a2)], []);
            case ScpCommand.Sig:
                return Signal(a1, a2);
            case ScpCommand.As:
                return ApplicationStart(chip, a1, a2);
            case ScpCommand.IpTag:
                return IpTag(a1, a2, a3, sender);
            case ScpCommand.Alloc:
                return Alloc(chip, a1, a2, a3);
            case ScpCommand.Rtr:
                return Router(chip, a1, a2, a3);
            case ScpCommand.Info:
                return Info(chip);
            default:
                return (RC.Cmd, NoArgs, []);
        }
    }

    private static byte[] ReadChip(EmulatedChip chip, uint address, int n)
    {
        uint a = SparseMemory.Normalise(address);
        if (a >= SystemVariables.P2PTable && a < SystemVariables.P2PTable + 65536 * 3 / 8 + 8)
        {
            // The P2P table is computed, not stored: 3 bits per chip, 7 = this chip, 6 = no route, else a link.
            var b = new byte[n];
            for (int i = 0; i < n; i += 4)
            {
                uint word = 0;
                int baseIndex = (int)((a - SystemVariables.P2PTable + (uint)i) / 4 * 8);
                for (int k = 0; k < 8; k++) word |= (uint)chip.P2PEntry(baseIndex + k) << (3 * k);
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i), word);
            }
            return b;
        }
        return chip.Memory.Read(address, n);
    }

    private int CountCores(byte app, CoreState state)
    {
        int n = 0;
        foreach (var c in _chips) for (int p = 1; p < EmulatedChip.CoreCount; p++) if (c.AppId(p) == app && c.State(p) == state && c.ProgramNames[p] is not null) n++;
        return n;
    }

    private (RC, uint[], byte[]) IpTag(uint a1, uint a2, uint a3, IPEndPoint sender)
    {
        int op = (int)((a1 >> 16) & 0xFF), tag = (int)(a1 & 0xFF);
        if (tag >= 8) return (RC.Arg, NoArgs, []);
        switch (op)
        {
            case 1:
                var ip = a3 == 0 ? sender.Address : new IPAddress(a3);
                if (!ip.Equals(IPAddress.Loopback)) return (RC.Arg, NoArgs, []); // the emulator only ever talks to loopback
                _ipTags[tag] = (new IPEndPoint(ip, (int)(a2 & 0xFFFF)), ((a1 >> 28) & 1) != 0);
                return (RC.Ok, [(uint)tag], []);
            case 3:
                _ipTags[tag] = (null, false);
                return (RC.Ok, NoArgs, []);
            default:
                return (RC.Arg, NoArgs, []);
        }
    }

    private (RC, uint[], byte[]) Alloc(EmulatedChip chip, uint a1, uint a2, uint a3)
    {
        byte app = (byte)(a1 >> 8);
        switch (a1 & 0xFF)
        {
            case 0: return (RC.Ok, [chip.Alloc(a2, app, (byte)a3)], []);
            case 1: chip.Free(a2); return (RC.Ok, [0], []);
            case 2: chip.FreeApp(app); return (RC.Ok, [0], []);
            case 3: return (RC.Ok, [(uint)chip.Router.Allocate((int)a2, app)], []);
            case 5: chip.Router.FreeApp(app); return (RC.Ok, [0], []);
            case 6: return (RC.Ok, [chip.LargestFreeSdram], []);
            case 7: return (RC.Ok, [chip.TagPointer(app, (byte)a2)], []);
            default: return (RC.Arg, NoArgs, []);
        }
    }

    private static (RC, uint[], byte[]) Router(EmulatedChip chip, uint a1, uint a2, uint a3)
    {
        switch (a1 & 0xFF)
        {
            case 2:
                int count = (int)(a1 >> 16), first = (int)a3;
                if (first < 1 || first + count > RouterTable.Capacity) return (RC.Arg, NoArgs, []);
                var packed = chip.Memory.Read(a2, 16 * count);
                for (int i = 0; i < count; i++)
                {
                    var s = packed.AsSpan(16 * i);
                    int next = BinaryPrimitives.ReadUInt16LittleEndian(s);
                    chip.Router.Set(first + next, BinaryPrimitives.ReadUInt32LittleEndian(s[8..]), BinaryPrimitives.ReadUInt32LittleEndian(s[12..]),
                        BinaryPrimitives.ReadUInt32LittleEndian(s[4..]));
                }
                return (RC.Ok, NoArgs, []);
            case 0:
                for (int i = 1; i < RouterTable.Capacity; i++) chip.Router.Clear(i);
                return (RC.Ok, NoArgs, []);
            default:
                return (RC.Arg, NoArgs, []);
        }
    }

    private (RC, uint[], byte[]) Info(EmulatedChip chip)
    {
        uint links = 0;
        for (int l = 0; l < 6; l++) if (Neighbour(chip, l) is not null) links |= 1u << l;
        uint a1 = EmulatedChip.CoreCount | (links << 8) | ((uint)chip.Router.LargestFreeBlock << 14) | (chip.X == 0 && chip.Y == 0 ? 1u << 25 : 0);
        var data = new byte[18 + 2 + 4 + 2];
        for (int p = 0; p < 18; p++) data[p] = (byte)chip.State(p);
        // bytes 18..19: P2P address of the nearest Ethernet chip (0,0); 20..23: its IPv4, first octet first; 24..25: link to root
        data[20] = 127; data[21] = 0; data[22] = 0; data[23] = 1;
        return (RC.Ok, [a1, chip.LargestFreeSdram, 32 * 1024], data);
    }

    internal static readonly (int Dx, int Dy)[] Links = [(1, 0), (1, 1), (0, 1), (-1, 0), (-1, -1), (0, -1)];

    internal EmulatedChip? Neighbour(EmulatedChip c, int link) => Chip(c.X + Links[link].Dx, c.Y + Links[link].Dy);
}
