using R = Nengo.Backends.SpiNNaker.Applications.SdpReceiverData;

namespace Nengo.Backends.SpiNNaker.Emulation.Cores;

/// <summary>
/// The SDP receiver executable: an SDP message on port 1 (16-byte SCP-shaped header, then n_dims int32 S16.15)
/// overwrites the cached vector and marks every dimension fresh; each tick it sends one MC packet per fresh dimension
/// and clears the flags, so the receiving filters latch the last value.
/// </summary>
internal sealed class SdpReceiverCore : CoreModel
{
    private readonly uint[] _keys;
    private readonly int[] _value;
    private readonly bool[] _fresh;

    public SdpReceiverCore(EmulatedChip chip, int core, uint block) : base(chip, core, block)
    {
        int dims = Words(R.SystemRegion, 0, 2)[1];
        if (dims is < 0 or > R.MaxDimensions) throw new InvalidOperationException($"rx with {dims} dimensions");
        _keys = Words(R.KeysRegion, 0, dims).Select(k => (uint)k).ToArray();
        _value = new int[dims];
        _fresh = new bool[dims];
    }

    public override bool ReceiveSdp(byte port, ReadOnlySpan<byte> payload)
    {
        if (port != R.Port || payload.Length < 16) return false;
        var data = payload[16..];
        int n = Math.Min(_value.Length, data.Length / 4);
        for (int d = 0; d < n; d++) _value[d] = BitConverter.ToInt32(data.Slice(4 * d, 4));
        Array.Fill(_fresh, true);
        return true;
    }

    public override void Tick(int t, int phase, Action<uint, int> emit)
    {
        if (phase != 2) return;
        for (int d = 0; d < _value.Length; d++)
        {
            if (!_fresh[d]) continue;
            emit(_keys[d], _value[d]);
            _fresh[d] = false;
        }
    }
}
