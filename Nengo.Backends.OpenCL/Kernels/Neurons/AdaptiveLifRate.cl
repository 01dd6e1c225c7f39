// AdaptiveLIFRate: out = LIFRate(J - a); a <- a + (dt/tau_n)*(inc_n*out - a) (NEF.md §2).
// ops: (J, output, adaptation, n); params: (tau_rc, tau_ref, amplitude, inc_n, dt/tau_n).
__kernel void adaptive_lif_rate(__global real* buf, const int nblocks, __global const int* blocks,
                                __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 4 * k;
    if (i >= o[3]) return;
    __global const real* p = params + 5 * k;
    const real adaptation = buf[o[2] + i];
    const real j = buf[o[0] + i] - adaptation - R(1.0);
    const real r = j > R(0.0) ? p[2] / (p[1] + p[0] * log1p(R(1.0) / j)) : R(0.0);
    buf[o[1] + i] = r;
    buf[o[2] + i] = adaptation + p[4] * (p[3] * r - adaptation);
}
