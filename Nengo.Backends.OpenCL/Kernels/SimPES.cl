// PES: delta[r, j] = scale * e_local[r] * a[j], e_local = e (decoded) or E.e (into neurons), with
// scale = -learning_rate*dt/n. One work-item per element of delta, every PES op of a level in one launch.
// ops: (activities, error, delta, encoders or -1, n, rows, dims); params: scale.
__kernel void pes(__global real* buf, const int nblocks, __global const int* blocks,
                  __global const int* ops, __global const real* params)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 7 * k;
    const int n = o[4];
    if (i >= n * o[5]) return;
    const int r = i / n, j = i - r * n;
    real e_local;
    if (o[3] < 0) {
        e_local = buf[o[1] + r];
    } else {
        const int dims = o[6];
        e_local = R(0.0);
        for (int c = 0; c < dims; c++) e_local += buf[o[3] + r * dims + c] * buf[o[1] + c];
    }
    buf[o[2] + i] = params[k] * e_local * buf[o[0] + j];
}
