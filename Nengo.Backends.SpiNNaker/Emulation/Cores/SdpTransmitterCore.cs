using Nengo.Backends.SpiNNaker.Applications;
using T = Nengo.Backends.SpiNNaker.Applications.SdpTransmitterData;

namespace Nengo.Backends.SpiNNaker.Emulation.Cores;

/// <summary>
/// The SDP transmitter executable: in the late phase of a tick (the filter program's half-tick timer offset, so it sees
/// what the ensembles sent in the same tick) it drains its packets, steps its filters and every <c>delay</c> ticks hands
/// n_dims S16.15 values to SC&amp;MP for IP tag 1. Like the other cores of this emulator it runs n ticks per period
/// (the C program's <c>tick &gt;= n</c> stop, one transmission fewer, is not reproduced; see the README).
/// </summary>
internal sealed class SdpTransmitterCore : CoreModel
{
    /// <summary>The phase the emulator runs after routing the packets of phases 0–2.</summary>
    public const int LatePhase = 3;

    private readonly int _dims, _delay;
    private readonly InputFilters _filters;
    private readonly int[] _value;
    private readonly Action<int, int[]> _send;

    /// <param name="chip">The chip.</param>
    /// <param name="core">The core.</param>
    /// <param name="block">Its SDRAM block.</param>
    /// <param name="send">SC&amp;MP's tagged send: (source core, values).</param>
    public SdpTransmitterCore(EmulatedChip chip, int core, uint block, Action<int, int[]> send) : base(chip, core, block)
    {
        var s = Words(T.SystemRegion, 0, 3);
        (_dims, _delay) = (s[0], s[2]);
        if (_dims is < 0 or > SdpReceiverData.MaxDimensions || _delay < 1) throw new InvalidOperationException($"tx with {_dims} dimensions, delay {_delay}");
        _filters = new InputFilters(FilterRegion(T.FiltersRegion), RoutingRegion(T.RoutingRegion));
        _value = new int[_dims];
        _send = send;
    }

    public override void Tick(int t, int phase, Action<uint, int> emit)
    {
        if (phase != LatePhase) return;
        foreach (var (k, p) in Drain()) _filters.Receive(k, p, 0);
        _filters.Step(_value);
        if (t % _delay == 0) _send(Core, (int[])_value.Clone());
    }
}
