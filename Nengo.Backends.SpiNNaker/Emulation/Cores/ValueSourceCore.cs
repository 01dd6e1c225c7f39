using V = Nengo.Backends.SpiNNaker.Applications.ValueSourceData;

namespace Nengo.Backends.SpiNNaker.Emulation.Cores;

/// <summary>The value-source executable: at tick t sends frame t-1 (one packet per dimension); wraps when periodic.</summary>
internal sealed class ValueSourceCore : CoreModel
{
    private readonly int _dims, _frames;
    private readonly bool _periodic;
    private readonly uint[] _keys;

    public ValueSourceCore(EmulatedChip chip, int core, uint block) : base(chip, core, block)
    {
        var s = Words(V.SystemRegion, 0, 6);
        _dims = s[1]; _periodic = (s[2] & 1) != 0; _frames = s[3] * s[4] + s[5];
        _keys = Words(V.KeysRegion, 0, _dims).Select(k => (uint)k).ToArray();
    }

    public override void Tick(int t, int phase, Action<uint, int> emit)
    {
        if (phase != 2 || _frames == 0) return;
        int f = t - 1;
        if (f >= _frames) { if (!_periodic) return; f %= _frames; }
        var frame = Words(V.FramesRegion, f * _dims, _dims);
        for (int d = 0; d < _dims; d++) emit(_keys[d], frame[d]);
    }
}
