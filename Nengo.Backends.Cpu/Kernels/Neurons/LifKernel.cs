using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Numerics;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// The LIF step (NEF.md §2) over a contiguous range of neurons: refractory countdown, exact exponential
/// integration over the usable part of the step, spike detection, sub-step spike time, clamp at
/// min_voltage, reset and refractory period.
/// </summary>
/// <remarks>
/// One vector pass (four float64 or eight float32 lanes) does what almost every neuron needs: decrement the refractory time,
/// integrate whole-step neurons with the precomputed 1 − exp(−dt/τ_rc), keep refractory ones, zero the
/// output. Neurons whose refractory period ends inside the step (0 &lt; r &lt; dt) and neurons that spiked
/// are queued; the queues are then processed densely, two vectors at a time (independent chains that overlap): expm1(−Δ/τ_rc) with Δ = dt − r by
/// a short series (dt/τ_rc ≤ 0.1) or vector exp, and the spike time dt + τ_rc·log1p(−(v − 1)/(J − 1)) by a vector
/// log1p (<see cref="Nengo.Numerics.VectorLogP1"/>). Each neuron's arithmetic is lane-independent and the same
/// wherever it sits (the scalar tail repeats a lane's operations), so a merged range sliced over threads gives
/// identical results. The series, the vector exp and the vector log1p are within about one ulp of the scalar
/// <c>expm1</c> and <c>log1p</c> (NEF.md §2).
/// </remarks>
internal sealed class LifKernel<T> : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int Lanes => Vector256<T>.Count;

    private readonly T[] _a;
    private readonly int _j, _out, _v, _ref, _n;
    private readonly Vector256<T> _dt, _fullStep, _negInvTauRc, _tauRc, _tauRef, _minV, _spike;
    private readonly int[] _partial, _spiked;
    private readonly bool _smallSteps;

    public LifKernel(SimNeurons op, SignalStore<T> store, double dt)
        : this((LIF)op.NeuronType, dt, store.Arena, store.OffsetOf(op.Current), store.OffsetOf(op.Output),
               store.OffsetOf(op.States[0]), store.OffsetOf(op.States[1]), op.Count) { }

    /// <summary>A kernel over <paramref name="n"/> neurons whose current, output, voltage and refractory time start at the given arena offsets.</summary>
    public LifKernel(LIF lif, double dt, T[] arena, int current, int output, int voltage, int refractory, int n)
    {
        _a = arena;
        _n = n;
        _j = current;
        _out = output;
        _v = voltage;
        _ref = refractory;
        _dt = Vector256.Create(Real.Of<T>(dt));
        _fullStep = Vector256.Create(Real.Of<T>(-double.ExpM1(-dt / lif.TauRc)));
        _negInvTauRc = Vector256.Create(Real.Of<T>(-1.0 / lif.TauRc));
        _tauRc = Vector256.Create(Real.Of<T>(lif.TauRc));
        _tauRef = Vector256.Create(Real.Of<T>(lif.TauRef));
        _minV = Vector256.Create(Real.Of<T>(lif.MinVoltage));
        _spike = Vector256.Create(Real.Of<T>(lif.Amplitude / dt));
        _smallSteps = dt / lif.TauRc <= 0.1;
        _partial = new int[n + 16];   // spare: a vector of appended lanes, and two vectors of padding (PadQueue)
        _spiked = new int[n + 16];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    public override void Run()
    {
        ref T a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref T refractory = ref Unsafe.Add(ref a, _ref), current = ref Unsafe.Add(ref a, _j);
        ref T voltage = ref Unsafe.Add(ref a, _v), output = ref Unsafe.Add(ref a, _out);
        ref int table = ref LaneTables.Table<T>();
        ref int partialQueue = ref MemoryMarshal.GetArrayDataReference(_partial);
        ref int spikedQueue = ref MemoryMarshal.GetArrayDataReference(_spiked);
        int partials = 0, spikes = 0, i = 0, lanes = Lanes;
        var dt = _dt;
        var full = _fullStep;
        var minV = _minV;
        for (; i + lanes <= _n; i += lanes)
        {
            var r = Vector256.LoadUnsafe(ref refractory, (nuint)i) - dt;
            var whole = Vector256.LessThanOrEqual(r, Vector256<T>.Zero);
            uint partial = Vector256.ExtractMostSignificantBits(Vector256.AndNot(Vector256.LessThan(r, dt), whole));
            uint spiked = 0;
            if (Vector256.ExtractMostSignificantBits(whole) != 0)
            {
                var j = Vector256.LoadUnsafe(ref current, (nuint)i);
                var v = Vector256.LoadUnsafe(ref voltage, (nuint)i);
                var vNew = v + (j - v) * full;
                spiked = Vector256.ExtractMostSignificantBits(Vector256.GreaterThan(vNew, Vector256<T>.One) & whole);
                Vector256.ConditionalSelect(whole, Clamp(vNew, minV), v).StoreUnsafe(ref voltage, (nuint)i);
            }
            r.StoreUnsafe(ref refractory, (nuint)i);
            Vector256<T>.Zero.StoreUnsafe(ref output, (nuint)i);
            partials = LaneTables.Append<T>(ref table, ref partialQueue, partials, i, partial);
            spikes = LaneTables.Append<T>(ref table, ref spikedQueue, spikes, i, spiked);
        }
        for (; i < _n; i++)
        {
            // The same arithmetic as one vector lane above.
            ref T r = ref Unsafe.Add(ref refractory, i);
            r -= dt[0];
            Unsafe.Add(ref output, i) = T.Zero;
            if (r > T.Zero)
            {
                if (r < dt[0]) _partial[partials++] = i;
                continue;
            }
            ref T v = ref Unsafe.Add(ref voltage, i);
            T vNew = v + (Unsafe.Add(ref current, i) - v) * full[0];
            if (vNew > T.One) _spiked[spikes++] = i;
            v = minV[0] > vNew ? minV[0] : vNew;
        }
        if (partials > 0) spikes = FinishPartials(ref a, partials, spikes);
        if (spikes > 0) Spike(ref a, spikes);
    }

    /// <summary>
    /// max(v, min_voltage) per lane as one instruction (a NaN voltage stays NaN; the sign of a zero may differ from
    /// IEEE maximum's, which no later arithmetic sees). The scalar tail writes the same as <c>minV &gt; v ? minV : v</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Clamp(Vector256<T> v, Vector256<T> minV) => Vector256.MaxNative(minV, v);

    /// <summary>
    /// Integrates the <paramref name="partials"/> queued neurons over Δ = dt − r, the part of the step after their
    /// refractory period, two vectors at a time, and queues those that spike; returns the new spike count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FinishPartials(ref T a, int partials, int spikes)
    {
        ref T current = ref Unsafe.Add(ref a, _j), voltage = ref Unsafe.Add(ref a, _v), refractory = ref Unsafe.Add(ref a, _ref);
        ref int queue = ref MemoryMarshal.GetArrayDataReference(_partial);
        ref int spikedQueue = ref MemoryMarshal.GetArrayDataReference(_spiked);
        int lanes = Lanes;
        PadQueue(ref queue, partials);
        // Two vectors per pass: their chains (gathers, series, clamp) are independent, so they overlap.
        for (int k = 0; k < partials; k += 2 * lanes)
        {
            ref int at0 = ref Unsafe.Add(ref queue, k);
            ref int at1 = ref Unsafe.Add(ref queue, k + lanes);
            var (vNew0, vNew1) = Integrate(ref current, ref voltage, ref refractory, ref at0, ref at1);
            spikes = StorePartials(ref voltage, ref spikedQueue, ref at0, vNew0, Math.Min(lanes, partials - k), spikes);
            spikes = StorePartials(ref voltage, ref spikedQueue, ref at1, vNew1, Math.Min(lanes, partials - k - lanes), spikes);
        }
        return spikes;
    }

    /// <summary>The voltages after the part of the step past the refractory period, for the two vectors of queued neurons at <paramref name="at0"/> and <paramref name="at1"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (Vector256<T>, Vector256<T>) Integrate(ref T current, ref T voltage, ref T refractory, ref int at0, ref int at1)
    {
        var j0 = Gather(ref current, ref at0);
        var j1 = Gather(ref current, ref at1);
        var v0 = Gather(ref voltage, ref at0);
        var v1 = Gather(ref voltage, ref at1);
        var x0 = (_dt - Gather(ref refractory, ref at0)) * _negInvTauRc;
        var x1 = (_dt - Gather(ref refractory, ref at1)) * _negInvTauRc;
        var (e0, e1) = _smallSteps ? ExpM1Small(x0, x1) : (Real.Exp(x0) - Vector256<T>.One, Real.Exp(x1) - Vector256<T>.One);
        return (v0 - (j0 - v0) * e0, v1 - (j1 - v1) * e1);
    }

    /// <summary>Stores the first <paramref name="count"/> lanes of <paramref name="vNew"/> (clamped) and queues those above threshold; returns the new spike count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int StorePartials(ref T voltage, ref int spikedQueue, ref int at, Vector256<T> vNew, int count, int spikes)
    {
        uint spiked = Vector256.ExtractMostSignificantBits(Vector256.GreaterThan(vNew, Vector256<T>.One));
        vNew = Clamp(vNew, _minV);
        for (int l = 0; l < count; l++)
        {
            int n = Unsafe.Add(ref at, l);
            Unsafe.Add(ref voltage, n) = vNew[l];
            Unsafe.Add(ref spikedQueue, spikes) = n;
            spikes += (int)((spiked >> l) & 1);
        }
        return spikes;
    }

    /// <summary>
    /// exp(x) − 1 for −0.1 ≤ x ≤ 0 by its Taylor series to x¹¹/11! (truncation below 1e-20 relative;
    /// Horner with fused multiply-adds), used when dt/τ_rc ≤ 0.1 — every practical LIF.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T>, Vector256<T>) ExpM1Small(Vector256<T> x0, Vector256<T> x1)
    {
        // Two vectors side by side: the two Horner chains overlap.
        var p0 = Vector256.Create(Real.Of<T>(1.0 / 39916800));
        var p1 = p0;
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 3628800)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 3628800)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 362880)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 362880)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 40320)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 40320)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 5040)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 5040)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 720)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 720)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 120)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 120)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 24)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 24)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(1.0 / 6)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(1.0 / 6)));
        p0 = Real.Fma(p0, x0, Vector256.Create(Real.Of<T>(0.5)));
        p1 = Real.Fma(p1, x1, Vector256.Create(Real.Of<T>(0.5)));
        p0 = Real.Fma(p0, x0, Vector256<T>.One);
        p1 = Real.Fma(p1, x1, Vector256<T>.One);
        return (p0 * x0, p1 * x1);
    }

    /// <summary>The <paramref name="spikes"/> queued spiking neurons, two vectors at a time: sub-step spike time, reset, refractory period, output spike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Spike(ref T a, int spikes)
    {
        ref T current = ref Unsafe.Add(ref a, _j), voltage = ref Unsafe.Add(ref a, _v);
        ref T refractory = ref Unsafe.Add(ref a, _ref), output = ref Unsafe.Add(ref a, _out);
        ref int queue = ref MemoryMarshal.GetArrayDataReference(_spiked);
        T amplitude = _spike[0];
        int lanes = Lanes;
        PadQueue(ref queue, spikes);
        // Two vectors per pass: the divisions and logarithms of both are independent, so they overlap.
        for (int k = 0; k < spikes; k += 2 * lanes)
        {
            ref int at0 = ref Unsafe.Add(ref queue, k);
            ref int at1 = ref Unsafe.Add(ref queue, k + lanes);
            var (period0, period1) = Periods(ref current, ref voltage, ref at0, ref at1);
            Fire(ref refractory, ref voltage, ref output, ref at0, period0, Math.Min(lanes, spikes - k), amplitude);
            Fire(ref refractory, ref voltage, ref output, ref at1, period1, Math.Min(lanes, spikes - k - lanes), amplitude);
        }
    }

    /// <summary>The refractory times to set for the two vectors of queued spiking neurons at <paramref name="at0"/> and <paramref name="at1"/>: τ_ref plus the part of the step after the spike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (Vector256<T>, Vector256<T>) Periods(ref T current, ref T voltage, ref int at0, ref int at1)
    {
        var one = Vector256<T>.One;
        var j0 = Gather(ref current, ref at0);
        var j1 = Gather(ref current, ref at1);
        var v0 = Gather(ref voltage, ref at0);
        var v1 = Gather(ref voltage, ref at1);
        var (l0, l1) = Real.LogP1OfNegative((v0 - one) / (one - j0), (v1 - one) / (one - j1));
        return (_tauRef + (_dt + _tauRc * l0), _tauRef + (_dt + _tauRc * l1));
    }

    /// <summary>Reset, refractory period and output spike of the first <paramref name="count"/> queued neurons at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fire(ref T refractory, ref T voltage, ref T output, ref int at, Vector256<T> period, int count, T amplitude)
    {
        for (int l = 0; l < count; l++)
        {
            int n = Unsafe.Add(ref at, l);
            Unsafe.Add(ref refractory, n) = period[l];
            Unsafe.Add(ref voltage, n) = T.Zero;
            Unsafe.Add(ref output, n) = amplitude;
        }
    }

    /// <summary>Fills the two vectors of lanes after the last queued neuron with neuron 0, so the last pass gathers valid memory (its results are not stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PadQueue(ref int queue, int count)
    {
        for (int l = 0; l < 2 * Lanes; l++) Unsafe.Add(ref queue, count + l) = 0;
    }

    /// <summary>x[at[l]] in lane l, for every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Gather(ref T x, ref int at)
    {
        if (typeof(T) == typeof(double))
        {
            ref double d = ref Unsafe.As<T, double>(ref x);
            return Vector256.Create(Unsafe.Add(ref d, at), Unsafe.Add(ref d, Unsafe.Add(ref at, 1)),
                Unsafe.Add(ref d, Unsafe.Add(ref at, 2)), Unsafe.Add(ref d, Unsafe.Add(ref at, 3))).As<double, T>();
        }
        var v = Vector256<T>.Zero;
        ref T lane = ref Unsafe.As<Vector256<T>, T>(ref v);
        for (int l = 0; l < Lanes; l++) Unsafe.Add(ref lane, l) = Unsafe.Add(ref x, Unsafe.Add(ref at, l));
        return v;
    }
}
