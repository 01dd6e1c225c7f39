using Nengo.Backends.SpiNNaker.Applications;
using E = Nengo.Backends.SpiNNaker.Applications.EnsembleCoreData;

namespace Nengo.Backends.SpiNNaker.Emulation.Cores;

/// <summary>
/// The ensemble executable (SPINNAKER.md §4.6–4.7) in S16.15: filter this core's input slice, share it through the
/// cluster's SDRAM input vector, run LIF (overshoot kept, refractory in whole ticks), share spikes (bit 31 first),
/// record spikes (LSB first) and voltages (U1.15, zero on spike/refractory ticks), then send one packet per owned
/// output row: the sum of decoders/dt of the cluster neurons that spiked.
/// </summary>
internal sealed class EnsembleCore : CoreModel
{
    private readonly int _n, _sizeIn, _total, _pops, _popId, _inOffset, _inDims, _rows, _flags, _c, _tauRef, _neuronOffset;
    private readonly uint _sharedIn, _sharedSpikes;
    private readonly int[] _enc, _bias, _gain, _dec, _popLengths, _v, _refr, _filtered, _input;
    private readonly uint[] _keys, _clusterSpikes;
    private readonly InputFilters _filters;
    private int _recordTick;

    public EnsembleCore(EmulatedChip chip, int core, uint block) : base(chip, core, block)
    {
        var s = Words(E.SystemRegion, 0, 17);
        (_n, _sizeIn, _total, _pops, _popId, _inOffset, _inDims, _rows, _flags) = (s[1], s[2], s[4], s[5], s[6], s[7], s[8], s[9], s[13]);
        (_sharedIn, _sharedSpikes) = ((uint)s[14], (uint)s[15]);
        var lif = Words(E.LifRegion, 0, 2);
        (_c, _tauRef) = (lif[0], lif[1]);
        _enc = Words(E.EncodersRegion, 0, _n * _sizeIn);
        _bias = Words(E.BiasRegion, 0, _n);
        _gain = Words(E.GainRegion, 0, _n);
        _dec = Words(E.DecodersRegion, 0, _rows * _total);
        _keys = Words(E.KeysRegion, 0, _rows).Select(k => (uint)k).ToArray();
        _popLengths = Words(E.PopulationLengthsRegion, 0, _pops);
        _neuronOffset = _popLengths.Take(_popId).Sum();
        _filters = new InputFilters(FilterRegion(E.InputFiltersRegion), RoutingRegion(E.InputRoutingRegion));
        (_v, _refr) = (new int[_n], new int[_n]);
        _filtered = new int[_inDims];
        _input = new int[_sizeIn];
        _clusterSpikes = new uint[_popLengths.Sum(l => (l + 31) / 32)];
        if (_pops > 1 && (_sharedIn == 0 || _sharedSpikes == 0)) throw new InvalidOperationException("multi-core cluster without shared SDRAM");
    }

    public override void BeginRun(int ticks) { base.BeginRun(ticks); _recordTick = 0; }

    private int SpikeWordOffset(int pop) => _popLengths.Take(pop).Sum(l => (l + 31) / 32);

    public override void Tick(int t, int phase, Action<uint, int> emit)
    {
        if (phase == 0)
        {
            foreach (var (k, p) in Drain()) _filters.Receive(k, p, _inOffset);
            _filters.Step(_filtered);
            if (_pops > 1) Chip.Memory.Write(_sharedIn + (uint)(4 * _inOffset), RegionImage.Words(_filtered));
            else Array.Copy(_filtered, 0, _input, _inOffset, Math.Min(_inDims, _sizeIn - _inOffset));
        }
        else if (phase == 1) Neurons();
        else Decode(emit);
    }

    private void Neurons()
    {
        if (_pops > 1)
        {
            var b = Chip.Memory.Read(_sharedIn, 4 * _sizeIn);
            for (int d = 0; d < _sizeIn; d++) _input[d] = BitConverter.ToInt32(b, 4 * d);
        }
        var local = new uint[(_n + 31) / 32];
        var record = new int[(_n + 31) / 32];
        var volts = new ushort[2 * ((_n + 1) / 2)];
        for (int i = 0; i < _n; i++)
        {
            if (_refr[i] > 0) { _refr[i]--; continue; }
            int j = _bias[i];
            for (int d = 0; d < _sizeIn; d++) j = unchecked(j + FixedPoint.Mul(_enc[i * _sizeIn + d], _input[d]));
            int dv = FixedPoint.Mul(unchecked(j - _v[i]), _c);
            int v = unchecked(_v[i] + dv);
            if (v < 0) v = 0;
            if (v <= FixedPoint.One) { _v[i] = v; volts[i] = (ushort)v; continue; }
            v -= FixedPoint.One;
            _refr[i] = _tauRef;
            if (v > 2 * FixedPoint.One) { _refr[i]--; v -= dv; }
            _v[i] = v;
            local[i / 32] |= 0x80000000u >> (i % 32);
            record[i / 32] |= 1 << (i % 32);
        }
        if ((_flags & 1) != 0) WriteRecording(E.SpikeRecordingRegion, RegionImage.Words(record));
        if ((_flags & 2) != 0)
        {
            var vb = new byte[2 * volts.Length];
            for (int i = 0; i < volts.Length; i++) BitConverter.TryWriteBytes(vb.AsSpan(2 * i), volts[i]);
            WriteRecording(E.VoltageRecordingRegion, vb);
        }
        _recordTick++;
        if (_pops > 1) Chip.Memory.Write(_sharedSpikes + (uint)(4 * SpikeWordOffset(_popId)), RegionImage.Words(local.Select(u => (int)u)));
        else local.CopyTo(_clusterSpikes, 0);
    }

    private void WriteRecording(int region, byte[] tick) =>
        Chip.Memory.Write(Region(region) + (uint)(tick.Length * (_recordTick % Math.Max(1, Ticks))), tick);

    private void Decode(Action<uint, int> emit)
    {
        if (_pops > 1)
        {
            var b = Chip.Memory.Read(_sharedSpikes, 4 * _clusterSpikes.Length);
            for (int w = 0; w < _clusterSpikes.Length; w++) _clusterSpikes[w] = BitConverter.ToUInt32(b, 4 * w);
        }
        for (int r = 0; r < _rows; r++)
        {
            int value = 0, neuron = 0;
            for (int pop = 0; pop < _pops; pop++)
            {
                int wOff = SpikeWordOffset(pop);
                for (int w = 0; w < (_popLengths[pop] + 31) / 32; w++)
                {
                    uint word = _clusterSpikes[wOff + w];
                    while (word != 0)
                    {
                        int bit = System.Numerics.BitOperations.LeadingZeroCount(word);
                        word &= ~(0x80000000u >> bit);
                        value = unchecked(value + _dec[r * _total + neuron + 32 * w + bit]);
                    }
                }
                neuron += _popLengths[pop];
            }
            emit(_keys[r], value);
        }
    }
}
