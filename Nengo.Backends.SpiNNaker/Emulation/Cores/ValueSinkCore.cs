using Nengo.Backends.SpiNNaker.Applications;
using S = Nengo.Backends.SpiNNaker.Applications.ValueSinkData;

namespace Nengo.Backends.SpiNNaker.Emulation.Cores;

/// <summary>The value-sink executable: each tick filters its input and records input_size S16.15 words.</summary>
internal sealed class ValueSinkCore : CoreModel
{
    private readonly int _size, _offset;
    private readonly InputFilters _filters;
    private readonly int[] _value;
    private int _tick;

    public ValueSinkCore(EmulatedChip chip, int core, uint block) : base(chip, core, block)
    {
        var s = Words(S.SystemRegion, 0, 3);
        _size = s[1]; _offset = s[2];
        _filters = new InputFilters(FilterRegion(S.FiltersRegion), RoutingRegion(S.RoutingRegion));
        _value = new int[_size];
    }

    public override void BeginRun(int ticks) { base.BeginRun(ticks); _tick = 0; }

    public override void Tick(int t, int phase, Action<uint, int> emit)
    {
        if (phase != 0) return;
        foreach (var (k, p) in Drain()) _filters.Receive(k, p, _offset);
        _filters.Step(_value);
        Chip.Memory.Write(Region(S.RecordingRegion) + (uint)(4 * _size * _tick++), RegionImage.Words(_value));
    }
}
