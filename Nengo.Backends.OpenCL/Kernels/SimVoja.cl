// Voja: with c = rate*L and cp = c*p[i], delta[i, j] = x[j]*(cp*s[i]) + E[i, j]*(-cp), rate = learning_rate*dt.
// ops: (input x, post p, scaled encoders E, delta, learning signal L, rows, cols, first param);
// params at the op's first param: rate, then s (one per row).
__kernel void voja(__global real* buf, const int nblocks, __global const int* blocks,
                   __global const int* ops, __global const real* params)
{
    RAGGED(blocks, nblocks, k, e);
    __global const int* o = ops + 8 * k;
    const int cols = o[6];
    if (e >= o[5] * cols) return;
    const int i = e / cols, j = e - i * cols;
    __global const real* p = params + o[7];
    const real cp = p[0] * buf[o[4]] * buf[o[1] + i];
    buf[o[3] + e] = buf[o[0] + j] * (cp * p[1 + i]) + buf[o[2] + e] * (-cp);
}
