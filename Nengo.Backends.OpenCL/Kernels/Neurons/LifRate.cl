// LIFRate: out = amplitude / (tau_ref + tau_rc*log1p(1/(J - 1))) for J > 1, else 0.
// ops: (J, output, n); params: (tau_rc, tau_ref, amplitude).
__kernel void lif_rate(__global real* buf, const int nblocks, __global const int* blocks,
                       __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 3 * k;
    if (i >= o[2]) return;
    __global const real* p = params + 3 * k;
    const real j = buf[o[0] + i] - R(1.0);
    buf[o[1] + i] = j > R(0.0) ? p[2] / (p[1] + p[0] * log1p(R(1.0) / j)) : R(0.0);
}
