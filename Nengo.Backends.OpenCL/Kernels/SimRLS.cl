// RLS, as the CPU's: Pr = P*r; k = 1/(1 + r.Pr); P -= k*Pr*Pr^T; delta[i, j] = -k*e_local[i]*Pr[j],
// e_local = e or E.e. Three launches per level: Pr, then k, then the updates of P and delta (which use
// the old P only through Pr). Pr and k live in a scratch buffer: n + 1 values per op from its offset.
// ops: (r, e, delta, P, encoders or -1, n, rows, dims, scratch offset).

__kernel void rls_pr(__global real* buf, const int nblocks, __global const int* blocks,
                     __global const int* ops, __global real* scratch)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 9 * k;
    const int n = o[5];
    if (i >= n) return;
    __global const real* row = buf + o[3] + i * n;
    __global const real* r = buf + o[0];
    real s = R(0.0);
    for (int j = 0; j < n; j++) s += row[j] * r[j];
    scratch[o[8] + i] = s;
}

__kernel void rls_gain(__global const real* buf, const int nops, __global const int* ops, __global real* scratch)
{
    const int k = get_global_id(0);
    if (k >= nops) return;
    __global const int* o = ops + 9 * k;
    const int n = o[5];
    real s = R(0.0);
    for (int j = 0; j < n; j++) s += buf[o[0] + j] * scratch[o[8] + j];
    scratch[o[8] + n] = R(1.0) / (R(1.0) + s);
}

__kernel void rls_update(__global real* buf, const int nblocks, __global const int* blocks,
                         __global const int* ops, __global const real* scratch)
{
    RAGGED(blocks, nblocks, k, e);
    __global const int* o = ops + 9 * k;
    const int n = o[5], rows = o[6];
    __global const real* pr = scratch + o[8];
    const real gain = pr[n];
    if (e < n * n) {
        const int i = e / n, j = e - i * n;
        buf[o[3] + e] += pr[j] * (-gain * pr[i]);
        return;
    }
    const int d = e - n * n;
    if (d >= rows * n) return;
    const int i = d / n, j = d - i * n;
    real e_local;
    if (o[4] < 0) {
        e_local = buf[o[1] + i];
    } else {
        const int dims = o[7];
        e_local = R(0.0);
        for (int c = 0; c < dims; c++) e_local += buf[o[4] + i * dims + c] * buf[o[1] + c];
    }
    buf[o[2] + d] = pr[j] * (-gain * e_local);
}
