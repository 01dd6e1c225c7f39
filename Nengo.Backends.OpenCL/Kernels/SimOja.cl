// Oja: delta[i, j] = a[j]*(scale*p[i]) + W[i, j]*(-scale*beta*p[i]*p[i]), scale = learning_rate*dt.
// ops: (pre a, post p, weights W, delta, rows, cols); params: (scale, beta).
__kernel void oja(__global real* buf, const int nblocks, __global const int* blocks,
                  __global const int* ops, __global const real* params)
{
    RAGGED(blocks, nblocks, k, e);
    __global const int* o = ops + 6 * k;
    const int cols = o[5];
    if (e >= o[4] * cols) return;
    const int i = e / cols, j = e - i * cols;
    const real scale = params[2 * k], beta = params[2 * k + 1];
    const real p = buf[o[1] + i];
    buf[o[3] + e] = buf[o[0] + j] * (scale * p) + buf[o[2] + e] * (-scale * beta * p * p);
}
