using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Nengo.Graph.Operators;
using Nengo.Backends.Cpu.Memory;
using Nengo.Backends.Cpu.Numerics;

namespace Nengo.Backends.Cpu.Kernels.Neurons;

/// <summary>
/// out = amplitude / (τ_ref + τ_rc·ln(1 + 1/(J − 1))) for J &gt; 1, else 0: the rate curve of <see cref="LIFRate"/>
/// with the same vector log1p (<see cref="Nengo.Numerics.VectorLogP1"/>), so in float64 the output equals the
/// builder's tuning curve bit for bit. Two vectors side by side, then one, then the last few neurons through the same
/// vector code, so a neuron's rate does not depend on where it sits.
/// </summary>
internal sealed class LifRateKernel<T>(SimNeurons op, SignalStore<T> store) : CpuKernel where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _a = store.Arena;
    private readonly int _j = store.OffsetOf(op.Current), _out = store.OffsetOf(op.Output), _n = op.Count;
    private readonly Vector256<T> _tauRef = Vector256.Create(Real.Of<T>(((LIFRate)op.NeuronType).TauRef)),
        _tauRc = Vector256.Create(Real.Of<T>(((LIFRate)op.NeuronType).TauRc)),
        _amplitude = Vector256.Create(Real.Of<T>(((LIFRate)op.NeuronType).Amplitude));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run()
    {
        ref T a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref T current = ref Unsafe.Add(ref a, _j), output = ref Unsafe.Add(ref a, _out);
        var one = Vector256<T>.One;
        int lanes = Vector256<T>.Count, i = 0, n = _n;
        for (; i + 2 * lanes <= n; i += 2 * lanes)
        {
            var j0 = Vector256.LoadUnsafe(ref current, (nuint)i) - one;
            var j1 = Vector256.LoadUnsafe(ref current, (nuint)(i + lanes)) - one;
            var (log0, log1) = Real.LogP1(one / j0, one / j1);
            Rate(j0, log0).StoreUnsafe(ref output, (nuint)i);
            Rate(j1, log1).StoreUnsafe(ref output, (nuint)(i + lanes));
        }
        for (; i + lanes <= n; i += lanes)
        {
            var j = Vector256.LoadUnsafe(ref current, (nuint)i) - one;
            Rate(j, Real.LogP1(one / j)).StoreUnsafe(ref output, (nuint)i);
        }
        if (i == n) return;
        // The last few currents in one vector (the unused lanes hold J = 0, rate 0, and are not stored).
        var rest = Vector256<T>.Zero;
        for (int l = 0; i + l < n; l++) rest = rest.WithElement(l, Unsafe.Add(ref current, i + l));
        var jr = rest - one;
        var rates = Rate(jr, Real.LogP1(one / jr));
        for (int l = 0; i + l < n; l++) Unsafe.Add(ref output, i + l) = rates[l];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<T> Rate(Vector256<T> j, Vector256<T> log) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(j, Vector256<T>.Zero), _amplitude / (_tauRef + _tauRc * log), Vector256<T>.Zero);
}
