namespace Nengo.Backends.SpiNNaker.Protocol;

/// <summary>What INFO reports about one chip (SPINNAKER.md §2.4).</summary>
/// <param name="X">Chip x.</param>
/// <param name="Y">Chip y.</param>
/// <param name="Cores">Working cores including the monitor.</param>
/// <param name="LinkMask">Working links, bit l = link l.</param>
/// <param name="LargestFreeRouterBlock">Largest free block of router entries (the minimisation target).</param>
/// <param name="LargestFreeSdram">Largest free SDRAM heap block in bytes.</param>
/// <param name="CoreStates">State of each core.</param>
public sealed record ChipInfo(int X, int Y, int Cores, int LinkMask, int LargestFreeRouterBlock, uint LargestFreeSdram, CoreState[] CoreStates)
{
    /// <summary>Decodes an INFO reply.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="reply">The reply with 3 arguments.</param>
    /// <returns>The info.</returns>
    public static ChipInfo FromReply(int x, int y, ScpPacket reply)
    {
        uint a1 = reply.Arg(0);
        var states = new CoreState[Math.Min(18, reply.Data.Length)];
        for (int i = 0; i < states.Length; i++) states[i] = (CoreState)reply.Data[i];
        return new ChipInfo(x, y, (int)(a1 & 0x1F), (int)((a1 >> 8) & 0x3F), (int)((a1 >> 14) & 0x7FF), reply.Arg(1), states);
    }
}
