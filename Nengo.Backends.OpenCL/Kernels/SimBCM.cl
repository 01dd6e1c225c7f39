// BCM: delta[i, j] = (scale*p[i]*(p[i] - theta[i]))*a[j], scale = learning_rate*dt.
// ops: (pre a, post p, theta, delta, rows, cols); params: scale.
__kernel void bcm(__global real* buf, const int nblocks, __global const int* blocks,
                  __global const int* ops, __global const real* params)
{
    RAGGED(blocks, nblocks, k, e);
    __global const int* o = ops + 6 * k;
    const int cols = o[5];
    if (e >= o[4] * cols) return;
    const int i = e / cols, j = e - i * cols;
    const real p = buf[o[1] + i];
    buf[o[3] + e] = buf[o[0] + j] * (params[k] * p * (p - buf[o[2] + i]));
}
