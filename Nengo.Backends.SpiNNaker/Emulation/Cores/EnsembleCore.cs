using Nengo.Backends.SpiNNaker.Applications;
using E = Nengo.Backends.SpiNNaker.Applications.EnsembleCoreData;

namespace Nengo.Backends.SpiNNaker.Emulation.Cores;

/// <summary>
/// The ensemble executable (SPINNAKER.md §4.6–4.7) in S16.15: filter this core's input slice, share it through the
/// cluster's SDRAM input vector, run LIF (overshoot kept, refractory in whole ticks), share spikes (bit 31 first),
/// record spikes (LSB first) and voltages (U1.15, zero on spike/refractory ticks), apply PES to the learnt rows for the
/// cluster neurons that spiked (rate × error rounded as libgcc's accum multiply, once per error dimension and tick), then
/// send one packet per owned output row, static then learnt: the sum of decoders/dt of the cluster neurons that spiked.
/// </summary>
internal sealed class EnsembleCore : CoreModel
{
    private readonly int _n, _sizeIn, _total, _pops, _popId, _inOffset, _inDims, _rows, _learntRows, _flags, _c, _tauRef, _neuronOffset;
    private readonly uint _sharedIn, _sharedSpikes;
    private readonly int[] _enc, _bias, _gain, _dec, _learnt, _popLengths, _v, _refr, _filtered, _input;
    private readonly uint[] _keys, _learntKeys, _clusterSpikes;
    private readonly InputFilters _filters, _modulatory;
    private readonly (int Rate, int Filter, int Start, int End, int Row)[] _pes;
    private int _recordTick;

    public EnsembleCore(EmulatedChip chip, int core, uint block) : base(chip, core, block)
    {
        var s = Words(E.SystemRegion, 0, E.SystemWords);
        (_n, _sizeIn, _total, _pops, _popId, _inOffset, _inDims, _rows, _learntRows, _flags) = (s[1], s[2], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[13]);
        (_sharedIn, _sharedSpikes) = ((uint)s[14], (uint)s[15]);
        var lif = Words(E.LifRegion, 0, 2);
        (_c, _tauRef) = (lif[0], lif[1]);
        _enc = Words(E.EncodersRegion, 0, _n * _sizeIn);
        _bias = Words(E.BiasRegion, 0, _n);
        _gain = Words(E.GainRegion, 0, _n);
        _dec = Words(E.DecodersRegion, 0, _rows * _total);
        _keys = Words(E.KeysRegion, 0, _rows).Select(k => (uint)k).ToArray();
        _learnt = Words(E.LearntDecodersRegion, 0, _learntRows * _total);
        _learntKeys = Words(E.LearntKeysRegion, 0, _learntRows).Select(k => (uint)k).ToArray();
        _modulatory = new InputFilters(FilterRegion(E.ModFiltersRegion), RoutingRegion(E.ModRoutingRegion));
        var pes = Words(E.PesRegion, 0, 1 + PesEntry.Words * Word(E.PesRegion, 0));
        _pes = new (int, int, int, int, int)[pes[0]];
        for (int i = 0; i < _pes.Length; i++)
        {
            var w = pes.AsSpan(1 + PesEntry.Words * i, PesEntry.Words);
            _pes[i] = (w[0], w[1], w[2], w[3], w[4]);
            if (w[1] < 0 || w[1] >= _modulatory.Count || w[2] < 0 || w[3] < w[2] || w[3] > _modulatory.Width(w[1]) || w[4] < 0 || w[4] + w[3] - w[2] > _learntRows)
                throw new InvalidOperationException($"PES entry {i} (filter {w[1]}, dims {w[2]}..{w[3]}, row {w[4]}) does not fit {_modulatory.Count} filters and {_learntRows} learnt rows");
            if (w[5] != -1) throw new InvalidOperationException($"PES entry {i}: filtered activities (filter {w[5]}) are not implemented");
        }
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
            foreach (var (k, p) in Drain()) { _filters.Receive(k, p, _inOffset); _modulatory.Receive(k, p, 0); }
            _filters.Step(_filtered);
            _modulatory.Step([]);
            if (_pops > 1) Chip.Memory.Write(_sharedIn + (uint)(4 * _inOffset), RegionImage.Words(_filtered));
            else Array.Copy(_filtered, 0, _input, _inOffset, Math.Min(_inDims, _sizeIn - _inOffset));
        }
        else if (phase == 1) Neurons();
        else if (phase == 2) Decode(emit);
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
        foreach (var (rate, filter, start, end, row) in _pes)
            for (int d = start; d < end; d++)
            {
                int delta = FixedPoint.MulRound(rate, _modulatory.Output(filter)[d]);
                if (delta == 0) continue;
                int r = row + d - start;
                ForEachSpike(i => _learnt[r * _total + i] = unchecked(_learnt[r * _total + i] - delta));
            }
        for (int r = 0; r < _rows; r++) emit(_keys[r], DecodeRow(_dec, r));
        for (int r = 0; r < _learntRows; r++) emit(_learntKeys[r], DecodeRow(_learnt, r));
    }

    /// <summary>Calls <paramref name="action"/> with the cluster index of every neuron that spiked this tick (spike words MSB first).</summary>
    private void ForEachSpike(Action<int> action)
    {
        int neuron = 0;
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
                    action(neuron + 32 * w + bit);
                }
            }
            neuron += _popLengths[pop];
        }
    }

    /// <summary>The sum of a row's decoders over the cluster neurons that spiked.</summary>
    private int DecodeRow(int[] decoders, int r)
    {
        int value = 0, start = r * _total;
        ForEachSpike(i => value = unchecked(value + decoders[start + i]));
        return value;
    }
}
